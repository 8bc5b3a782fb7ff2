import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function simulate(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/simulate.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run simulate', () => {
  it('prints the same JSON from run to run, but for elapsedMs', () => {
    const args = ['--scenario', 'coastal-estuary', '--runs', '200', '--seed', '7', '--json'];
    const a = JSON.parse(simulate(...args).out);
    const b = JSON.parse(simulate(...args).out);
    expect(typeof a.elapsedMs).toBe('number');
    delete a.elapsedMs;
    delete b.elapsedMs;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ scenario: 'coastal-estuary', runs: 200, seed: 7 });
    expect(Object.keys(a.strategies).sort()).toEqual(['cooperative', 'greedy', 'hazard-aware', 'random']);
    for (const r of Object.values(a.strategies) as { winRate: number; meanScore: Record<string, number>; meanRounds: number }[]) {
      expect(r.winRate).toBeGreaterThanOrEqual(0);
      expect(r.winRate).toBeLessThanOrEqual(1);
      expect(Object.keys(r.meanScore)).toContain('overall');
      expect(r.meanRounds).toBeGreaterThan(0);
    }
  });

  it('differs for another seed and honours --strategy', () => {
    const a = JSON.parse(
      simulate('--scenario', 'market-town-drought', '--runs', '100', '--seed', '1', '--strategy', 'random', '--json').out,
    );
    const b = JSON.parse(
      simulate('--scenario', 'market-town-drought', '--runs', '100', '--seed', '2', '--strategy', 'random', '--json').out,
    );
    expect(Object.keys(a.strategies)).toEqual(['random']);
    expect(a.strategies.random).not.toEqual(b.strategies.random);
  });

  it('prints a table by default and a plain error for bad arguments', () => {
    const table = simulate('--scenario', 'periurban-brownfield', '--runs', '20', '--seed', '3');
    expect(table.out).toMatch(/^strategy\s+win %/m);
    expect(table.out).toMatch(/^hazard-aware\s+/m);
    const bad = simulate('--scenario', 'atlantis', '--runs', '5');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/unknown scenario "atlantis"/);
    const badRuns = simulate('--scenario', 'coastal-estuary', '--runs', 'many');
    expect(badRuns.err).toMatch(/--runs needs a whole number/);
    expect(`${bad.err}${badRuns.err}`).not.toMatch(/\n\s+at /);
  });
});
