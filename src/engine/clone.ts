/**
 * Copies with one fixed shape: rules copy a team, then change the copy. A
 * single object shape keeps the hot paths fast (spreads of varied shapes are not).
 */
import type { TeamState } from './types.ts';

export function cloneTeam(t: TeamState): TeamState {
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
