import { applyEvent } from './flow.ts';
import { createGame } from './game.ts';
import type { GameEvent, GameOptions, GameState, Scenario } from './types.ts';

/**
 * A game is its options and its events: this folds the events through the
 * rules. The scenario machine adds the facilitator's clock and pause on top;
 * a game file is replayed through the machine (src/machines/replay.ts).
 */
export function replay(scenario: Scenario, options: GameOptions, events: readonly GameEvent[]): GameState {
  let state = createGame(scenario, options);
  for (const event of events) state = applyEvent(state, scenario, event);
  return state;
}
