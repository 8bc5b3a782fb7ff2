/** What the debrief reads of a finished game, per team: all from the engine's selectors. */

import { lessonsInOrder } from '../../engine/debrief.ts';
import {
  type DecisionImpact,
  decisionImpacts,
  endedEarly,
  explainTarget,
  resilienceTrajectory,
  type TargetExplanation,
} from '../../engine/explain.ts';
import type { TeamScore } from '../../engine/scoring.ts';
import type { DebriefEntry, GameState, Project, Scenario, TeamState } from '../../engine/types.ts';

export interface TeamFacts {
  team: TeamState;
  score: TeamScore;
  /** Why it reached or missed the target, in points. */
  why: TargetExplanation;
  /** The game stopped before its end: the full-game target is not judged. */
  endedEarly: boolean;
  /** Overall resilience at the start and after each round. */
  resilience: number[];
  /** Built projects the team owns, the ones that mattered most first. */
  decisions: DecisionImpact[];
  /** Pooled projects the team takes part in, built or not. */
  pooled: Project[];
  /** Money the levers paid on the projects this team proposed (levers are drawn on the proposer's caps). */
  leverMoney: number;
  /** The lessons its game calls for, the most telling first. */
  lessons: DebriefEntry[];
}

export function teamFacts(game: GameState, scenario: Scenario, scores: TeamScore[]): TeamFacts[] {
  const early = endedEarly(game);
  return game.teams.map((team, index) => {
    const score = scores.find((s) => s.team === team.id) ?? (scores[index] as TeamScore);
    const mine = game.projects.filter((p) => p.owners.includes(team.id));
    const leverMoney = game.projects
      .filter((p) => p.owners[0] === team.id)
      .reduce((sum, p) => sum + Object.values(p.leverPaid).reduce((s, v) => s + v, 0), 0);
    return {
      team,
      score,
      why: explainTarget(team, scenario),
      endedEarly: early,
      resilience: resilienceTrajectory(team, scenario),
      decisions: decisionImpacts(game, scenario, team.id),
      pooled: mine.filter((p) => p.pooled),
      leverMoney,
      lessons: lessonsInOrder(game, scenario, team.id),
    };
  });
}
