/**
 * Why a game ended as it did, from the rules themselves: what each weak need
 * cost a commune's overall resilience, which of its decisions mattered most
 * (their effects and the shocks they spared or worsened), and whether the
 * game was played to its end. The debrief shows these; it computes none.
 */

import { shieldShare } from './lookup.ts';
import { buildParts } from './round.ts';
import { ESSENTIAL_NEEDS_IDS, HAZARD_FACTOR } from './rules.ts';
import { overallResilience } from './scoring.ts';
import type { GameState, IndicatorId, Indicators, Project, Scenario, TeamState } from './types.ts';

export interface DimensionCost {
  indicator: IndicatorId;
  value: number;
  /** Points of overall resilience the commune would have had more with this need at the target. */
  points: number;
}

export interface TargetExplanation {
  overall: number;
  target: number;
  reached: boolean;
  /** Essential needs at or below the collapse threshold at the end: the commune misses whatever its score. */
  collapsedNeeds: IndicatorId[];
  /** Needs below the target, the costliest first (only those that cost points). */
  costs: DimensionCost[];
}

/**
 * Overall resilience is 0.6 x the mean + 0.4 x the weakest need: a need below
 * the target costs what raising it alone to the target would have added.
 */
export function explainTarget(team: TeamState, scenario: Scenario): TargetExplanation {
  const ids = scenario.indicatorIds;
  const target = scenario.targetResilience;
  const overall = overallResilience(team.indicators, ids);
  const costs: DimensionCost[] = [];
  for (const id of ids) {
    const value = team.indicators[id];
    if (value >= target) continue;
    const points = overallResilience({ ...team.indicators, [id]: target }, ids) - overall;
    if (points > 0) costs.push({ indicator: id, value, points });
  }
  costs.sort((a, b) => b.points - a.points || a.value - b.value);
  const collapsedNeeds = ESSENTIAL_NEEDS_IDS.filter((id) => ids.includes(id) && team.indicators[id] <= scenario.collapseAt);
  return { overall, target, reached: collapsedNeeds.length === 0 && overall >= target, collapsedNeeds, costs };
}

/** Rounds the game played: fewer than planned when it was stopped before its end. */
export function roundsPlayed(state: GameState): number {
  return Math.min(state.rounds, Math.max(0, ...state.teams.map((t) => t.trajectory.length - 1)));
}

/** The game stopped before its last round: its target, set for a whole game, cannot be judged. */
export function endedEarly(state: GameState): boolean {
  return roundsPlayed(state) < state.rounds;
}

/**
 * What building a project added to an owner, need by need, as the round
 * applies it (each part rounded, the soft ceiling ignored: the nominal gain).
 */
export function projectEffects(project: Project, scenario: Scenario): Partial<Indicators> {
  const out: Partial<Indicators> = {};
  for (const part of buildParts(project, scenario)) {
    for (const key in part.effects) {
      const id = key as IndicatorId;
      const d = part.effects[id];
      if (!d || !scenario.indicatorIds.includes(id)) continue;
      const total = (out[id] ?? 0) + Math.round(d * part.factor);
      if (total === 0) delete out[id];
      else out[id] = total;
    }
  }
  return out;
}

export interface DecisionImpact {
  project: Project;
  /** What building it added to this owner, need by need. */
  effects: Partial<Indicators>;
  /** Points of shocks it spared this owner after it was built (negative when it made them worse). */
  spared: number;
  /** The decision's weight: the points it added plus the points it spared. */
  total: number;
}

/** Points of a shock a built project spared (or added to) a team: the hazard's impact where it reached, times the project's shield. */
function sparedBy(state: GameState, scenario: Scenario, project: Project, team: string): number {
  let spared = 0;
  const factor = HAZARD_FACTOR[state.difficulty];
  for (const record of state.hazards) {
    // Built in its ready round's implementation, before that round's shock.
    if (record.round < project.readyRound) continue;
    const share = shieldShare(scenario, project.card, record.hazard);
    const exposure = record.effects[team]?.exposure ?? 0;
    const hazard = scenario.hazards[record.hazard];
    if (share === 0 || exposure === 0 || !hazard) continue;
    for (const key in hazard.impacts) {
      const id = key as IndicatorId;
      if (scenario.indicatorIds.includes(id)) spared += Math.abs(hazard.impacts[id] ?? 0) * factor * exposure * share;
    }
  }
  return Math.round(spared);
}

/** A team's built projects, the ones that mattered most first (ties: the earliest built). */
export function decisionImpacts(state: GameState, scenario: Scenario, team: string): DecisionImpact[] {
  const out: DecisionImpact[] = [];
  for (const project of state.projects) {
    if (!project.built || !project.owners.includes(team)) continue;
    const effects = projectEffects(project, scenario);
    const gained = Object.values(effects).reduce((sum, d) => sum + (d ?? 0), 0);
    const spared = sparedBy(state, scenario, project, team);
    out.push({ project, effects, spared, total: gained + spared });
  }
  return out.sort((a, b) => b.total - a.total || a.project.readyRound - b.project.readyRound);
}

/** The team's overall resilience after each round (its start first): the line the debrief draws against the target. */
export function resilienceTrajectory(team: TeamState, scenario: Scenario): number[] {
  return team.trajectory.map((point) => overallResilience(point, scenario.indicatorIds));
}
