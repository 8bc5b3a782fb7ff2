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
        return hasBuilt(state, team, when.card);
      case 'pooled-project':
        return pooled;
      case 'no-pooled-project':
        return !pooled;
    }
    return false;
  });
}
