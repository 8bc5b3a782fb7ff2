import { sendAid } from './aid.ts';
import { cloneTeam, copyIndicators, evolve } from './clone.ts';
import { leverFits, lookup } from './lookup.ts';
import { launchProject, quoteProject } from './projects.ts';
import { seedState } from './rng.ts';
import {
  ACTIONS_PER_ROUND,
  AID_AMOUNT,
  BUDGET_FACTOR,
  COLLAPSED_ACTIONS_PER_ROUND,
  envelopeFactor,
  SSE_ACTOR_TYPES,
} from './rules.ts';
import type { Card, GameOptions, GameState, PlayerAction, Project, Scenario, ScenarioLever, TeamState } from './types.ts';

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
    indicators: copyIndicators(scenario.start),
    moves: 0,
    acted: false,
    leverUsed: {},
    collapsed: false,
    trajectory: [copyIndicators(scenario.start)],
  }));
  const seat = options.departmentSeat;
  if (seat !== undefined && !teams.some((t) => t.id === seat)) {
    throw new RangeError(`the Department seat goes to a team of the game (team-1 to team-${count}), not ${seat}`);
  }
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
    plannedHazards: [],
    teams,
    ...departmentEnvelope(scenario, count),
    departmentSeat: options.departmentSeat ?? null,
    projects: [],
    offers: [],
    aid: [],
    hazards: [],
    notes: [],
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
  for (const card of cardsOfTeam(state, team).built) {
    const type = index.actorType.get(card);
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
  return cardsOfTeam(state, team).built.has(card);
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
  | 'not-your-seat'
  | 'bad-round'
  | 'empty-note'
  | 'note-too-long'
  | 'facilitator-only'
  | 'budget';

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
  return evolve(state, { teams: state.teams.map((t) => change(t) ?? t) });
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

/** Ends the game before its last round (a facilitator skips to the debrief). */
export function endGame(state: GameState): GameState {
  if (state.over) return state;
  return evolve(state, { over: true });
}

/**
 * The cards a team has started and built. The projects list is never changed
 * in place (every change makes a new array), so its identity keys a cache:
 * the bots and the quotes ask this many times per state.
 */
export function cardsOfTeam(state: GameState, team: string): TeamCards {
  // The bots ask this many times of the same state, then move on to the next: one entry is enough,
  // and cheaper than a WeakMap (whose every new key costs a garbage-collected table entry).
  if (lastProjects !== state.projects) {
    lastCards = appendedTo(lastProjects, state.projects) ? afterStart(lastCards, state.projects) : new Map();
    lastProjects = state.projects;
  }
  let cards = lastCards.get(team);
  if (!cards) {
    const started = new Set<string>();
    const built = new Set<string>();
    for (const p of state.projects) {
      if (!p.owners.includes(team)) continue;
      started.add(p.card);
      if (p.built) built.add(p.card);
    }
    cards = { started, built, open: null, openIn: null };
    lastCards.set(team, cards);
  }
  return cards;
}

/** True when `next` is `previous` with one project started at its end (the same objects before it). */
function appendedTo(previous: readonly Project[] | null, next: readonly Project[]): boolean {
  if (previous === null || next.length !== previous.length + 1) return false;
  for (let i = 0; i < previous.length; i += 1) if (next[i] !== previous[i]) return false;
  return true;
}

/** The known teams' cards after a start: only its owners' started cards change (a new project is not built yet). */
function afterStart(known: Map<string, TeamCards>, projects: readonly Project[]): Map<string, TeamCards> {
  const started = projects[projects.length - 1] as Project;
  const out = new Map<string, TeamCards>();
  for (const [team, cards] of known) {
    if (!started.owners.includes(team)) out.set(team, cards);
    else if (!started.built)
      out.set(team, { started: new Set(cards.started).add(started.card), built: cards.built, open: null, openIn: null });
    // An owner of a project that came built is left out: asked again, it is counted afresh.
  }
  return out;
}

interface TeamCards {
  started: ReadonlySet<string>;
  built: ReadonlySet<string>;
  /** The cards open to the team, once asked (one shape from the start: V8 keeps its loops fast): they change only with its started and built cards. */
  open: readonly Card[] | null;
  openIn: Scenario | null;
}
let lastProjects: readonly Project[] | null = null;
let lastCards = new Map<string, TeamCards>();

/** Cards a team could start now, whatever its budget (the UI greys the ones it cannot afford). */
export function cardsOpenTo(state: GameState, scenario: Scenario, team: string): readonly Card[] {
  const cards = cardsOfTeam(state, team);
  if (cards.open && cards.openIn === scenario) return cards.open;
  const { started, built } = cards;
  const out: Card[] = [];
  // Plain loops: the bots ask this at every move of every simulated game.
  const deck = lookup(scenario).deck;
  for (let i = 0; i < deck.length; i += 1) {
    const card = deck[i] as Card;
    if (started.has(card.id) || anyIn(card.excludes, started) || !allIn(card.prerequisites, built)) continue;
    out.push(card);
  }
  cards.open = out;
  cards.openIn = scenario;
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
