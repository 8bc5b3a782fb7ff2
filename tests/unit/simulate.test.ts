import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../tools/lib/simulation.ts';
import { type Run, runTool } from './helpers.ts';

const simulate = (...args: string[]) => runTool('tools/simulate.ts', ...args);

const STRATEGIES = ['cooperative', 'greedy', 'hazard-aware', 'random', 'table', 'table-solo'];
const SAME = ['--scenario', 'coastal-estuary', '--runs', '30', '--seed', '7', '--json'];
const seeded = (seed: string) => ['--scenario', 'market-town-drought', '--runs', '40', '--seed', seed, '--strategy', 'random'];

// Each spawn of tsx costs about a second: they all run side by side.
let runs: Record<string, Run> = {};
beforeAll(async () => {
  const cases: Record<string, string[]> = {
    a: SAME,
    b: SAME,
    seed1: [...seeded('1'), '--rounds', '4', '--json'],
    seed2: [...seeded('2'), '--rounds', '4', '--json'],
    table: ['--scenario', 'periurban-brownfield', '--runs', '20', '--seed', '3'],
    atlantis: ['--scenario', 'atlantis', '--runs', '5'],
    badRuns: ['--scenario', 'coastal-estuary', '--runs', 'many'],
    badExport: ['--scenario', 'coastal-estuary', '--runs', '2', '--strategy', 'random', '--export', 'never.json'],
  };
  const names = Object.keys(cases);
  const results = await Promise.all(names.map((name) => simulate(...(cases[name] ?? []))));
  runs = Object.fromEntries(names.map((name, i) => [name, results[i] as Run]));
}, 60_000);

describe('npm run simulate', () => {
  it('prints the same JSON from run to run, but for elapsedMs', () => {
    const a = JSON.parse(runs.a?.out ?? '');
    const b = JSON.parse(runs.b?.out ?? '');
    expect(Object.keys(a)).toEqual(['scenario', 'runs', 'seed', 'teams', 'games', 'elapsedMs', 'strategies']);
    expect(typeof a.elapsedMs).toBe('number');
    delete a.elapsedMs;
    delete b.elapsedMs;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ scenario: 'coastal-estuary', runs: 30, seed: 7, teams: 3, games: 180 });
    expect(Object.keys(a.strategies).sort()).toEqual(STRATEGIES);
    for (const r of Object.values(a.strategies) as Record<string, unknown>[]) {
      expect(Object.keys(r)).toEqual([
        'winRate',
        'collapseRate',
        'meanScore',
        'meanRounds',
        'unspentBudgetShare',
        'saturationRate',
        'games',
      ]);
      for (const share of ['winRate', 'collapseRate', 'unspentBudgetShare', 'saturationRate']) {
        expect(r[share]).toBeGreaterThanOrEqual(0);
        expect(r[share]).toBeLessThanOrEqual(1);
      }
      expect(Object.keys(r.meanScore as object)).toContain('overall');
      expect(r.meanRounds).toBeGreaterThan(0);
      expect(r.games).toBe(30);
    }
    // Bots that fund projects spend part of what they receive.
    expect(a.strategies.greedy.unspentBudgetShare).toBeLessThan(1);
  });

  it('differs for another seed and honours --strategy and --rounds', () => {
    const a = JSON.parse(runs.seed1?.out ?? '');
    const b = JSON.parse(runs.seed2?.out ?? '');
    expect(Object.keys(a.strategies)).toEqual(['random']);
    expect(a.games).toBe(40);
    expect(a.strategies.random).not.toEqual(b.strategies.random);
    for (const r of [a.strategies.random, b.strategies.random]) {
      expect(r.meanRounds).toBeGreaterThan(0);
      expect(r.meanRounds).toBeLessThanOrEqual(4);
    }
  });

  it('prints a table by default and a plain error for bad arguments', () => {
    const table = runs.table as Run;
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^strategy\s+win %.*unspent\s+sat\. %$/m);
    expect(table.out).toMatch(/^hazard-aware\s+/m);
    const bad = runs.atlantis as Run;
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown scenario "atlantis"/);
    const badRuns = runs.badRuns as Run;
    expect(badRuns.code).toBe(1);
    expect(badRuns.err).toMatch(/--runs needs a whole number/);
    const badExport = runs.badExport as Run;
    expect(badExport.code).toBe(1);
    expect(badExport.err).toMatch(/^simulate: --export writes one game: it needs --runs 1 and exactly one --strategy\n$/);
    expect(`${bad.err}${badRuns.err}${badExport.err}`).not.toMatch(/\n\s+at /);
  });

  it('takes --export for one game of one strategy only, and --rounds within the rules', () => {
    const known = STRATEGIES;
    const base = ['--scenario', 'coastal-estuary', '--export', 'game.json'];
    expect(() => parseArgs([...base, '--runs', '1'], known)).toThrow(/exactly one --strategy/);
    expect(() => parseArgs([...base, '--runs', '1', '--strategy', 'random', '--strategy', 'greedy'], known)).toThrow(
      /exactly one --strategy/,
    );
    expect(() => parseArgs([...base, '--strategy', 'random'], known)).toThrow(/--runs 1/);
    expect(() => parseArgs([...base, '--runs', '1', '--strategy', 'random', '--seed', '3000'], known)).toThrow(
      /--export needs --seed 2147 or less/,
    );
    expect(parseArgs([...base, '--runs', '1', '--strategy', 'random', '--seed', '2147'], known)).toMatchObject({
      export: 'game.json',
      runs: 1,
      seed: 2147,
      strategies: ['random'],
    });
    expect(() => parseArgs(['--scenario', 'x', '--export'], known)).toThrow(/--export needs a file name/);
    expect(() => parseArgs(['--scenario', 'x', '--rounds', '13'], known)).toThrow(/--rounds needs a whole number from 3 to 12/);
    expect(() => parseArgs(['--scenario', 'x', '--rounds', '2'], known)).toThrow(/--rounds/);
    expect(parseArgs(['--scenario', 'x', '--rounds', '12'], known).rounds).toBe(12);
    expect(parseArgs(['--scenario', 'x'], known).rounds).toBeUndefined();
  });
});
