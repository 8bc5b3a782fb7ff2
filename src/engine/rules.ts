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
export const ACTIONS_PER_ROUND = 3;
/** A commune in collapse keeps playing, with this many moves a round and this part of its income. */
export const COLLAPSED_ACTIONS_PER_ROUND = 1;
export const COLLAPSED_INCOME_SHARE = 0.5;

/**
 * The Department's envelopes (each lever's money, the engineering days) are
 * shared by the whole table: for one commune the scenario's amount, and half
 * of it more for each further commune, so that the table competes for them.
 */
export const ENVELOPE_GROWTH_PER_COMMUNE = 0.5;
export function envelopeFactor(communes: number): number {
  return 1 + ENVELOPE_GROWTH_PER_COMMUNE * Math.max(0, communes - 1);
}

/** Solidarity aid to a commune in collapse: the sender's move and money; the receiver's first need and both communes' cooperation. */
export const AID_AMOUNT = 20;
export const AID_NEED_BOOST = 6;
export const AID_COOPERATION = 2;

/** A PTCE grows from an ecosystem: its proposer has built projects of this many distinct SSE actor types. */
export const ECOSYSTEM_FOR_PTCE = 2;

/**
 * The last points are the hardest: above this value, a gain is scaled by the
 * room left to the maximum over the room left at this value.
 */
export const SOFT_CEILING_FROM = 60;

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

/** The five essential needs: one at or below the scenario's threshold puts a commune in collapse. */
export const ESSENTIAL_NEEDS_IDS = ['breathe', 'drink', 'eat', 'move', 'live'] as const;

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
