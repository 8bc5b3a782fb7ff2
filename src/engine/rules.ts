/**
 * The game's tuning constants, in one place so the balance simulator and the
 * README speak of the same numbers.
 */
import type { Difficulty } from './types.ts';

export const INDICATOR_MIN = 0;
export const INDICATOR_MAX = 100;

/** Hazard impacts are multiplied by this factor. */
export const HAZARD_FACTOR: Record<Difficulty, number> = { easy: 0.5, normal: 0.7, hard: 0.9 };
/** Budgets (start and income) are multiplied by this factor. */
export const BUDGET_FACTOR: Record<Difficulty, number> = { easy: 1.2, normal: 1, hard: 0.85 };

/** Project starts a team may make in one round (joining a pooled project counts as one). */
export const ACTIONS_PER_ROUND = 2;

/** Levers together never pay more than this part of a project: the team commits too. */
export const MAX_LEVER_SHARE = 0.8;
/** Mitigation of one hazard never goes beyond this part of its impact. */
export const MAX_MITIGATION = 0.85;
/** Cooperation absorbs shocks: each point of the indicator mitigates this much. */
export const COOPERATION_MITIGATION_PER_POINT = 1 / 400;

/** Each owner of a pooled project gains this once it is built. */
export const POOLED_BUILD_BONUS = { cooperation: 2, cohesion: 1 } as const;
/** Agreeing between several partners takes time: a pooled project takes this many rounds more. */
export const POOLED_EXTRA_DURATION = 1;
/** A pooled facility serves several communes: each owner gets this part of its effects. */
export const POOLED_EFFECT_SHARE = 1;
/** Each round, a team with at least one built pooled project keeps cooperation alive. */
export const POOLED_ROUND_BONUS = { cooperation: 2, cohesion: 1 } as const;
/** A diverse SSE ecosystem (distinct SSE actor types among built projects) pays every round. */
export const ECOSYSTEM_THRESHOLD = 3;
export const ECOSYSTEM_ROUND_BONUS = { cohesion: 1, jobs: 1 } as const;
/** Local jobs feed the local budget: income grows with the jobs indicator. */
export const JOBS_INCOME_PER_POINT_ABOVE_50 = 0.6;

/** Overall resilience leans on the weakest dimension: a chain breaks at its weakest link. */
export const OVERALL_MEAN_WEIGHT = 0.6;
export const OVERALL_MIN_WEIGHT = 0.4;

export const SSE_ACTOR_TYPES = new Set(['association', 'cooperative', 'scic', 'ptce', 'tzcld', 'cress', 'social-enterprise']);

/**
 * Workshop time, in minutes, for planning a session: an opening, then each round's
 * four shared readings (diagnosis, implementation, hazard, review) and each team's
 * turn to choose and fund, then the debrief. Rounded to the next 5 minutes.
 */
export const MINUTES_OPENING = 10;
export const MINUTES_SHARED_PER_ROUND = 4;
export const MINUTES_PER_TEAM_TURN = 2.5;
export const MINUTES_DEBRIEF = 15;

export function estimatedMinutes(teams: number, rounds: number): number {
  const total = MINUTES_OPENING + rounds * (MINUTES_SHARED_PER_ROUND + MINUTES_PER_TEAM_TURN * teams) + MINUTES_DEBRIEF;
  return Math.ceil(total / 5) * 5;
}

/** Lengths the set-up offers: short, medium, and the scenario's full game. */
export function gameLengths(scenarioRounds: number): number[] {
  return [...new Set([4, 5, scenarioRounds])].filter((n) => n <= scenarioRounds).sort((a, b) => a - b);
}
