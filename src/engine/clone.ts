/**
 * Copies with one fixed shape: rules copy a team or a state, then change the
 * copy. On Node 20 and the browsers' V8, a spread of an object that was itself
 * spread (`{ ...state, x }` at every event) takes the slow generic path, about
 * twenty times the cost of this literal: it was most of a game's time.
 */
import type { GameState, Indicators, Offer, Project, TeamState } from './types.ts';

export function cloneTeam(t: TeamState): Required<TeamState> {
  return {
    id: t.id,
    name: t.name,
    commune: t.commune,
    budget: t.budget,
    received: t.received,
    indicators: t.indicators,
    moves: t.moves,
    acted: t.acted,
    leverUsed: t.leverUsed,
    collapsed: t.collapsed,
    trajectory: t.trajectory,
  };
}

/** A team whose `acted` flag is set to this. */
export function withActed(t: TeamState, acted: boolean): TeamState {
  const next = cloneTeam(t);
  next.acted = acted;
  return next;
}

export function cloneProject(p: Project): Project {
  return {
    id: p.id,
    card: p.card,
    owners: p.owners,
    levers: p.levers,
    startedRound: p.startedRound,
    readyRound: p.readyRound,
    built: p.built,
    pooled: p.pooled,
    engineeringDays: p.engineeringDays,
    cost: p.cost,
    paid: p.paid,
    leverPaid: p.leverPaid,
  };
}

/** An offer with a new status (its answers unchanged). */
export function offerWith(o: Offer, status: Offer['status'], answers: Record<string, boolean> = o.answers): Offer {
  return {
    id: o.id,
    card: o.card,
    proposer: o.proposer,
    partners: o.partners,
    levers: o.levers,
    round: o.round,
    answers,
    status,
  };
}

/** Every indicator, in the order a scenario's start lists them (content/resolve.ts): a missing one is a type error. */
export function copyIndicators(i: Indicators): Indicators {
  return {
    breathe: i.breathe,
    drink: i.drink,
    eat: i.eat,
    move: i.move,
    live: i.live,
    cohesion: i.cohesion,
    jobs: i.jobs,
    cooperation: i.cooperation,
  };
}

/** Every field listed: `Required` makes a field added to GameState and missing here a type error. */
export function cloneState(s: GameState): Required<GameState> {
  return {
    scenario: s.scenario,
    seed: s.seed,
    rng: s.rng,
    difficulty: s.difficulty,
    round: s.round,
    rounds: s.rounds,
    phase: s.phase,
    order: s.order,
    pendingHazard: s.pendingHazard,
    plannedHazards: s.plannedHazards,
    teams: s.teams,
    envelope: s.envelope,
    allocations: s.allocations,
    engineeringDays: s.engineeringDays,
    departmentSeat: s.departmentSeat,
    projects: s.projects,
    offers: s.offers,
    aid: s.aid,
    hazards: s.hazards,
    notes: s.notes,
    over: s.over,
  };
}

/** A new state: this one with the patch's fields changed (what `{ ...state, ...patch }` says, at a literal's cost). */
export function evolve(state: GameState, patch: Partial<GameState>): GameState {
  const next: Record<string, unknown> = cloneState(state);
  for (const key in patch) next[key] = patch[key as keyof GameState];
  return next as unknown as GameState;
}
