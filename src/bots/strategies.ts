/**
 * Built-in strategy bots for the balance simulator and the benchmarks. Each
 * reads the state and returns the action its team plays; randomness comes from
 * the caller's seeded generator, never from Math.random.
 */
import { cardsOpenTo, findTeam, quoteProject } from './game.ts';
import { lookup, shieldShare } from './lookup.ts';
import { pendingOffersFor } from './offers.ts';
import type { Card, GameState, IndicatorId, Indicators, Offer, PlayerAction, Scenario } from './types.ts';

export type Random = () => number;
export type Strategy = (state: GameState, scenario: Scenario, team: string, random: Random) => PlayerAction;

type StartAction = Extract<PlayerAction, { type: 'start-project' }>;

function eligibleLevers(scenario: Scenario, card: Card, kinds?: ReadonlySet<string>): string[] {
  const index = lookup(scenario);
  const out: string[] = [];
  for (const id of index.eligible.get(card.id) ?? []) {
    if (!kinds || kinds.has(index.lever.get(id)?.kind ?? '')) out.push(id);
  }
  return out;
}

/** Weight of a point gained on each indicator: the weaker it is, the more it is worth. */
function needWeights(indicators: Indicators, ids: readonly IndicatorId[]): Partial<Record<IndicatorId, number>> {
  const weights: Partial<Record<IndicatorId, number>> = {};
  for (const id of ids) weights[id] = Math.min(3, Math.max(0.3, 1 + (55 - indicators[id]) / 25));
  return weights;
}

function effectValue(card: Card, scenario: Scenario, weights: Partial<Record<IndicatorId, number>> | null): number {
  let value = 0;
  for (const [id, d] of lookup(scenario).effects.get(card.id) ?? []) value += d * (weights ? (weights[id] ?? 1) : 1);
  return value;
}

const mitigationCache = new WeakMap<Scenario, Map<string, number>>();

/** Expected impact a card removes per round, from the deck's odds (cached per scenario). */
function mitigationPerRound(card: Card, scenario: Scenario): number {
  let cache = mitigationCache.get(scenario);
  if (!cache) {
    cache = new Map();
    mitigationCache.set(scenario, cache);
  }
  const cached = cache.get(card.id);
  if (cached !== undefined) return cached;
  const total = scenario.deckHazards.reduce((s, h) => s + h.weight, 0);
  let value = 0;
  for (const entry of scenario.deckHazards) {
    const hazard = scenario.hazards[entry.hazard];
    if (!hazard) continue;
    const size = Object.values(hazard.impacts).reduce((s, v) => s + Math.abs(v ?? 0), 0);
    value += (entry.weight / total) * size * shieldShare(scenario, card.id, entry.hazard);
  }
  cache.set(card.id, value);
  return value;
}

function mitigationValue(card: Card, scenario: Scenario, roundsLeft: number): number {
  return roundsLeft > 0 ? mitigationPerRound(card, scenario) * roundsLeft : 0;
}

interface Candidate {
  action: StartAction;
  value: number;
}

/** Quotes an action once: its affordability and what the team itself pays. */
function priced(state: GameState, scenario: Scenario, action: StartAction): { ok: boolean; own: number } {
  const quote = quoteProject(state, scenario, action);
  return { ok: quote.ok, own: quote.shares[action.team] ?? 0 };
}

function best(candidates: Candidate[]): PlayerAction | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (!top || c.value > top.value) top = c;
  return top?.action ?? null;
}

export const randomStrategy: Strategy = (state, scenario, team, random) => {
  if (random() < 0.05) return { type: 'pass', team };
  const cards = cardsOpenTo(state, scenario, team);
  for (let tries = 0; tries < 4 && cards.length > 0; tries += 1) {
    const card = cards[Math.floor(random() * cards.length)] as Card;
    const levers = eligibleLevers(scenario, card).filter(() => random() < 0.7);
    const action: StartAction = { type: 'start-project', team, card: card.id, levers };
    if (quoteProject(state, scenario, action).ok) return action;
  }
  return { type: 'pass', team };
};

const MONEY_LEVERS = new Set(['solidarity-territory-contract', 'call-for-projects']);

/** Biggest immediate gain per k€ of its own money; no engineering, no pooling, blind to hazards. */
export const greedyStrategy: Strategy = (state, scenario, team) => {
  const candidates: Candidate[] = [];
  for (const card of cardsOpenTo(state, scenario, team)) {
    if (card.needsEngineering) continue;
    const action: StartAction = {
      type: 'start-project',
      team,
      card: card.id,
      levers: eligibleLevers(scenario, card, MONEY_LEVERS),
    };
    const { ok, own } = priced(state, scenario, action);
    if (ok) candidates.push({ action, value: effectValue(card, scenario, null) / Math.max(10, own) });
  }
  return best(candidates) ?? { type: 'pass', team };
};

/** Reads the deck's odds: builds what shields the territory from its likely shocks, where it is weakest. */
export const hazardAwareStrategy: Strategy = (state, scenario, team) => {
  const me = findTeam(state, team);
  if (!me) return { type: 'pass', team };
  const weights = needWeights(me.indicators, scenario.indicatorIds);
  const roundsLeft = state.rounds - state.round + 1;
  const candidates: Candidate[] = [];
  for (const card of cardsOpenTo(state, scenario, team)) {
    const action: StartAction = { type: 'start-project', team, card: card.id, levers: eligibleLevers(scenario, card) };
    const { ok, own } = priced(state, scenario, action);
    if (!ok) continue;
    const value = effectValue(card, scenario, weights) + 2 * mitigationValue(card, scenario, roundsLeft - card.duration + 1);
    candidates.push({ action, value: value / Math.max(15, own) ** 0.5 });
  }
  return best(candidates) ?? { type: 'pass', team };
};

/** Works with the others: pools what can be pooled, uses every lever, grows the SSE ecosystem. */
export const cooperativeStrategy: Strategy = (state, scenario, team) => {
  const me = findTeam(state, team);
  if (!me) return { type: 'pass', team };
  const weights = needWeights(me.indicators, scenario.indicatorIds);
  const others = state.teams.filter((t) => t.id !== team && !t.collapsed).map((t) => t.id);
  const roundsLeft = state.rounds - state.round + 1;
  const candidates: Candidate[] = [];
  for (const card of cardsOpenTo(state, scenario, team)) {
    const levers = eligibleLevers(scenario, card);
    const base = effectValue(card, scenario, weights) + 1 * mitigationValue(card, scenario, roundsLeft - card.duration + 1);
    if (card.poolable && others.length > 0) {
      // Pairs, as small rural communes are paired: the first team still free to join.
      const partners = others.filter((o) => !state.projects.some((p) => p.card === card.id && p.owners.includes(o))).slice(0, 1);
      if (partners.length > 0) {
        const action: StartAction = { type: 'start-project', team, card: card.id, levers, partners };
        const { ok, own } = priced(state, scenario, action);
        if (ok) candidates.push({ action, value: (base + 8) / Math.max(15, own) ** 0.5 });
      }
    }
    const action: StartAction = { type: 'start-project', team, card: card.id, levers };
    const { ok, own } = priced(state, scenario, action);
    if (ok) candidates.push({ action, value: base / Math.max(15, own) ** 0.5 });
  }
  return best(candidates) ?? { type: 'pass', team };
};

type OfferPolicy = (state: GameState, scenario: Scenario, team: string, offer: Offer, random: Random) => boolean;

/** A team answers the offers waiting for it before anything else. */
function answeringOffers(strategy: Strategy, accepts: OfferPolicy): Strategy {
  return (state, scenario, team, random) => {
    const offer = pendingOffersFor(state, team)[0];
    if (offer) return { type: 'answer-offer', team, offer: offer.id, accept: accepts(state, scenario, team, offer, random) };
    return strategy(state, scenario, team, random);
  };
}

/** Yes when the team can pay an equal part of the whole cost: a sensible partner's rule of thumb. */
const acceptsAffordable: OfferPolicy = (state, scenario, team, offer) => {
  const cost = scenario.cards[offer.card]?.cost ?? Number.POSITIVE_INFINITY;
  return (findTeam(state, team)?.budget ?? 0) >= cost / (offer.partners.length + 1);
};

export const STRATEGIES: Record<string, Strategy> = {
  random: answeringOffers(randomStrategy, (_s, _sc, _t, _o, random) => random() < 0.5),
  // Solo-minded: never offers, never accepts.
  greedy: answeringOffers(greedyStrategy, () => false),
  cooperative: answeringOffers(cooperativeStrategy, acceptsAffordable),
  'hazard-aware': answeringOffers(hazardAwareStrategy, acceptsAffordable),
};
