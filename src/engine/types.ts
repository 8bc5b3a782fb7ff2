/**
 * Plain-data types of the game. The engine only imports types from the content
 * schema (erased at build time), so it stays free of any runtime dependency.
 */
import type { Actor, Card, DebriefEntry, Hazard, IndicatorId, Lever, Localized, ScenarioFile } from '../content/schema.ts';

export type { Actor, Card, DebriefEntry, Hazard, IndicatorId, Lever, Localized };

export type Indicators = Record<IndicatorId, number>;
export type Difficulty = 'easy' | 'normal' | 'hard';

/** A lever as offered in one scenario: the library definition plus its cap. */
export interface ScenarioLever extends Lever {
  capPerRound: number;
}

/** A scenario with its library references resolved: what the engine plays. */
export interface Scenario {
  id: string;
  title: Localized;
  summary: Localized;
  description: Localized;
  territory: ScenarioFile['territory'];
  indicatorIds: IndicatorId[];
  start: Indicators;
  pressures: Partial<Indicators>;
  startBudget: number;
  incomePerRound: number;
  levers: ScenarioLever[];
  /** Days of departmental engineering per round, for a table of one commune. */
  engineeringDaysPerRound: number;
  actors: Record<string, Actor>;
  cards: Record<string, Card>;
  hazards: Record<string, Hazard>;
  deckCards: string[];
  deckHazards: { hazard: string; weight: number }[];
  rounds: number;
  targetResilience: number;
  collapseAt: number;
  debrief: DebriefEntry[];
}

export interface Project {
  id: string;
  card: string;
  /** Engineering days it took from the Department's pool. */
  engineeringDays: number;
  owners: string[];
  levers: string[];
  startedRound: number;
  readyRound: number;
  built: boolean;
  /** Co-funded with other teams or a neighbouring commune. */
  pooled: boolean;
  cost: number;
  /** What each owner paid from its own budget. */
  paid: Record<string, number>;
  /** What the levers paid, per lever id. */
  leverPaid: Record<string, number>;
}

export interface TeamState {
  id: string;
  name: string;
  /** The commune of the shared territory this team runs (scenario territory.communes). */
  commune: string;
  budget: number;
  /** All the money the commune received: its start budget, each income, the aid sent to it. */
  received: number;
  indicators: Indicators;
  /** Project starts (own or joined) made this round. */
  moves: number;
  /** The team's turn is over for this round: moves used up, or it passed. */
  acted: boolean;
  /** Money drawn on each lever this round. */
  leverUsed: Record<string, number>;
  /** An essential need at or below the scenario's threshold: it plays on, with fewer moves, and can recover. */
  collapsed: boolean;
  /** Indicators at the start of the game, then after each round. */
  trajectory: Indicators[];
}

export interface HazardRecord {
  round: number;
  hazard: string;
  injected: boolean;
  /**
   * Per team: the change each indicator actually took, the commune's exposure
   * (1 struck head-on, less from a neighbour's spill-over, 0 spared) and the
   * mitigation applied.
   */
  effects: Record<string, { impacts: Partial<Indicators>; exposure: number; mitigation: number }>;
}

/**
 * A start with partners is an offer: each partner answers it on its own turn,
 * and only an accepted offer commits the partners' money and moves.
 */
export type PlayerAction =
  | { type: 'start-project'; team: string; card: string; levers: string[]; partners?: string[] }
  | { type: 'answer-offer'; team: string; offer: string; accept: boolean }
  | { type: 'send-aid'; team: string; to: string }
  | { type: 'pass'; team: string };

export interface Offer {
  id: string;
  card: string;
  proposer: string;
  partners: string[];
  levers: string[];
  round: number;
  /** Each partner's answer, once given. */
  answers: Record<string, boolean>;
  /** 'open' until every partner has answered; then the project started, or why it did not. */
  status: 'open' | 'started' | 'declined' | 'lapsed' | 'budget';
}

/**
 * Everything that changes a game, as it is written in the game's log. The
 * round's sequence (diagnose, plan, implement, shock, evaluate) moves on
 * `continue`; the facilitator's `skip-phase` does the same and, in the plan
 * phase, passes for every team still to play.
 */
export type GameEvent =
  | PlayerAction
  | { type: 'continue' }
  | { type: 'skip-phase' }
  | { type: 'inject-hazard'; hazard: string }
  /** The facilitator plans a round's shock ahead (hidden from the room until it strikes). */
  | { type: 'plan-hazard'; round: number; hazard: string }
  /**
   * The Department seat splits a lever's envelope of the round between the
   * communes (diagnose phase); `by` names the team holding the seat, absent
   * when the facilitator holds it.
   */
  | { type: 'allocate-envelope'; lever: string; shares: Record<string, number>; by?: string }
  /**
   * The facilitator's note (what a team said, a moment for the debrief): kept
   * in the game, read by no rule. `at` is when it was written (ISO 8601, from
   * the device: the engine keeps no clock); `by` names a team, which the rules
   * refuse: only the facilitator writes notes.
   */
  | { type: 'note'; text: string; at: string; by?: string }
  | { type: 'end-game' };

export type Phase = 'diagnose' | 'plan' | 'implement' | 'shock' | 'evaluate';

/** A facilitator's note as the game keeps it: the round and phase the room was in, and when. */
export interface FacilitatorNote {
  round: number;
  phase: Phase | 'debrief';
  at: string;
  text: string;
}

export interface GameState {
  scenario: string;
  seed: number;
  /** Seeded RNG state: part of the game, so a game is replayable from its log. */
  rng: number;
  difficulty: Difficulty;
  round: number;
  rounds: number;
  /** Where the round is: part of the state, so the log rebuilds it. */
  phase: Phase;
  /** This round's turn order (team ids): it rotates each round, team 1 first in round 1. */
  order: string[];
  /** A hazard the facilitator injected: it is the next shock, whatever the phase it came in. */
  pendingHazard: string | null;
  /** Shocks the facilitator planned for later rounds, one per round at most. */
  plannedHazards: { round: number; hazard: string }[];
  teams: TeamState[];
  /** What is left this round of the Department's envelope, per lever id (k€), shared by every commune. */
  envelope: Record<string, number>;
  /** This round's allocations by the Department seat: lever id -> team id -> k€ still to draw (none: first come, first served). */
  allocations: Record<string, Record<string, number>>;
  /** What is left this round of the Department's engineering days. */
  engineeringDays: number;
  /** The team playing the Department's territorial officer, or null when the facilitator holds the seat. */
  departmentSeat: string | null;
  projects: Project[];
  /** Every pooling offer made, open or answered, in order. */
  offers: Offer[];
  /** Solidarity aid sent to communes in collapse, in order. */
  aid: { round: number; from: string; to: string; amount: number }[];
  hazards: HazardRecord[];
  /** The facilitator's notes, in the order written: no rule reads them, no device of the room is sent them. */
  notes: FacilitatorNote[];
  over: boolean;
}

export interface GameOptions {
  seed: number;
  teams: string[];
  difficulty?: Difficulty;
  /** Game length; the scenario's own number of rounds when absent. */
  rounds?: number;
  /** The team (its id, `team-<n>`) that takes the Department seat; the facilitator holds it when absent. */
  departmentSeat?: string;
}
