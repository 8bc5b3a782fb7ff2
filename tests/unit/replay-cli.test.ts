/** npm run replay: a game exported by npm run simulate replays to the same scores; any bad file is one ERROR line. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playRecorded, teamNames } from '../../src/bots/autoplay.ts';
import { STRATEGIES, type Strategy } from '../../src/bots/strategies.ts';
import { scoreGame } from '../../src/engine/scoring.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { GAME_FILE_FORMAT, GAME_FILE_VERSION, scenarioHash } from '../../src/game/session/game-saves.ts';
import { loadScenarios } from '../../tools/lib/content.ts';
import { replayCommand } from '../../tools/replay.ts';
import { type Run, runTool } from './helpers.ts';

const run = runTool;

const replay = (...args: string[]) => run('tools/replay.ts', ...args);

const SCENARIO = 'coastal-estuary';
const SEED = 7;
/** The seed of the simulation's first game (tools/lib/simulation.ts). */
const GAME_SEED = SEED * 1_000_003;
const COOPERATIVE = STRATEGIES.cooperative as Strategy;

let dir = '';
let scenario: Scenario;
let exported: Run;
let text = '';
const results = new Map<string, Run>();

/**
 * Each bad file, and the reason its ERROR line must give. Every case goes through the command in-process; those
 * marked `spawn` also as a child process, for the exit code, the stream and the absence of a stack trace (a spawn of
 * tsx costs about a second: the test keeps to seven, run side by side).
 */
const BAD: Record<string, { write?: (file: string, game: Record<string, unknown>) => void; reason: RegExp; spawn?: true }> = {
  missing: { reason: /does not exist/, spawn: true },
  folder: { write: (file) => mkdirSync(file), reason: /folder/ },
  empty: { write: (file) => writeFileSync(file, ''), reason: /empty/ },
  'not-json': { write: (file) => writeFileSync(file, 'format: game\nlog: []\n'), reason: /not valid JSON/ },
  truncated: {
    write: (file) => writeFileSync(file, text.slice(0, Math.floor(text.length / 2))),
    reason: /not valid JSON/,
    spawn: true,
  },
  huge: {
    write: (file) => writeFileSync(file, `{"format": "${' '.repeat(30_000_000)}"}`),
    reason: /too large \(30\.0 MB/,
    spawn: true,
  },
  'wrong-types': {
    write: (file, game) =>
      writeFileSync(file, JSON.stringify({ ...game, options: { ...(game.options as object), seed: 'seven' } })),
    reason: /not a game file/,
    spawn: true,
  },
  refused: {
    // The first project the bots started becomes a card no scenario has: the rules refuse that event.
    write: (file, game) => {
      const log = [...(game.log as object[])];
      const index = log.findIndex((e) => (e as { type: string }).type === 'start-project');
      log[index] = { ...(log[index] as object), card: 'no-such-card' };
      writeFileSync(file, JSON.stringify({ ...game, log }));
    },
    reason: /^event \d+ \(start-project\) is refused by the rules: unknown-card/,
    spawn: true,
  },
  'changed-scenario': {
    write: (file, game) => writeFileSync(file, JSON.stringify({ ...game, scenarioHash: '0badc0de' })),
    reason: /scenario "coastal-estuary" has changed.*--accept-changed-scenario/,
  },
  'unknown-scenario': {
    write: (file, game) => writeFileSync(file, JSON.stringify({ ...game, scenario: 'atlantis' })),
    reason: /unknown scenario "atlantis"/,
  },
  'future-version': {
    write: (file, game) => writeFileSync(file, JSON.stringify({ ...game, version: GAME_FILE_VERSION + 1 })),
    reason: /newer version of the kit \(version 6\)/,
  },
};

const SPAWNED = Object.keys(BAD).filter((name) => BAD[name]?.spawn);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'replay-cli-'));
  scenario = loadScenarios().get(SCENARIO) as Scenario;
  const file = join(dir, 'game.json');
  exported = await run(
    'tools/simulate.ts',
    ...['--scenario', SCENARIO, '--runs', '1', '--seed', String(SEED), '--teams', '3', '--strategy', 'cooperative'],
    ...['--export', file, '--json'],
  );
  text = readFileSync(file, 'utf8');
  const game = JSON.parse(text) as Record<string, unknown>;
  for (const [name, bad] of Object.entries(BAD)) bad.write?.(join(dir, name), game);
  // Every replay at once: each spawn of tsx costs about a second.
  const runs = await Promise.all([replay(file), ...SPAWNED.map((name) => replay(join(dir, name)))]);
  results.set('good', runs[0] as Run);
  SPAWNED.forEach((name, i) => {
    results.set(name, runs[i + 1] as Run);
  });
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm run simulate -- --export', () => {
  it('writes the game file the browser exports, replayable with the game seed', () => {
    expect(exported.code).toBe(0);
    const played = playRecorded(scenario, { seed: GAME_SEED, teams: 3, strategies: COOPERATIVE, record: true });
    const expected = {
      format: GAME_FILE_FORMAT,
      version: GAME_FILE_VERSION,
      scenario: SCENARIO,
      scenarioHash: scenarioHash(scenario),
      options: { seed: GAME_SEED, teams: teamNames(3), difficulty: 'normal', rounds: scenario.rounds },
      log: played.events,
    };
    expect(text).toBe(JSON.stringify(expected, null, 2));
  });
});

describe('npm run replay', () => {
  it('prints one JSON line with the scores of the game', () => {
    const good = results.get('good') as Run;
    expect(good.code).toBe(0);
    expect(good.err).toBe('');
    const lines = good.out.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string);
    expect(line).toMatchObject({ scenario: 'coastal-estuary', seed: GAME_SEED, rounds: 7 });
    expect(line.teams.map((t: { id: string }) => t.id)).toEqual(['team-1', 'team-2', 'team-3']);
    expect(line.teams.map((t: { name: string }) => t.name)).toEqual(['Team 1', 'Team 2', 'Team 3']);
    const game = playRecorded(scenario, { seed: GAME_SEED, teams: 3, strategies: COOPERATIVE }).state;
    const scores = scoreGame(game, scenario);
    expect(line.teams).toEqual(
      game.teams.map((t, i) => ({
        id: t.id,
        name: t.name,
        overall: scores[i]?.overall,
        succeeded: scores[i]?.succeeded,
        collapsed: t.collapsed,
      })),
    );
    // The simulation of that one game reports the same mean.
    const mean = scores.reduce((sum, s) => sum + s.overall, 0) / scores.length;
    expect(JSON.parse(exported.out).strategies.cooperative.meanScore.overall).toBeCloseTo(mean, 3);
  });

  it('replays a changed scenario when told to, with a note', () => {
    const accepted = replayCommand([join(dir, 'changed-scenario'), '--accept-changed-scenario']);
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toBe((results.get('good') as Run).out);
    expect(accepted.stderr).toMatch(/^note .*content changed\n$/);
  });

  const errorLine = (name: string, err: string) => {
    const file = join(dir, name);
    expect(err.startsWith(`ERROR ${file}: `)).toBe(true);
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
    expect(err.slice(`ERROR ${file}: `.length)).toMatch(BAD[name]?.reason ?? /never/);
  };

  it.each(SPAWNED)('exits 1 with one ERROR line on stderr for a bad file (%s)', (name) => {
    const bad = results.get(name) as Run;
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    errorLine(name, bad.err);
  });

  it.each(Object.keys(BAD))('refuses a bad file (%s) with one ERROR line', (name) => {
    const outcome = replayCommand([join(dir, name)]);
    expect(outcome).toMatchObject({ code: 1, stdout: '' });
    errorLine(name, outcome.stderr);
  });

  it('says how to call it', () => {
    expect(replayCommand([])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^ERROR .*usage: npm run replay/),
    });
    expect(replayCommand([join(dir, 'game.json'), '--verbose']).stderr).toMatch(/^ERROR .*unknown option --verbose/);
  });
});
