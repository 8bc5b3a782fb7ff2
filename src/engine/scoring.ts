import { OVERALL_MEAN_WEIGHT, OVERALL_MIN_WEIGHT } from './rules.ts';
import type { GameState, IndicatorId, Indicators, Scenario, TeamState } from './types.ts';

export interface TeamScore {
  team: string;
  dimensions: Indicators;
  overall: number;
  weakest: IndicatorId;
  succeeded: boolean;
}

/** Overall resilience: mean of the dimensions, pulled toward the weakest one. */
export function overallResilience(indicators: Indicators, ids: readonly IndicatorId[]): number {
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const id of ids) {
    const v = indicators[id];
    sum += v;
    if (v < min) min = v;
  }
  const mean = sum / ids.length;
  return Math.round(OVERALL_MEAN_WEIGHT * mean + OVERALL_MIN_WEIGHT * min);
}

export function weakestDimension(indicators: Indicators, ids: readonly IndicatorId[]): IndicatorId {
  let weakest = ids[0] as IndicatorId;
  for (const id of ids) if (indicators[id] < indicators[weakest]) weakest = id;
  return weakest;
}

export function scoreTeam(team: TeamState, scenario: Scenario): TeamScore {
  const overall = overallResilience(team.indicators, scenario.indicatorIds);
  return {
    team: team.id,
    dimensions: { ...team.indicators },
    overall,
    weakest: weakestDimension(team.indicators, scenario.indicatorIds),
    succeeded: !team.collapsed && overall >= scenario.targetResilience,
  };
}

export function scoreGame(state: GameState, scenario: Scenario): TeamScore[] {
  return state.teams.map((team) => scoreTeam(team, scenario));
}
