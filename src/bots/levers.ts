/**
 * What the bots share: which levers to ask for, a cheap estimate of what a
 * start costs the team, and picking the best start while quoting only the
 * few that look best (quoting every card at every move is what makes a
 * simulation slow).
 */

import { leverAvailable } from '../engine/department.ts';
import { lookup } from '../engine/lookup.ts';
import { type Quote, quoteProject, shareOf } from '../engine/projects.ts';
import { MAX_LEVER_SHARE } from '../engine/rules.ts';
import type { Card, GameState, PlayerAction, Scenario } from '../engine/types.ts';

export type StartAction = Extract<PlayerAction, { type: 'start-project' }>;

/**
 * The levers a card may draw on, of the given kinds (all when absent): the
 * pooling lever only for a shared start, the Department's engineering only
 * where the card needs it or to finish in time (`hurry`), as its days are
 * scarce. Cached per card; callers never change the list.
 */
export function eligibleLevers(
  scenario: Scenario,
  card: Card,
  kinds?: ReadonlySet<string>,
  pooled = false,
  hurry = false,
): string[] {
  let byCard = leverCache.get(scenario);
  if (!byCard) {
    byCard = new Map();
    leverCache.set(scenario, byCard);
  }
  let variants = byCard.get(card.id);
  if (!variants) {
    variants = new Map();
    byCard.set(card.id, variants);
  }
  const key = kinds ?? (hurry ? (pooled ? POOLED_HURRY : SOLO_HURRY) : pooled ? POOLED : SOLO);
  let levers = variants.get(key);
  if (!levers) {
    levers = computeLevers(scenario, card, kinds, pooled, hurry);
    variants.set(key, levers);
  }
  return levers;
}

const SOLO = new Set<string>();
const POOLED = new Set<string>();
const SOLO_HURRY = new Set<string>();
const POOLED_HURRY = new Set<string>();
const leverCache = new WeakMap<Scenario, Map<string, Map<ReadonlySet<string>, string[]>>>();

function computeLevers(
  scenario: Scenario,
  card: Card,
  kinds: ReadonlySet<string> | undefined,
  pooled: boolean,
  hurry: boolean,
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

/** A card's price facts, fixed for a scenario: what each money lever would pay of it, and the levers' cap. */
interface CardPrice {
  cap: number;
  pays: Map<string, number>;
}

const priceCache = new WeakMap<Scenario, Map<string, CardPrice>>();

function cardPrice(scenario: Scenario, card: Card): CardPrice {
  let byCard = priceCache.get(scenario);
  if (!byCard) {
    byCard = new Map();
    priceCache.set(scenario, byCard);
  }
  let price = byCard.get(card.id);
  if (!price) {
    const pays = new Map<string, number>();
    for (const lever of scenario.levers) if (lever.share > 0) pays.set(lever.id, shareOf(card.cost, lever.share));
    price = { cap: shareOf(card.cost, MAX_LEVER_SHARE, Math.floor), pays };
    byCard.set(card.id, price);
  }
  return price;
}

/** What the team would pay, from the envelopes (or its Department share) left: the quote's arithmetic without its checks. */
export function estimatedShare(
  state: GameState,
  scenario: Scenario,
  card: Card,
  levers: readonly string[],
  owners: number,
  team = '',
): number {
  const price = cardPrice(scenario, card);
  const funds = fundsOf(state, scenario, team);
  let paid = 0;
  for (let i = 0; i < levers.length; i += 1) {
    const id = levers[i] as string;
    const amount = price.pays.get(id);
    if (amount) paid += Math.min(amount, funds.available.get(id) ?? leverAvailable(state, id, team));
  }
  return Math.ceil((card.cost - Math.min(price.cap, paid)) / owners);
}

/** What a team may draw on each lever, and its budget, in one state. */
interface Funds {
  available: Map<string, number>;
  budget: number;
}

/**
 * A bot weighs every open card against the same state: the lever money left
 * and its budget are read once per state and team (one entry, like cardsOfTeam).
 */
function fundsOf(state: GameState, scenario: Scenario, team: string): Funds {
  if (fundsState !== state || fundsTeam !== team) {
    fundsState = state;
    fundsTeam = team;
    const available = new Map<string, number>();
    for (const lever of scenario.levers) available.set(lever.id, leverAvailable(state, lever.id, team));
    funds = { available, budget: state.teams.find((t) => t.id === team)?.budget ?? 0 };
  }
  return funds;
}

let fundsState: GameState | null = null;
let fundsTeam = '';
let funds: Funds = { available: new Map(), budget: 0 };

/** The estimated share, or infinity when the team's budget cannot cover it (the start is not worth quoting). */
export function affordableShare(
  state: GameState,
  scenario: Scenario,
  card: Card,
  levers: readonly string[],
  owners: number,
  team: string,
): number {
  const share = estimatedShare(state, scenario, card, levers, owners, team);
  return share > fundsOf(state, scenario, team).budget ? Number.POSITIVE_INFINITY : share;
}

export interface Candidate {
  action: StartAction;
  /** The bot's score from the estimate; the real one is computed from the quote. */
  estimate: number;
}

/** Quotes candidates from the best estimate down, keeps the best real score among the first few that pass. */
export function bestStart(
  state: GameState,
  scenario: Scenario,
  candidates: Candidate[],
  score: (action: StartAction, quote: Quote) => number,
  quotes = 1,
): StartAction | null {
  let best: StartAction | null = null;
  let bestScore = 0;
  let passed = 0;
  // Pick the best remaining estimate each time rather than sorting: usually the first one passes.
  for (let tries = 0; tries < candidates.length && passed < quotes; tries += 1) {
    let top = -1;
    for (let i = 0; i < candidates.length; i += 1) {
      const c = candidates[i] as Candidate;
      if (c.estimate > 0 && (top < 0 || c.estimate > (candidates[top] as Candidate).estimate)) top = i;
    }
    if (top < 0) break;
    const candidate = candidates[top] as Candidate;
    candidate.estimate = 0;
    const quote = quoteProject(state, scenario, candidate.action);
    if (!quote.ok) continue;
    passed += 1;
    const value = score(candidate.action, quote);
    if (value > bestScore) {
      bestScore = value;
      best = candidate.action;
    }
  }
  return best;
}
