import { describe, expect, it } from 'vitest';
import { simulate, simulateOnCores } from '../../tools/lib/simulation.ts';
import { scenario } from './helpers.ts';

describe('simulate on every core', () => {
  it('gives the very figures of one core: workers play stretches that add up in the same order', async () => {
    const s = scenario('forest-commune-wildfire');
    // 300 runs x 2 strategies: two stretches of 250 and 50 runs each, shared by two workers.
    const args = { runs: 300, seed: 5, teams: 2, difficulty: 'normal' as const, strategies: ['greedy', 'table'] };
    const workers = await simulateOnCores(s, args, 2);
    expect(workers).toEqual(simulate(s, args));
    expect(workers.table?.games).toBe(300);
  });
});
