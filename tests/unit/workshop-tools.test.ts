/**
 * The workshop's command-line devices against a booted server: the Node client
 * (join, sync, its place back after the server drops the socket), workshop-bot
 * playing one seat to the end of a 3-round game, its one-line refusals, and
 * bench-server's core on 2 rooms of 3 teams.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { Client as ServerClient } from '@colyseus/core';
import { afterAll, describe, expect, it } from 'vitest';
import { STRATEGIES } from '../../src/bots/strategies.ts';
import { runBench } from '../../tools/lib/bench.ts';
import { BotPlayer, facilitatorDecide, seatDecide, seatFallback } from '../../tools/lib/bot-player.ts';
import { parseBenchArgs, parseBotArgs } from '../../tools/lib/workshop-args.ts';
import { WorkshopClient } from '../../tools/lib/workshop-client.ts';
import { type Booted, bootWorkshop, createSession, kitScenarios, UNLIMITED } from './server/helpers.ts';

const booted: Booted = await bootWorkshop({
  dataDir: mkdtempSync(joinPath(tmpdir(), 'workshop-tools-')),
  // The bench gives each device an address of its own, as behind a proxy; the limits are server-limits.test.ts's.
  trustProxy: true,
  settings: UNLIMITED,
});
afterAll(() => booted.colyseus.shutdown());

const THREE_TEAMS = {
  scenario: 'market-town-drought',
  options: { seed: 7, teams: ['Les Castors', 'Team B', 'Team C'], difficulty: 'normal', rounds: 3 },
};

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Runs the command line; resolves with its exit code and output. */
function workshopBot(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/workshop-bot.ts', ...args], { cwd: process.cwd() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const eventsApplied = async () =>
  Number(/^workshop_events_applied_total (\d+)$/m.exec(await (await fetch(`${booted.url}/metrics`)).text())?.[1]);

describe('workshop client', () => {
  it('joins by code, syncs, keeps its seat token, and gets back in after the server drops its socket', async () => {
    const { code, facilitatorToken } = await createSession(booted, THREE_TEAMS);
    const seat = await WorkshopClient.connect({ url: booted.url, join: { role: 'seat', code, seat: 1 } });
    const facilitator = await WorkshopClient.connect({
      url: booted.url,
      join: { role: 'facilitator', code, token: facilitatorToken },
    });
    await until(() => seat.view !== null && facilitator.view !== null);
    expect(seat.joined).toMatchObject({ role: 'seat', seat: 'team-1', code, scenario: 'market-town-drought' });
    expect(seat.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([seat.view?.version, seat.view?.view.phase, seat.view?.view.viewer]).toEqual([0, 'diagnose', 'team-1']);
    expect(facilitator.view?.view.viewer).toBe('facilitator');
    // The server drops both: the seat's place is kept (reconnect), the facilitator's is not (it joins again with its token).
    const room = booted.workshops.rooms.get(code) as unknown as { clients: ServerClient[] };
    for (const client of room.clients) (client.ref as unknown as { terminate(): void }).terminate();
    await until(() => seat.reconnections === 1 && facilitator.reconnections === 1);
    facilitator.sendEvent({ type: 'continue' }, 0);
    await until(() => seat.view?.version === 1);
    expect([seat.view?.view.phase, seat.view?.entry]).toEqual(['plan', { type: 'continue' }]);
    expect(seat.joined?.seats[0]).toEqual({ seat: 'team-1', holder: 'device', connected: true });
    await Promise.all([seat.close(), facilitator.close()]);
  });
});

describe('workshop-bot', () => {
  it('plays its seat to the end of a 3-round game while the others play theirs, one line per move, and exits 0', async () => {
    const { code, facilitatorToken } = await createSession(booted, THREE_TEAMS);
    const scenario = kitScenarios().get('market-town-drought');
    const table = STRATEGIES.table;
    if (!scenario || !table) throw new Error('no scenario or no table strategy');
    const facilitator = await WorkshopClient.connect({
      url: booted.url,
      join: { role: 'facilitator', code, token: facilitatorToken },
    });
    const players = [new BotPlayer(facilitator, facilitatorDecide)];
    for (const n of [2, 3]) {
      const seat = await WorkshopClient.connect({ url: booted.url, join: { role: 'seat', code, seat: n } });
      await until(() => seat.joined !== null);
      players.push(new BotPlayer(seat, seatDecide(seat, table, scenario, 5), {}, seatFallback(seat)));
    }
    const run = await workshopBot(['--url', booted.url, '--code', code, '--seat', '1', '--strategy', 'greedy']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`seat 1 (team-1) of ${code}, market-town-drought, strategy greedy`);
    expect(lines.at(-1)).toMatch(/^game over \(debrief\) at version \d+$/);
    const log = booted.workshops.sessions.get(code)?.log() ?? [];
    const moves = lines.filter((l) => l.startsWith('move '));
    // Every one of team 1's entries is one of the bot's lines, acknowledged at its version.
    const ours = log.flatMap((entry, i) => ('team' in entry && entry.team === 'team-1' ? [i + 1] : []));
    expect(moves.map((l) => Number(/-> version (\d+),/.exec(l)?.[1]))).toEqual(ours);
    expect(ours.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toBe(`game over (debrief) at version ${log.length}`);
    for (const p of players) expect(p.finished).toBe(true);
    expect(players.flatMap((p) => p.moves).every((m) => m.outcome === 'acknowledged')).toBe(true);
    await facilitator.close();
  }, 40_000);

  it('says in one line why it cannot play: a bad URL, an unknown strategy, an unknown code, a taken seat', async () => {
    const { code } = await createSession(booted, THREE_TEAMS);
    const known = Object.keys(STRATEGIES);
    const refusal = (argv: string[]) => {
      try {
        return parseBotArgs(argv, known);
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal(['--url', 'ftp://example.org', '--code', code, '--seat', '1'])).toBe(
      '--url needs an http:// or https:// address, not "ftp://example.org"',
    );
    expect(refusal(['--url', booted.url, '--code', code, '--seat', '1', '--strategy', 'clever'])).toBe(
      'unknown strategy "clever" (known: random, greedy, cooperative, hazard-aware, table, table-solo)',
    );
    expect(refusal(['--url', booted.url, '--code', code, '--seat', '7'])).toBe('--seat needs a whole number from 1 to 6');
    // The refused joins, through the command line itself.
    const taker = await WorkshopClient.connect({ url: booted.url, join: { role: 'seat', code, seat: 2 } });
    const other = code === 'CCCCCC' ? 'DDDDDD' : 'CCCCCC';
    const runs = await Promise.all([
      workshopBot(['--url', booted.url, '--code', other, '--seat', '1']),
      workshopBot(['--url', booted.url, '--code', code, '--seat', '2']),
    ]);
    expect(runs.map((r) => [r.code, r.stdout, r.stderr])).toEqual([
      [1, '', `workshop-bot: no session has the code ${other}\n`],
      [1, '', 'workshop-bot: seat 2 is taken\n'],
    ]);
    await taker.close();
  }, 30_000);
});

describe('bench-server', () => {
  it('reads its command line: the URLs, a think time of 1 s unless told, 0 to play as fast as the server answers', () => {
    const strategies = Object.keys(STRATEGIES);
    expect(parseBenchArgs(['--url', 'http://a:1,http://b:2/x', '--rooms', '200'], strategies)).toEqual({
      urls: ['http://a:1', 'http://b:2'],
      rooms: 200,
      teams: 5,
      rounds: 3,
      strategy: 'table',
      scenario: 'market-town-drought',
      json: false,
      timeoutSeconds: 900,
      thinkMs: 1000,
    });
    expect(parseBenchArgs(['--url', 'http://a:1', '--rooms', '2', '--think', '0', '--json'], strategies)).toMatchObject({
      thinkMs: 0,
      json: true,
    });
    expect(() => parseBenchArgs(['--url', 'http://a:1', '--rooms', '2', '--think', '-5'], strategies)).toThrow(
      '--think needs a whole number from 0 to 600000',
    );
  });

  it('plays 2 rooms of 3 teams to the end: every move acknowledged, none lost, the logs replayed', async () => {
    const applied = await eventsApplied();
    const args = {
      urls: [booted.url],
      rooms: 2,
      teams: 3,
      rounds: 3,
      strategy: 'table',
      scenario: 'market-town-drought',
      json: true,
      timeoutSeconds: 30,
      // A few ms to think: the moves wait their turn to be decided, and the game still ends within the test.
      thinkMs: 5,
    };
    const result = await runBench(args, kitScenarios());
    expect(result).toMatchObject({
      rooms: 2,
      clients: 10,
      completedRooms: 2,
      verifiedLogs: 2,
      lost: 0,
      errors: 0,
      unconfirmed: 0,
      reconnections: 0,
    });
    expect(result.moves).toBe(result.acknowledged);
    // Every entry the server applied was one of the bench's moves.
    expect(await eventsApplied()).toBe(applied + result.moves);
    expect(result.latencyMs.p50).toBeGreaterThan(0);
    expect(result.latencyMs.p50).toBeLessThanOrEqual(result.latencyMs.p95);
  }, 40_000);
});
