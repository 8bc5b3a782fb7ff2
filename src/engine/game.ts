import { sendAid } from './aid.ts';
import { copyIndicators, evolve, withActed } from './clone.ts';
import { leverFits, lookup } from './lookup.ts';
import { launchProject, quoteProject } from './projects.ts';
import { seedState } from './rng.ts';
import { ACTIONS_PER_ROUND, AID_AMOUNT, BUDGET_FACTOR, COLLAPSED_ACTIONS_PER_ROUND, envelopeFactor } from './rules.ts';
import { cardsOfTeam } from './team-cards.ts';
import type { Card, GameOptions, GameState, PlayerAction, Scenario, ScenarioLever, TeamState } from './types.ts';

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
  // Every field in cloneState's order, without a spread: every state of a game then shares one shape.
  const department = departmentEnvelope(scenario, count);
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
    envelope: department.envelope,
    allocations: department.allocations,
    engineeringDays: department.engineeringDays,
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

export function findTeam(state: GameState, id: string): TeamState | undefined {
  // A plain loop: the rules and the bots ask this at every move.
  for (const team of state.teams) if (team.id === id) return team;
  return undefined;
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

export function hasBuilt(state: GameState, scenario: Scenario, team: string, card: string): boolean {
  return cardsOfTeam(state, scenario, team).hasBuilt(card);
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
    return launchProject(state, action, quote, true);
  }
  const error = validateAction(state, scenario, action);
  if (error) throw new GameRuleError(error);
  if (action.type === 'pass') {
    return withTeams(state, (t) => (t.id === action.team ? withActed(t, true) : null));
  }
  return sendAid(state, scenario, action.team, action.to);
}

/** Ends the game before its last round (a facilitator skips to the debrief). */
export function endGame(state: GameState): GameState {
  if (state.over) return state;
  return evolve(state, { over: true });
}
