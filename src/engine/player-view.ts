import type { GameState } from './types.ts';

/**
 * The fields no team's device is sent: no seed, no RNG state, no injected or planned hazard, so nothing predicts
 * the next shock; and none of the facilitator's notes, which are the facilitator's own.
 */
export const HIDDEN_FROM_PLAYERS = ['seed', 'rng', 'pendingHazard', 'plannedHazards', 'notes'] as const;

export type PlayerView = Omit<GameState, (typeof HIDDEN_FROM_PLAYERS)[number]> & {
  viewer: string | null;
};

/** The game as one team may see it (null: the projector screen, which sees what every team sees). */
export function playerView(state: GameState, team: string | null): PlayerView {
  const { seed: _seed, rng: _rng, pendingHazard: _pending, plannedHazards: _planned, notes: _notes, ...open } = state;
  return { ...open, viewer: team };
}
