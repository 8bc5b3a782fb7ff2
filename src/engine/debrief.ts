import { explainTarget } from './explain.ts';
import { hasBuilt } from './game.ts';
import type { DebriefEntry, GameState, Scenario } from './types.ts';

/** The scenario's debrief lessons that this team's game calls for. */
export function debriefFor(state: GameState, scenario: Scenario, team: string): DebriefEntry[] {
  const me = state.teams.find((t) => t.id === team);
  if (!me) return [];
  const pooled = state.projects.some((p) => p.pooled && p.owners.includes(team));
  return scenario.debrief.filter(({ when }) => {
    switch (when.type) {
      case 'always':
        return true;
      case 'indicator-below':
        return me.indicators[when.indicator] < when.value;
      case 'indicator-above':
        return me.indicators[when.indicator] > when.value;
      case 'hazard-struck':
        return state.hazards.some((h) => h.hazard === when.hazard);
      case 'card-built':
        return hasBuilt(state, scenario, team, when.card);
      case 'pooled-project':
        return pooled;
      case 'no-pooled-project':
        return !pooled;
    }
    return false;
  });
}

/**
 * The lessons in the order a team should read them: a team that missed its
 * target first reads about the needs that cost it most, then the shocks it
 * took, then what it did not do; a team that reached it first reads about
 * what it built and pooled. The printed sheet keeps the first three.
 */
export function lessonsInOrder(state: GameState, scenario: Scenario, team: string): DebriefEntry[] {
  const me = state.teams.find((t) => t.id === team);
  if (!me) return [];
  const why = explainTarget(me, scenario);
  const costRank = (id: string) => {
    const collapsed = why.collapsedNeeds.indexOf(id as never);
    if (collapsed >= 0) return collapsed;
    const i = why.costs.findIndex((c) => c.indicator === id);
    return i < 0 ? 100 : why.collapsedNeeds.length + i;
  };
  const weight = ({ when }: DebriefEntry): number => {
    if (why.reached) {
      const first = ['card-built', 'pooled-project', 'indicator-above', 'hazard-struck', 'always'];
      const i = first.indexOf(when.type);
      return i < 0 ? first.length : i;
    }
    switch (when.type) {
      case 'indicator-below':
        return costRank(when.indicator);
      case 'hazard-struck':
        return 200;
      case 'no-pooled-project':
        return 300;
      case 'always':
        return 400;
      default:
        return 500;
    }
  };
  // A stable sort: lessons of equal weight keep the scenario's order.
  return debriefFor(state, scenario, team)
    .map((entry, i) => ({ entry, i, w: weight(entry) }))
    .sort((a, b) => a.w - b.w || a.i - b.i)
    .map((x) => x.entry);
}
