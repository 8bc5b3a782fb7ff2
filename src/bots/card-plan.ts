/**
 * What the bots weigh of each card, worked out once per scenario into plain
 * arrays: the levers each kind of start draws on and what each would pay, the
 * levers' cap, the card's effects, the shocks it spares each commune. A bot
 * weighs every open card at every move; a Map lookup for each of these facts
 * was most of a simulated game's time.
 */
import { leverAvailable } from '../engine/department.ts';
import { lookup, shieldShare, struckCommunes } from '../engine/lookup.ts';
import { shareOf } from '../engine/projects.ts';
import { MAX_LEVER_SHARE } from '../engine/rules.ts';
import type { Card, GameState, Hazard, IndicatorId, Scenario } from '../engine/types.ts';

/** Levers a start asks for, with what each pays of the card (0: it brings no money) and its place in the scenario's levers. */
export interface LeverChoice {
  ids: string[];
  pays: number[];
  slots: number[];
  /** Whether it asks for the pooling lever (which the rules refuse a start without partners). */
  pooling: boolean;
}

export interface CardPlan {
  card: Card;
  /** The most the levers together may pay of the card. */
  cap: number;
  /** On its own; on its own in a hurry (the Department's engineering to finish in time); shared; money levers only. */
  solo: LeverChoice;
  soloHurry: LeverChoice;
  pooled: LeverChoice;
  money: LeverChoice;
  /** The card's effects as two arrays: each indicator's place in the plan's `indicators`, and its change. */
  effectAt: number[];
  effectBy: number[];
  /** Impact the built card spares each commune per round, by the commune's place in the territory. */
  spared: number[];
  /** Impact it removes per round wherever the shock strikes. */
  mitigation: number;
}

export interface ScenarioPlan {
  byCard: Map<string, CardPlan>;
  /** Every indicator, in one order: bots weigh them in arrays by that order. */
  indicators: readonly IndicatorId[];
  communes: Map<string, number>;
  levers: readonly string[];
}

/** The money levers the greedy bot asks for, by kind. */
export const MONEY_LEVERS: ReadonlySet<string> = new Set(['solidarity-territory-contract', 'call-for-projects']);

const plans = new WeakMap<Scenario, ScenarioPlan>();

export function scenarioPlan(scenario: Scenario): ScenarioPlan {
  const cached = plans.get(scenario);
  if (cached) return cached;
  const levers = scenario.levers.map((l) => l.id);
  const communes = new Map(scenario.territory.communes.map((c, i) => [c.id, i]));
  const byCard = new Map<string, CardPlan>();
  const indicators = Object.keys(scenario.start) as IndicatorId[];
  for (const card of Object.values(scenario.cards)) {
    const effects = lookup(scenario).effects.get(card.id) ?? [];
    const choice = (ids: string[]): LeverChoice => ({
      ids,
      pays: ids.map((id) => {
        const share = scenario.levers.find((l) => l.id === id)?.share ?? 0;
        return share > 0 ? shareOf(card.cost, share) : 0;
      }),
      slots: ids.map((id) => levers.indexOf(id)),
      pooling: ids.some((id) => scenario.levers.find((l) => l.id === id)?.kind === 'pooling'),
    });
    byCard.set(card.id, {
      card,
      cap: shareOf(card.cost, MAX_LEVER_SHARE, Math.floor),
      solo: choice(eligibleLevers(scenario, card)),
      soloHurry: choice(eligibleLevers(scenario, card, undefined, false, true)),
      pooled: choice(eligibleLevers(scenario, card, undefined, true)),
      money: choice(eligibleLevers(scenario, card, MONEY_LEVERS)),
      effectAt: effects.map(([id]) => indicators.indexOf(id)),
      effectBy: effects.map(([, d]) => d),
      spared: scenario.territory.communes.map((c) => sparedPerRound(scenario, c.id, card.id)),
      mitigation: mitigationPerRound(card, scenario),
    });
  }
  const plan = { byCard, indicators, communes, levers };
  plans.set(scenario, plan);
  return plan;
}

/**
 * The levers a card may draw on, of the given kinds (all when absent): the
 * pooling lever only for a shared start, the Department's engineering only
 * where the card needs it or to finish in time (`hurry`), as its days are scarce.
 */
export function eligibleLevers(
  scenario: Scenario,
  card: Card,
  kinds?: ReadonlySet<string>,
  pooled = false,
  hurry = false,
): string[] {
  const index = lookup(scenario);
  const out: string[] = [];
  for (const id of index.eligible.get(card.id) ?? []) {
    const kind = index.lever.get(id)?.kind ?? '';
    if (kinds && !kinds.has(kind)) continue;
    if (kind === 'pooling' && !pooled) continue;
    if (kind === 'departmental-engineering' && !card.needsEngineering && !hurry) continue;
    out.push(id);
  }
  return out;
}

/**
 * Impact a built card spares a commune per round, on average: for each hazard
 * of the deck, its odds x its size x how hard it reaches the commune (its
 * zones, its neighbours' spill-over) x the card's shield.
 */
export function sparedPerRound(scenario: Scenario, commune: string, card: string): number {
  const total = scenario.deckHazards.reduce((sum, h) => sum + h.weight, 0);
  const neighbours = lookup(scenario).neighbours.get(commune) ?? [];
  let value = 0;
  for (const entry of scenario.deckHazards) {
    const share = shieldShare(scenario, card, entry.hazard);
    const hazard = scenario.hazards[entry.hazard];
    if (share === 0 || !hazard || total === 0) continue;
    const struck = struckCommunes(scenario, entry.hazard);
    const exposure = struck.has(commune) ? 1 : neighbours.some((n) => struck.has(n)) ? hazard.spill : 0;
    const size = hazardSize(hazard);
    value += (entry.weight / total) * size * exposure * share;
  }
  return value;
}

/** A hazard's size: the sum of its impacts, whatever their sign. */
function hazardSize(hazard: Hazard): number {
  return Object.values(hazard.impacts).reduce((sum, v) => sum + Math.abs(v ?? 0), 0);
}

/** Expected impact a card removes per round, from the deck's odds, wherever it strikes. */
function mitigationPerRound(card: Card, scenario: Scenario): number {
  const total = scenario.deckHazards.reduce((s, h) => s + h.weight, 0);
  let value = 0;
  for (const entry of scenario.deckHazards) {
    const hazard = scenario.hazards[entry.hazard];
    if (!hazard) continue;
    const size = hazardSize(hazard);
    value += (entry.weight / total) * size * shieldShare(scenario, card.id, entry.hazard);
  }
  return value;
}

/** What a team may draw on each lever (in the scenario's order of levers), and its budget, in one state. */
export interface Funds {
  available: number[];
  budget: number;
}

/**
 * A bot weighs every open card against the same state: the lever money left
 * and its budget are read once per state and team (one entry: the next move is another state).
 */
export function fundsOf(state: GameState, plan: ScenarioPlan, team: string): Funds {
  if (fundsState !== state || fundsTeam !== team || fundsPlan !== plan) {
    fundsState = state;
    fundsTeam = team;
    fundsPlan = plan;
    funds = {
      available: plan.levers.map((id) => leverAvailable(state, id, team)),
      budget: state.teams.find((t) => t.id === team)?.budget ?? 0,
    };
  }
  return funds;
}

let fundsState: GameState | null = null;
let fundsTeam = '';
let fundsPlan: ScenarioPlan | null = null;
let funds: Funds = { available: [], budget: 0 };

/** What the team would pay, from the envelopes (or its Department share) left: the quote's arithmetic without its checks. */
export function estimatedShare(plan: CardPlan, levers: LeverChoice, funds: Funds, owners: number): number {
  let paid = 0;
  for (let i = 0; i < levers.pays.length; i += 1) {
    const amount = levers.pays[i] as number;
    if (amount) paid += Math.min(amount, funds.available[levers.slots[i] as number] as number);
  }
  return Math.ceil((plan.card.cost - Math.min(plan.cap, paid)) / owners);
}

/** The estimated share, or infinity when the team's budget cannot cover it (the start is not worth quoting). */
export function affordableShare(plan: CardPlan, levers: LeverChoice, funds: Funds, owners: number): number {
  const share = estimatedShare(plan, levers, funds, owners);
  return share > funds.budget ? Number.POSITIVE_INFINITY : share;
}
