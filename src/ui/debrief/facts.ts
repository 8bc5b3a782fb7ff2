/** What the debrief reads of a finished game, per team: all from the engine's selectors. */

import { debriefFor } from '../../engine/debrief.ts';
import type { TeamScore } from '../../engine/scoring.ts';
import type { DebriefEntry, GameState, IndicatorId, Indicators, Project, Scenario, TeamState } from '../../engine/types.ts';

export interface TeamFacts {
  team: TeamState;
  score: TeamScore;
  /** Built projects the team owns, biggest effects first. */
  decisions: { project: Project; effects: Partial<Indicators>; size: number }[];
  /** Pooled projects the team takes part in, built or not. */
  pooled: Project[];
  /** Money the levers paid on the projects this team proposed (levers are drawn on the proposer's caps). */
  leverMoney: number;
  lessons: DebriefEntry[];
}

/** What a built project brought, as its card and levers state it. */
function projectEffects(project: Project, scenario: Scenario): Partial<Indicators> {
  const out: Partial<Indicators> = {};
  const add = (effects: Partial<Indicators> | undefined) => {
    for (const [id, delta] of Object.entries(effects ?? {}) as [IndicatorId, number | undefined][]) {
      if (delta && scenario.indicatorIds.includes(id)) out[id] = (out[id] ?? 0) + delta;
    }
  };
  add(scenario.cards[project.card]?.effects);
  for (const leverId of project.levers) add(scenario.levers.find((l) => l.id === leverId)?.bonus);
  return out;
}

export function teamFacts(game: GameState, scenario: Scenario, scores: TeamScore[]): TeamFacts[] {
  return game.teams.map((team, index) => {
    const score = scores.find((s) => s.team === team.id) ?? (scores[index] as TeamScore);
    const mine = game.projects.filter((p) => p.owners.includes(team.id));
    const decisions = mine
      .filter((p) => p.built)
      .map((project) => {
        const effects = projectEffects(project, scenario);
        const size = Object.values(effects).reduce((sum, d) => sum + Math.abs(d ?? 0), 0);
        return { project, effects, size };
      })
      .sort((a, b) => b.size - a.size || a.project.readyRound - b.project.readyRound);
    const leverMoney = game.projects
      .filter((p) => p.owners[0] === team.id)
      .reduce((sum, p) => sum + Object.values(p.leverPaid).reduce((s, v) => s + v, 0), 0);
    return {
      team,
      score,
      decisions,
      pooled: mine.filter((p) => p.pooled),
      leverMoney,
      lessons: debriefFor(game, scenario, team.id),
    };
  });
}
