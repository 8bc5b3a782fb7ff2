import { cloneTeam } from './clone.ts';
import { drawAllocations, leverAvailable } from './department.ts';
import { leverFits, lookup } from './lookup.ts';
import { seedState } from './rng.ts';
import { clampIndicator, softGain } from './round.ts';
import {
  ACTIONS_PER_ROUND,
  AID_AMOUNT,
  AID_COOPERATION,
  AID_NEED_BOOST,
  BUDGET_FACTOR,
  COLLAPSED_ACTIONS_PER_ROUND,
  ECOSYSTEM_FOR_PTCE,
  ESSENTIAL_NEEDS_IDS,
  envelopeFactor,
  MAX_LEVER_SHARE,
  POOLED_EXTRA_DURATION,
  SSE_ACTOR_TYPES,
} from './rules.ts';
import type {
  Card,
  GameOptions,
  GameState,
  IndicatorId,
  PlayerAction,
  Project,
  Scenario,
  ScenarioLever,
  TeamState,
} from './types.ts';

export const MIN_TEAMS = 1;
export const MAX_TEAMS = 6;
/** Game lengths a game may be set to, in rounds (a year each). */
export const MIN_ROUNDS = 3;
export const MAX_ROUNDS = 12;

export class GameRuleError extends Error {
  constructor(public readonly code: ActionError) {
    super(code);
    this.name = 'GameRuleError';
  }
}

export function createGame(scenario: Scenario, options: GameOptions): GameState {
  const count = options.teams.length;
  if (count < MIN_TEAMS || count > MAX_TEAMS) throw new RangeError(`a game has 1 to 6 teams, not ${count}`);
  const rounds = options.rounds ?? scenario.rounds;
  if (!Number.isInteger(rounds) || rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
    throw new RangeError(`a game lasts ${MIN_ROUNDS} to ${MAX_ROUNDS} rounds, not ${rounds}`);
  }
  const difficulty = options.difficulty ?? 'normal';
  const budget = Math.round(scenario.startBudget * BUDGET_FACTOR[difficulty]);
  const teams: TeamState[] = options.teams.map((name, i) => ({
    id: `team-${i + 1}`,
    name,
    commune: scenario.territory.communes[i]?.id ?? `commune-${i + 1}`,
    budget,
    received: budget,
    indicators: { ...scenario.start },
    moves: 0,
    acted: false,
    leverUsed: {},
    collapsed: false,
    trajectory: [{ ...scenario.start }],
  }));
  return {
    scenario: scenario.id,
    seed: options.seed,
    rng: seedState(options.seed),
    difficulty,
    round: 1,
    rounds,
    phase: 'diagnose',
    order: teams.map((t) => t.id),
    pendingHazard: null,
    teams,
    ...departmentEnvelope(scenario, count),
    projects: [],
    offers: [],
    aid: [],
    hazards: [],
    over: false,
  };
}

/** The Department's envelopes for one round of a table of `communes` communes. */
export function departmentEnvelope(
  scenario: Scenario,
  communes: number,
): Pick<GameState, 'envelope' | 'allocations' | 'engineeringDays'> {
  const factor = envelopeFactor(communes);
  const envelope: Record<string, number> = {};
  for (const lever of scenario.levers) envelope[lever.id] = Math.round(lever.capPerRound * factor);
  return { envelope, allocations: {}, engineeringDays: Math.round(scenario.engineeringDaysPerRound * factor) };
}

/** Moves a team has in a round: fewer while its commune is in collapse. */
export function movesPerRound(team: TeamState): number {
  return team.collapsed ? COLLAPSED_ACTIONS_PER_ROUND : ACTIONS_PER_ROUND;
}

/** Distinct SSE actor types among the projects a team has built. */
export function sseActorTypesBuilt(state: GameState, scenario: Scenario, team: string): number {
  const types = new Set<string>();
  const index = lookup(scenario);
  for (const p of state.projects) {
    if (!p.built || !p.owners.includes(team)) continue;
    const type = index.actorType.get(p.card);
    if (type && SSE_ACTOR_TYPES.has(type)) types.add(type);
  }
  return types.size;
}

export function findTeam(state: GameState, id: string): TeamState | undefined {
  return state.teams.find((t) => t.id === id);
}

/** The first team of this round's order still to play (no list built: it is asked at every event). */
export function firstToAct(state: GameState): TeamState | undefined {
  for (const id of state.order) {
    for (const team of state.teams) if (team.id === id && !team.acted) return team;
  }
  return undefined;
}

/** Teams that still have to play this round, in this round's turn order. */
export function teamsToAct(state: GameState): TeamState[] {
  const out: TeamState[] = [];
  for (const id of state.order) {
    const team = findTeam(state, id);
    if (team && !team.acted) out.push(team);
  }
  return out;
}

export function hasBuiltOrStarted(state: GameState, team: string, card: string): boolean {
  return state.projects.some((p) => p.card === card && p.owners.includes(team));
}

export function hasBuilt(state: GameState, team: string, card: string): boolean {
  return state.projects.some((p) => p.card === card && p.built && p.owners.includes(team));
}

export function leverApplies(lever: ScenarioLever, card: Card, scenario: Scenario): boolean {
  return leverFits(lever, card, lookup(scenario).actorType.get(card.id));
}

export type ActionError =
  | 'game-over'
  | 'not-now'
  | 'not-your-turn'
  | 'unknown-hazard'
  | 'unknown-team'
  | 'already-acted'
  | 'unknown-card'
  | 'card-not-in-deck'
  | 'already-started'
  | 'missing-prerequisite'
  | 'needs-engineering'
  | 'unknown-lever'
  | 'lever-not-eligible'
  | 'duplicate-lever'
  | 'not-poolable'
  | 'bad-partner'
  | 'unknown-offer'
  | 'not-a-partner'
  | 'already-answered'
  | 'pooling-needs-partner'
  | 'needs-partners'
  | 'needs-ecosystem'
  | 'excluded'
  | 'no-engineering-days'
  | 'not-in-collapse'
  | 'bad-allocation'
  | 'budget';

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

/** Prices a project start without changing anything: the UI shows it, the guard checks it. */
export function quoteProject(
  state: GameState,
  scenario: Scenario,
  action: Extract<PlayerAction, { type: 'start-project' }>,
): Quote {
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
    if (new Set(owners).size !== owners.length) return fail('bad-partner');
    for (const p of partners) if (!findTeam(state, p)) return fail('bad-partner');
  }
  if (partners.length < card.minPartners) return fail('needs-partners');
  for (const p of state.projects) {
    if (p.card !== card.id) continue;
    for (const o of p.owners) if (owners.includes(o)) return fail('already-started');
  }
  // An open offer for the same card counts as started for everyone it names.
  for (const offer of state.offers) {
    if (offer.status !== 'open' || offer.card !== card.id) continue;
    if ([offer.proposer, ...offer.partners].some((o) => owners.includes(o))) return fail('already-started');
  }
  if (card.prerequisites.length > 0 && !card.prerequisites.every((pre) => hasBuilt(state, team.id, pre))) {
    return fail('missing-prerequisite');
  }
  if (card.needsEcosystem && sseActorTypesBuilt(state, scenario, team.id) < ECOSYSTEM_FOR_PTCE) return fail('needs-ecosystem');
  if (card.excludes.length > 0 && excludedFor(state, card, owners)) return fail('excluded');
  for (let i = 1; i < action.levers.length; i += 1) {
    if (action.levers.indexOf(action.levers[i] as string) < i) return fail('duplicate-lever');
  }

  quote.cost = card.cost;
  quote.duration = card.duration;
  quote.pooled = partners.length > 0;
  let leverMoney = 0;
  let engineering = false;
  const maxLeverMoney = shareOf(card.cost, MAX_LEVER_SHARE, Math.floor);
  for (const leverId of action.levers) {
    const lever = index.lever.get(leverId);
    if (!lever) return fail('unknown-lever');
    if (!index.eligible.get(card.id)?.has(leverId)) return fail('lever-not-eligible');
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
  owners.forEach((owner, i) => {
    quote.shares[owner] = i === 0 ? remainder - base * (owners.length - 1) : base;
  });
  for (const owner of owners) {
    const budget = findTeam(state, owner)?.budget ?? 0;
    if ((quote.shares[owner] ?? 0) > budget) return fail('budget');
  }
  quote.ok = true;
  return quote;
}

/**
 * A share of an amount in whole k€, computed in whole percents: 90 x 0.35 is
 * 31.499... in floating point, and 31.5 must round to 32.
 */
export function shareOf(amount: number, share: number, round: (n: number) => number = Math.round): number {
  return round((amount * Math.round(share * 100)) / 100);
}

type OwnAction = Exclude<PlayerAction, { type: 'answer-offer' }>;

export function validateAction(state: GameState, scenario: Scenario, action: OwnAction): ActionError | null {
  if (action.type === 'start-project') return quoteProject(state, scenario, action).error ?? null;
  if (state.over) return 'game-over';
  const team = findTeam(state, action.team);
  if (!team) return 'unknown-team';
  if (team.acted) return 'already-acted';
  if (action.type === 'send-aid') {
    const to = findTeam(state, action.to);
    if (!to || to.id === team.id) return 'bad-partner';
    if (!to.collapsed) return 'not-in-collapse';
    if (team.budget < AID_AMOUNT) return 'budget';
  }
  return null;
}

function withTeams(state: GameState, change: (team: TeamState) => TeamState | null): GameState {
  return {
    ...state,
    teams: state.teams.map((t) => change(t) ?? t),
  };
}

/** Applies a pass, an aid or a start on one's own; throws GameRuleError when the rules forbid it (offers: see offers.ts). */
export function applyAction(state: GameState, scenario: Scenario, action: OwnAction): GameState {
  if (action.type === 'start-project') {
    const quote = quoteProject(state, scenario, action);
    if (!quote.ok) throw new GameRuleError(quote.error ?? 'unknown-card');
    return launchProject(state, action, quote, new Set(Object.keys(quote.shares)));
  }
  const error = validateAction(state, scenario, action);
  if (error) throw new GameRuleError(error);
  if (action.type === 'pass') {
    return withTeams(state, (t) => (t.id === action.team ? { ...cloneTeam(t), acted: true } : null));
  }
  return sendAid(state, scenario, action.team, action.to);
}

/** A gain as every gain lands: through the soft ceiling, rounded, at most 100. */
function gained(value: number, gain: number): number {
  return clampIndicator(value + softGain(value, gain));
}

/** Solidarity aid: money and first help for the commune in collapse, cooperation for both. */
function sendAid(state: GameState, scenario: Scenario, from: string, to: string): GameState {
  const sent = { ...state, aid: [...state.aid, { round: state.round, from, to, amount: AID_AMOUNT }] };
  return withTeams(sent, (t) => {
    if (t.id === from) {
      const next = cloneTeam(t);
      next.budget -= AID_AMOUNT;
      next.moves += 1;
      next.acted = next.moves >= movesPerRound(t);
      next.indicators = { ...t.indicators, cooperation: gained(t.indicators.cooperation, AID_COOPERATION) };
      return next;
    }
    if (t.id !== to) return null;
    const next = cloneTeam(t);
    next.budget += AID_AMOUNT;
    next.received += AID_AMOUNT;
    const need = weakestEssentialNeed(t, scenario);
    const indicators = { ...t.indicators, cooperation: gained(t.indicators.cooperation, AID_COOPERATION) };
    if (need) indicators[need] = gained(indicators[need], AID_NEED_BOOST);
    next.indicators = indicators;
    return next;
  });
}

/** The essential need closest to collapse (the first one listed on a tie). */
export function weakestEssentialNeed(team: TeamState, scenario: Scenario): IndicatorId | null {
  let weakest: IndicatorId | null = null;
  for (const id of ESSENTIAL_NEEDS_IDS) {
    if (!scenario.indicatorIds.includes(id)) continue;
    if (weakest === null || team.indicators[id] < team.indicators[weakest]) weakest = id;
  }
  return weakest;
}

/** A dilemma: a card is closed to anyone who started (or offered) a card it excludes. */
function excludedFor(state: GameState, card: Card, owners: readonly string[]): boolean {
  for (const p of state.projects) {
    if (card.excludes.includes(p.card) && p.owners.some((o) => owners.includes(o))) return true;
  }
  for (const offer of state.offers) {
    if (offer.status !== 'open' || !card.excludes.includes(offer.card)) continue;
    if ([offer.proposer, ...offer.partners].some((o) => owners.includes(o))) return true;
  }
  return false;
}

/**
 * Starts a priced project: every owner pays its share, the proposer draws on
 * the levers, and the teams in `charge` use one of their moves for it.
 */
export function launchProject(
  state: GameState,
  action: { team: string; card: string; levers: string[] },
  quote: Quote,
  charge: ReadonlySet<string>,
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
    if (charge.has(t.id)) {
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
  return {
    ...state,
    teams,
    envelope,
    allocations: drawAllocations(state, action.team, quote.leverPaid),
    engineeringDays: state.engineeringDays - quote.engineeringDays,
    projects: [...state.projects, project],
  };
}

/** Ends the game before its last round (a facilitator skips to the debrief). */
export function endGame(state: GameState): GameState {
  if (state.over) return state;
  return { ...state, over: true };
}

/** Card ids a team has started or built, for quick membership tests. */
export function cardsOfTeam(state: GameState, team: string): { started: Set<string>; built: Set<string> } {
  const started = new Set<string>();
  const built = new Set<string>();
  for (const p of state.projects) {
    if (!p.owners.includes(team)) continue;
    started.add(p.card);
    if (p.built) built.add(p.card);
  }
  return { started, built };
}

/** Cards a team could start now, whatever its budget (the UI greys the ones it cannot afford). */
export function cardsOpenTo(state: GameState, scenario: Scenario, team: string): Card[] {
  const { started, built } = cardsOfTeam(state, team);
  const out: Card[] = [];
  // Plain loops: the bots ask this at every move of every simulated game.
  for (const id of scenario.deckCards) {
    const card = scenario.cards[id];
    if (!card || started.has(id) || anyIn(card.excludes, started) || !allIn(card.prerequisites, built)) continue;
    out.push(card);
  }
  return out;
}

function anyIn(ids: readonly string[], set: ReadonlySet<string>): boolean {
  for (const id of ids) if (set.has(id)) return true;
  return false;
}

function allIn(ids: readonly string[], set: ReadonlySet<string>): boolean {
  for (const id of ids) if (!set.has(id)) return false;
  return true;
}
