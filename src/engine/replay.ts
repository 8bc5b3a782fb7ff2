import { applyAction, createGame, endGame } from './game.ts';
import { resolveRound } from './round.ts';
import type { GameOptions, GameState, LoggedEvent, Scenario } from './types.ts';

/** Applies one logged event: a player action or the resolution of a round. */
export function applyLogged(state: GameState, scenario: Scenario, event: LoggedEvent): GameState {
  if (event.type === 'resolve-round') return resolveRound(state, scenario, event.hazard);
  if (event.type === 'end-game') return endGame(state);
  return applyAction(state, scenario, event);
}

/** A game is its seed, its teams and its log: this rebuilds it event by event. */
export function replay(scenario: Scenario, options: GameOptions, log: readonly LoggedEvent[]): GameState {
  let state = createGame(scenario, options);
  for (const event of log) state = applyLogged(state, scenario, event);
  return state;
}
