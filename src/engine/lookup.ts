/**
 * Per-scenario lookups computed once (a scenario never changes during play):
 * the rules and the bots ask these questions thousands of times per game.
 */
import { SSE_ACTOR_TYPES } from './rules.ts';
import type { Card, IndicatorId, Lever, Scenario, ScenarioLever } from './types.ts';

export interface ScenarioLookup {
  inDeck: Set<string>;
  /** The deck's cards, in its order. */
  deck: Card[];
  /** The indicators the scenario plays. */
  plays: Set<string>;
  /** Each card's slot: its place among the scenario's cards (team-cards.ts keeps flags by slot). */
  slot: Map<string, number>;
  /** By deck card: its slot, the slots of the cards it excludes and of its prerequisites (-1: a card the scenario does not hold). */
  deckSlots: number[];
  excludeSlots: number[][];
  prerequisiteSlots: number[][];
  /** By slot, the bit of the card's actor type among the SSE actor types (0: not an SSE actor). */
  sseTypeBit: Int32Array;
  /** By hazard, each card's shield against it by slot (filled on demand). */
  shieldBySlot: Map<string, Float64Array>;
  lever: Map<string, ScenarioLever>;
  /** Lever ids each card is eligible for. */
  eligible: Map<string, Set<string>>;
  /** A card's effects as [indicator, delta] pairs. */
  effects: Map<string, [IndicatorId, number][]>;
  actorType: Map<string, string>;
  /** Share of a hazard's impact a built card removes, card -> hazard -> share (filled on demand). */
  shield: Map<string, Map<string, number>>;
  /** Each commune's neighbours. */
  neighbours: Map<string, readonly string[]>;
  /** Communes each hazard strikes head-on (filled on demand). */
  struck: Map<string, Set<string>>;
}

const cache = new WeakMap<Scenario, ScenarioLookup>();
const SSE_TYPES = [...SSE_ACTOR_TYPES];

/** Whether a lever funds a card: by the card's tags and its actor's type (the validator asks it too). */
export function leverFits(lever: Pick<Lever, 'tagsAny' | 'actorTypes'>, card: Card, actorType: string | undefined): boolean {
  if (lever.tagsAny.length > 0 && !lever.tagsAny.some((tag) => card.tags.includes(tag))) return false;
  if (lever.actorTypes.length > 0 && (!actorType || !(lever.actorTypes as string[]).includes(actorType))) return false;
  return true;
}

export function lookup(scenario: Scenario): ScenarioLookup {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const deck = scenario.deckCards.flatMap((id) => scenario.cards[id] ?? []);
  const slot = new Map(Object.keys(scenario.cards).map((id, i) => [id, i]));
  const slotsOf = (ids: readonly string[]) => ids.map((id) => slot.get(id) ?? -1);
  const built: ScenarioLookup = {
    inDeck: new Set(scenario.deckCards),
    deck,
    plays: new Set(scenario.indicatorIds),
    slot,
    deckSlots: slotsOf(deck.map((c) => c.id)),
    excludeSlots: deck.map((c) => slotsOf(c.excludes)),
    prerequisiteSlots: deck.map((c) => slotsOf(c.prerequisites)),
    sseTypeBit: new Int32Array(slot.size),
    shieldBySlot: new Map(),
    lever: new Map(scenario.levers.map((l) => [l.id, l])),
    eligible: new Map(),
    effects: new Map(),
    actorType: new Map(),
    shield: new Map(),
    neighbours: new Map(scenario.territory.communes.map((c) => [c.id, c.neighbours])),
    struck: new Map(),
  };
  for (const card of Object.values(scenario.cards)) {
    const type = scenario.actors[card.actor]?.type;
    if (type) built.actorType.set(card.id, type);
    const sse = type ? SSE_TYPES.indexOf(type) : -1;
    if (sse >= 0) built.sseTypeBit[slot.get(card.id) as number] = 1 << sse;
    built.eligible.set(card.id, new Set(scenario.levers.filter((l) => leverFits(l, card, type)).map((l) => l.id)));
    built.effects.set(card.id, Object.entries(card.effects) as [IndicatorId, number][]);
  }
  cache.set(scenario, built);
  return built;
}

/** What a built card removes of a hazard: exactly what the card lists against that hazard. */
export function shieldShare(scenario: Scenario, card: string, hazard: string): number {
  const index = lookup(scenario);
  let byHazard = index.shield.get(card);
  if (!byHazard) {
    byHazard = new Map();
    index.shield.set(card, byHazard);
  }
  const cached = byHazard.get(hazard);
  if (cached !== undefined) return cached;
  let share = 0;
  for (const m of scenario.cards[card]?.mitigates ?? []) if (m.hazard === hazard) share += m.share;
  for (const m of scenario.cards[card]?.aggravates ?? []) if (m.hazard === hazard) share -= m.share;
  byHazard.set(hazard, share);
  return share;
}

/** Every card's shield against a hazard, by the card's slot (what shieldShare says of each). */
export function shieldsAgainst(scenario: Scenario, hazard: string): Float64Array {
  const index = lookup(scenario);
  let shields = index.shieldBySlot.get(hazard);
  if (!shields) {
    shields = new Float64Array(index.slot.size);
    for (const [card, slot] of index.slot) shields[slot] = shieldShare(scenario, card, hazard);
    index.shieldBySlot.set(hazard, shields);
  }
  return shields;
}

/** Communes a hazard strikes head-on: those holding a zone of a kind it strikes (all of them for a territory-wide hazard). */
export function struckCommunes(scenario: Scenario, hazard: string): Set<string> {
  const index = lookup(scenario);
  const cached = index.struck.get(hazard);
  if (cached) return cached;
  const kinds: readonly string[] = scenario.hazards[hazard]?.zoneKinds ?? [];
  const zoneKind = new Map(scenario.territory.zones.map((z) => [z.id, z.kind as string]));
  const out = new Set<string>();
  for (const commune of scenario.territory.communes) {
    if (kinds.length === 0 || commune.zones.some((z) => kinds.includes(zoneKind.get(z) ?? ''))) out.add(commune.id);
  }
  index.struck.set(hazard, out);
  return out;
}
