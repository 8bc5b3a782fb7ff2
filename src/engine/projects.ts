/**
 * Starting a project: its price (quoteProject, which is also the rules' check)
 * and its launch (the owners pay, the levers draw on the Department's
 * envelopes and days, the project is recorded).
 */
import { cloneTeam, evolve } from './clone.ts';
import { drawAllocations, leverAvailable } from './department.ts';
import { type ActionError, findTeam, movesPerRound } from './game.ts';
import { lookup } from './lookup.ts';
import { ECOSYSTEM_FOR_PTCE, MAX_LEVER_SHARE, POOLED_EXTRA_DURATION } from './rules.ts';
import { cardsOfTeam, sseActorTypesBuilt } from './team-cards.ts';
import type { Card, GameState, Offer, PlayerAction, Project, Scenario } from './types.ts';

export interface Quote {
  ok: boolean;
  error?: ActionError;
  cost: number;
  leverPaid: Record<string, number>;
  /** What each owner pays from its budget. */
  shares: Record<string, number>;
  duration: number;
  pooled: boolean;
  engineeringDays: number;
}

function fail(error: ActionError): Quote {
  return { ok: false, error, cost: 0, leverPaid: {}, shares: {}, duration: 0, pooled: false, engineeringDays: 0 };
}

type StartAction = Extract<PlayerAction, { type: 'start-project' }>;

/** Prices a project start without changing anything: the UI shows it, the guard checks it. Callers never change a quote. */
export function quoteProject(state: GameState, scenario: Scenario, action: StartAction): Quote {
  const last = lastQuote;
  if (last && last.state === state && last.action === action && last.scenario === scenario) return last.quote;
  const quote = priceProject(state, scenario, action);
  lastQuote = { state, scenario, action, quote };
  return quote;
}

/**
 * The last quote, by the identity of its state and its action: a bot prices
 * the start it picks, then the rules price the same action on the same state
 * to apply it. States and actions are never changed in place, so they key it.
 */
let lastQuote: { state: GameState; scenario: Scenario; action: StartAction; quote: Quote } | null = null;

function priceProject(state: GameState, scenario: Scenario, action: StartAction): Quote {
  const quote: Quote = { ok: false, cost: 0, leverPaid: {}, shares: {}, duration: 0, pooled: false, engineeringDays: 0 };
  if (state.over) return fail('game-over');
  const team = findTeam(state, action.team);
  if (!team) return fail('unknown-team');
  if (team.acted) return fail('already-acted');
  const card = scenario.cards[action.card];
  if (!card) return fail('unknown-card');
  const index = lookup(scenario);
  if (!index.inDeck.has(card.id)) return fail('card-not-in-deck');
  const partners = action.partners ?? [];
  const owners = [team.id, ...partners];
  if (partners.length > 0) {
    if (!card.poolable) return fail('not-poolable');
    for (let i = 1; i < owners.length; i += 1) if (owners.indexOf(owners[i] as string) < i) return fail('bad-partner');
    for (const p of partners) if (!findTeam(state, p)) return fail('bad-partner');
  }
  if (partners.length < card.minPartners) return fail('needs-partners');
  for (const o of owners) if (cardsOfTeam(state, scenario, o).hasStarted(card.id)) return fail('already-started');
  if (inOpenOffer(state.offers, card.id, owners)) return fail('already-started');
  const mine = cardsOfTeam(state, scenario, team.id);
  for (const pre of card.prerequisites) if (!mine.hasBuilt(pre)) return fail('missing-prerequisite');
  if (lacksEcosystem(state, scenario, card, team.id)) return fail('needs-ecosystem');
  if (card.excludes.length > 0 && excludedFor(state, scenario, card, owners)) return fail('excluded');
  for (let i = 1; i < action.levers.length; i += 1) {
    if (action.levers.indexOf(action.levers[i] as string) < i) return fail('duplicate-lever');
  }

  quote.cost = card.cost;
  quote.duration = card.duration;
  quote.pooled = partners.length > 0;
  let leverMoney = 0;
  let engineering = false;
  const maxLeverMoney = shareOf(card.cost, MAX_LEVER_SHARE, Math.floor);
  const eligible = index.eligible.get(card.id);
  for (const leverId of action.levers) {
    const lever = index.lever.get(leverId);
    if (!lever) return fail('unknown-lever');
    if (!eligible?.has(leverId)) return fail('lever-not-eligible');
    if (lever.kind === 'departmental-engineering') engineering = true;
    if (lever.kind === 'pooling') {
      if (partners.length === 0) return fail('pooling-needs-partner');
      quote.pooled = true;
    }
    quote.duration = Math.max(1, quote.duration - lever.durationReduction);
    if (lever.share > 0) {
      const available = leverAvailable(state, lever.id, team.id);
      const amount = Math.min(shareOf(card.cost, lever.share), available, maxLeverMoney - leverMoney);
      quote.leverPaid[lever.id] = amount;
      leverMoney += amount;
    }
  }
  if (card.needsEngineering && !engineering) return fail('needs-engineering');
  if (engineering) {
    if (state.engineeringDays < card.engineeringDays) return fail('no-engineering-days');
    quote.engineeringDays = card.engineeringDays;
  }
  if (quote.pooled) quote.duration += POOLED_EXTRA_DURATION;
  const remainder = card.cost - leverMoney;
  // Pooled projects split what is left equally; the proposer pays any odd k€.
  const base = Math.floor(remainder / owners.length);
  for (let i = 0; i < owners.length; i += 1) {
    const owner = owners[i] as string;
    const share = i === 0 ? remainder - base * (owners.length - 1) : base;
    quote.shares[owner] = share;
    if (share > (findTeam(state, owner)?.budget ?? 0)) return fail('budget');
  }
  quote.ok = true;
  return quote;
}

/** An open offer for this card naming one of these teams: the card counts as started for everyone it names. */
export function inOpenOffer(offers: readonly Offer[], card: string, teams: readonly string[]): boolean {
  for (const offer of offers) {
    if (offer.status !== 'open' || offer.card !== card) continue;
    if (teams.includes(offer.proposer) || offer.partners.some((p) => teams.includes(p))) return true;
  }
  return false;
}

/** A card that needs an SSE ecosystem (a PTCE) and a proposer that has not built one. */
export function lacksEcosystem(state: GameState, scenario: Scenario, card: Card, team: string): boolean {
  return card.needsEcosystem && sseActorTypesBuilt(state, scenario, team) < ECOSYSTEM_FOR_PTCE;
}

/**
 * A share of an amount in whole k€, computed in whole percents: 90 x 0.35 is
 * 31.499... in floating point, and 31.5 must round to 32.
 */
export function shareOf(amount: number, share: number, round: (n: number) => number = Math.round): number {
  return round((amount * Math.round(share * 100)) / 100);
}

/** A dilemma: a card is closed to anyone who started (or offered) a card it excludes. */
function excludedFor(state: GameState, scenario: Scenario, card: Card, owners: readonly string[]): boolean {
  for (const o of owners) {
    const cards = cardsOfTeam(state, scenario, o);
    for (const id of card.excludes) if (cards.hasStarted(id)) return true;
  }
  for (const offer of state.offers) {
    if (offer.status !== 'open' || !card.excludes.includes(offer.card)) continue;
    if ([offer.proposer, ...offer.partners].some((o) => owners.includes(o))) return true;
  }
  return false;
}

/**
 * Starts a priced project: every owner pays its share, the proposer draws on
 * the levers, and with `chargeOwners` every owner uses one of its moves for it
 * (a settled offer's owners used theirs when proposing and accepting).
 */
export function launchProject(
  state: GameState,
  action: { team: string; card: string; levers: string[] },
  quote: Quote,
  chargeOwners: boolean,
): GameState {
  const project: Project = {
    id: `p${state.projects.length + 1}`,
    card: action.card,
    owners: Object.keys(quote.shares),
    levers: [...action.levers],
    startedRound: state.round,
    readyRound: state.round + quote.duration - 1,
    built: false,
    pooled: quote.pooled,
    engineeringDays: quote.engineeringDays,
    cost: quote.cost,
    paid: quote.shares,
    leverPaid: quote.leverPaid,
  };
  const teams = state.teams.map((t) => {
    const share = quote.shares[t.id];
    if (share === undefined) return t;
    const next = cloneTeam(t);
    next.budget -= share;
    if (chargeOwners) {
      next.moves += 1;
      next.acted = t.acted || next.moves >= movesPerRound(t);
    }
    if (t.id === action.team) {
      const used: Record<string, number> = {};
      for (const lever in t.leverUsed) used[lever] = t.leverUsed[lever] as number;
      for (const lever in quote.leverPaid) used[lever] = (used[lever] ?? 0) + (quote.leverPaid[lever] as number);
      next.leverUsed = used;
    }
    return next;
  });
  const envelope: Record<string, number> = { ...state.envelope };
  for (const lever in quote.leverPaid) envelope[lever] = (envelope[lever] ?? 0) - (quote.leverPaid[lever] as number);
  return evolve(state, {
    teams,
    envelope,
    allocations: drawAllocations(state, action.team, quote.leverPaid),
    engineeringDays: state.engineeringDays - quote.engineeringDays,
    projects: [...state.projects, project],
  });
}
