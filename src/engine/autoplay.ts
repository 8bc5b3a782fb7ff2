/** Plays whole games headless with strategy bots: for tests, balance and benchmarks. */
import { applyAction, createGame } from './game.ts';
import { nextRandom, seedState } from './rng.ts';
import { resolveRound } from './round.ts';
import type { Random, Strategy } from './strategies.ts';
import type { Difficulty, GameState, Scenario } from './types.ts';

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
  /** One strategy for every team, or one per team. */
  strategies: Strategy | Strategy[];
}

export function playGame(scenario: Scenario, options: AutoplayOptions): GameState {
  let state = createGame(scenario, {
    seed: options.seed,
    teams: teamNames(options.teams),
    difficulty: options.difficulty ?? 'normal',
  });
  const random = botRandom(options.seed);
  const strategyOf = (index: number): Strategy =>
    Array.isArray(options.strategies) ? (options.strategies[index % options.strategies.length] as Strategy) : options.strategies;
  // Each round: every team plays once in turn order, then the round resolves.
  while (!state.over) {
    for (let index = 0; index < state.teams.length; index += 1) {
      // A team keeps the turn until it has used its moves or passed.
      for (let team = state.teams[index]; team && !team.acted && !team.collapsed; team = state.teams[index]) {
        state = applyAction(state, scenario, strategyOf(index)(state, scenario, team.id, random));
      }
    }
    state = resolveRound(state, scenario);
  }
  return state;
}
