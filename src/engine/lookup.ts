/**
 * Per-scenario lookups computed once (a scenario never changes during play):
 * the rules and the bots ask these questions thousands of times per game.
 */
import type { Card, IndicatorId, Scenario, ScenarioLever } from './types.ts';

export interface ScenarioLookup {
  inDeck: Set<string>;
  lever: Map<string, ScenarioLever>;
  /** Lever ids each card is eligible for. */
  eligible: Map<string, Set<string>>;
  /** A card's effects as [indicator, delta] pairs. */
  effects: Map<string, [IndicatorId, number][]>;
  actorType: Map<string, string>;
  /** Share of a hazard's impact a built card removes, card -> hazard -> share (filled on demand). */
  shield: Map<string, Map<string, number>>;
}

const cache = new WeakMap<Scenario, ScenarioLookup>();

export function leverFits(lever: ScenarioLever, card: Card, actorType: string | undefined): boolean {
  if (lever.tagsAny.length > 0 && !lever.tagsAny.some((tag) => card.tags.includes(tag))) return false;
  if (lever.actorTypes.length > 0 && (!actorType || !(lever.actorTypes as string[]).includes(actorType))) return false;
  return true;
}

export function lookup(scenario: Scenario): ScenarioLookup {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const built: ScenarioLookup = {
    inDeck: new Set(scenario.deckCards),
    lever: new Map(scenario.levers.map((l) => [l.id, l])),
    eligible: new Map(),
    effects: new Map(),
    actorType: new Map(),
    shield: new Map(),
  };
  for (const card of Object.values(scenario.cards)) {
    const type = scenario.actors[card.actor]?.type;
    if (type) built.actorType.set(card.id, type);
    built.eligible.set(card.id, new Set(scenario.levers.filter((l) => leverFits(l, card, type)).map((l) => l.id)));
    built.effects.set(card.id, Object.entries(card.effects) as [IndicatorId, number][]);
  }
  cache.set(scenario, built);
  return built;
}

/**
 * What a built card removes of a hazard: its shields against that hazard and,
 * as a shield works against a kind of shock, against hazards of the same kind.
 */
export function shieldShare(scenario: Scenario, card: string, hazard: string): number {
  const index = lookup(scenario);
  let byHazard = index.shield.get(card);
  if (!byHazard) {
    byHazard = new Map();
    index.shield.set(card, byHazard);
  }
  const cached = byHazard.get(hazard);
  if (cached !== undefined) return cached;
  const kind = scenario.hazards[hazard]?.kind;
  let share = 0;
  for (const m of scenario.cards[card]?.mitigates ?? []) {
    if (m.hazard === hazard || scenario.hazards[m.hazard]?.kind === kind) share += m.share;
  }
  byHazard.set(hazard, share);
  return share;
}
