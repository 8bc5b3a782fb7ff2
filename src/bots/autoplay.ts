/** Plays whole games headless with strategy bots: for tests, balance, benchmarks and exported game files. */
import { applyEvent, currentTeam } from '../engine/flow.ts';
import { createGame } from '../engine/game.ts';
import { nextRandom, seedState } from '../engine/rng.ts';
import type { Difficulty, GameEvent, GameState, Scenario } from '../engine/types.ts';
import type { Random, Strategy } from './strategies.ts';

/** A seeded generator for the bots, apart from the game's own RNG. */
export function botRandom(seed: number): Random {
  let state = seedState(seed ^ 0x5bd1e995);
  return () => {
    const [value, next] = nextRandom(state);
    state = next;
    return value;
  };
}

export function teamNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Team ${i + 1}`);
}

export interface AutoplayOptions {
  seed: number;
  teams: number;
  difficulty?: Difficulty;
  rounds?: number;
  /** One strategy for every team, or one per team. */
  strategies: Strategy | Strategy[];
  /** Keep the events played, for a game file. */
  record?: boolean;
}

export interface PlayedGame {
  state: GameState;
  events: GameEvent[];
}

/** The next event of a game played by bots: the move of the team whose turn it is, else moving the phase on. */
export function botEvent(
  state: GameState,
  scenario: Scenario,
  strategyOf: (team: string) => Strategy,
  random: Random,
): GameEvent {
  const team = currentTeam(state);
  return team === null ? { type: 'continue' } : strategyOf(team)(state, scenario, team, random);
}

export function playGame(scenario: Scenario, options: AutoplayOptions): GameState {
  return playRecorded(scenario, options).state;
}

export function playRecorded(scenario: Scenario, options: AutoplayOptions): PlayedGame {
  let state = createGame(scenario, {
    seed: options.seed,
    teams: teamNames(options.teams),
    difficulty: options.difficulty ?? 'normal',
    ...(options.rounds === undefined ? {} : { rounds: options.rounds }),
  });
  const events: GameEvent[] = [];
  const random = botRandom(options.seed);
  const index = new Map(state.teams.map((t, i) => [t.id, i]));
  const strategyOf = (team: string): Strategy => {
    const i = index.get(team) ?? 0;
    return Array.isArray(options.strategies)
      ? (options.strategies[i % options.strategies.length] as Strategy)
      : options.strategies;
  };
  while (!state.over) {
    const event = botEvent(state, scenario, strategyOf, random);
    state = applyEvent(state, scenario, event);
    if (options.record) events.push(event);
  }
  return { state, events };
}
