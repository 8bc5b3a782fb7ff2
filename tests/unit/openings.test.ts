import { describe, expect, it } from 'vitest';
import { playGame, randomStrategy, STATE_ONLY, STRATEGIES } from '../../src/bots/index.ts';
import type { Strategy } from '../../src/bots/strategies.ts';
import { createGame } from '../../src/engine/index.ts';
import { SharedOpenings } from '../../tools/lib/openings.ts';
import { gameSeed } from '../../tools/lib/tally.ts';
import { scenario } from './helpers.ts';

const GAMES = 80;

describe('shared openings of the simulator', () => {
  for (const id of ['coastal-estuary', 'periurban-brownfield']) {
    it(`play each game of ${id} to the very state it reaches on its own, for every strategy that reads the state alone`, () => {
      const s = scenario(id);
      for (const name of STATE_ONLY) {
        const strategy = STRATEGIES[name] as Strategy;
        const openings = new SharedOpenings(s, strategy, { teams: 3, difficulty: 'normal' });
        for (let run = 0; run < GAMES; run += 1) {
          const seed = gameSeed(7, run);
          expect(openings.play(seed), `${name}, run ${run}`).toEqual(
            playGame(s, { seed, teams: 3, difficulty: 'normal', strategies: strategy }),
          );
        }
        // Every game after the first takes the kept first round, and the deck
        // holds at most 13 shocks: at least 80 - 13 games take a kept second round too.
        expect(openings.reused, name).toBeGreaterThanOrEqual(GAMES - 1 + GAMES - 13);
      }
    });
  }

  it('share rounds of shorter games, and of harder ones, as they are', () => {
    const s = scenario('market-town-drought');
    const strategy = STRATEGIES.table as Strategy;
    const openings = new SharedOpenings(s, strategy, { teams: 2, difficulty: 'hard', rounds: 4 });
    for (let run = 0; run < 30; run += 1) {
      expect(openings.play(run)).toEqual(
        playGame(s, { seed: run, teams: 2, difficulty: 'hard', rounds: 4, strategies: strategy }),
      );
    }
  });

  it('leave out the random bot, whose moves follow its own draws', () => {
    const s = scenario('coastal-estuary');
    expect(STATE_ONLY.has('random')).toBe(false);
    const state = createGame(s, { seed: 1, teams: ['A', 'B', 'C'] });
    const first = randomStrategy(state, s, 'team-1', () => 0);
    const last = randomStrategy(state, s, 'team-1', () => 0.999);
    expect(first).not.toEqual(last);
  });

  it('stop a strategy said to read the state alone that draws a random number', () => {
    const s = scenario('coastal-estuary');
    const drawing: Strategy = (state, sc, team, random) => (STRATEGIES.random as Strategy)(state, sc, team, random);
    const openings = new SharedOpenings(s, drawing, { teams: 3, difficulty: 'normal' });
    expect(() => openings.play(1)).toThrow('a strategy that reads the state alone drew a random number');
  });
});
