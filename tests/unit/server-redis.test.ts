/**
 * Scaling out on one real Redis (redis-server from PATH, on a free port,
 * nothing saved): the Redis journal (the file journal's tests, mirrored), then
 * workshop server processes (src/server/main.ts) sharing one pool of sessions:
 * devices joining through different processes play in one room, and a session
 * whose process died is rebuilt from its log by the first join elsewhere.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { globalAgent } from 'node:http';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { Client } from 'colyseus.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeTaken, type SessionHeader, SessionMoved } from '../../src/server/journal.ts';
import { RedisJournal } from '../../src/server/redis-journal.ts';
import { bootWorkshop, createSession, type Device, device, join, TWO_TEAMS } from './server/helpers.ts';
import { type Spawned, startRedis, startWorkshopProcess } from './server/redis.ts';

const DAY = 24 * 60 * 60 * 1000;
const header = (id: string, code = 'ACDEFG'): SessionHeader => ({
  id,
  code,
  scenario: 'market-town-drought',
  scenarioHash: '0000abcd',
  options: { seed: 7, teams: ['A', 'B'], difficulty: 'normal', rounds: 4 },
  createdAt: '2025-01-01T00:00:00.000Z',
  facilitatorTokenHash: 'a'.repeat(64),
});

// colyseus.js on Node matchmakes through http.globalAgent: a pooled socket keeps the idle timer the server's
// Keep-Alive hint set (4 s), and a join that waits on a dead process's health check is that long. Fresh sockets,
// with a timeout past any join here (browsers have no such timer).
Object.assign(globalAgent, { keepAlive: false });
Object.assign((globalAgent as unknown as { options: object }).options, { timeout: 30_000 });

let redis: Spawned;
let client: Redis;
const dataDir = mkdtempSync(joinPath(tmpdir(), 'workshop-redis-'));
beforeAll(async () => {
  redis = await startRedis();
  client = new Redis(redis.url);
}, 30_000);
afterAll(async () => {
  await client?.quit();
  await redis?.stop();
}, 30_000);

describe('redis journal', () => {
  it('keeps a header and its records, one list item each, and reads them back', async () => {
    const journal = new RedisJournal(client, undefined, 'trip:');
    const id = '0123456789abcdef01234567';
    await journal.create(header(id));
    await journal.append(id, { kind: 'entry', entry: { type: 'continue' } });
    await journal.append(id, { kind: 'seat', seat: 'team-2', holder: 'bot', tokenHash: null });
    expect(await client.llen(`trip:records:${id}`)).toBe(2);
    expect(await client.hget('trip:codes', 'ACDEFG')).toBe(id);
    expect(await journal.list()).toEqual([id]);
    expect(await journal.idOfCode('ACDEFG')).toBe(id);
    const other = new Redis(redis.url);
    try {
      expect(await new RedisJournal(other, undefined, 'trip:').load(id)).toEqual({
        header: header(id),
        records: [
          { kind: 'entry', entry: { type: 'continue' } },
          { kind: 'seat', seat: 'team-2', holder: 'bot', tokenHash: null },
        ],
      });
    } finally {
      await other.quit();
    }
    expect(await journal.load('fedcba9876543210fedcba98')).toBeNull();
  });

  it('refuses a code another session holds, and leaves a session with an unreadable record as it is', async () => {
    const warnings: string[] = [];
    const journal = new RedisJournal(client, (w) => warnings.push(w), 'bad:');
    const first = '0123456789abcdef01234567';
    const broken = 'fedcba9876543210fedcba98';
    await journal.create(header(first));
    await expect(journal.create(header(broken))).rejects.toBeInstanceOf(CodeTaken);
    expect(await journal.list()).toEqual([first]);
    await journal.create(header(broken, 'CDEFGH'));
    await journal.append(broken, { kind: 'entry', entry: { type: 'continue' } });
    await client.rpush(`bad:records:${broken}`, 'nonsense', '{"kind":"entry","entry":{"type":"pause"}}');
    expect(await journal.load(broken)).toBeNull();
    // Nothing deleted, the other session untouched.
    expect(await client.lrange(`bad:records:${broken}`, 0, -1)).toEqual([
      '{"kind":"entry","entry":{"type":"continue"}}',
      'nonsense',
      '{"kind":"entry","entry":{"type":"pause"}}',
    ]);
    expect((await journal.load(first))?.header).toEqual(header(first));
    await journal.remove(broken);
    await journal.append(broken, { kind: 'entry', entry: { type: 'continue' } });
    expect(await client.exists(`bad:records:${broken}`, `bad:session:${broken}`)).toBe(0);
    expect(warnings).toEqual([
      `journal: session ${broken}, record 2 is unreadable; session left as it is`,
      `journal: session ${broken} is no longer kept; record dropped`,
    ]);
  });

  it('deletes the sessions with no new record for longer than the retention period, and only those, once', async () => {
    const now = Date.now();
    let clock = now - 31 * DAY;
    const journal = new RedisJournal(client, undefined, 'old:', () => clock);
    const old = '00000000000000000000000a';
    const recent = '00000000000000000000000b';
    await journal.create(header(old, 'AAAAAA'));
    clock = now - 29 * DAY;
    await journal.create(header(recent, 'CCCCCC'));
    expect(await journal.sweep(now, 30 * DAY)).toEqual([old]);
    // Another process sweeping after this one finds nothing left to delete.
    expect(await journal.sweep(now, 30 * DAY)).toEqual([]);
    expect(await journal.list()).toEqual([recent]);
    expect([await journal.idOfCode('AAAAAA'), await journal.idOfCode('CCCCCC')]).toEqual([null, recent]);
    // A new record makes a session recent again.
    clock = now;
    await journal.append(recent, { kind: 'entry', entry: { type: 'continue' } });
    expect(await journal.sweep(now + 2 * DAY, 30 * DAY)).toEqual([]);
  });

  it('refuses the records of a process after another one rebuilt the session and wrote to it', async () => {
    const first = new RedisJournal(client, undefined, 'fence:');
    const id = '0123456789abcdef01234567';
    await first.create(header(id));
    await first.append(id, { kind: 'entry', entry: { type: 'continue' } });
    // Another process, which took the first for dead.
    const second = new RedisJournal(client, undefined, 'fence:');
    expect((await second.load(id))?.records).toEqual([{ kind: 'entry', entry: { type: 'continue' } }]);
    await second.append(id, { kind: 'entry', entry: { type: 'pause' } });
    await expect(first.append(id, { kind: 'entry', entry: { type: 'pause' } })).rejects.toBeInstanceOf(SessionMoved);
    await second.append(id, { kind: 'entry', entry: { type: 'resume' } });
    expect(await client.lrange(`fence:records:${id}`, 0, -1)).toEqual([
      '{"kind":"entry","entry":{"type":"continue"}}',
      '{"kind":"entry","entry":{"type":"pause"}}',
      '{"kind":"entry","entry":{"type":"resume"}}',
    ]);
  });

  it('gives the claim on a code to one process at a time, let go only by its holder or its time', async () => {
    const journal = new RedisJournal(client, undefined, 'claim:');
    const token = await journal.claim('ACDEFG', 10_000);
    expect(token).toMatch(/^[a-f0-9]{24}$/);
    expect(await journal.claim('ACDEFG', 10_000)).toBeNull();
    await journal.release('ACDEFG', 'not-the-token');
    expect(await journal.claim('ACDEFG', 10_000)).toBeNull();
    await journal.release('ACDEFG', token as string);
    expect(await journal.claim('ACDEFG', 50)).toMatch(/^[a-f0-9]{24}$/);
    await new Promise((done) => setTimeout(done, 150));
    expect(await journal.claim('ACDEFG', 10_000)).toMatch(/^[a-f0-9]{24}$/);
  });
});

describe('workshop server: two processes on one Redis', () => {
  const processes: Spawned[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
  }, 30_000);
  const joinThrough = async (server: Spawned, options: Record<string, unknown>): Promise<Device> =>
    device(await new Client(server.url).join('workshop', options));
  const sessionsActive = async (server: Spawned) =>
    Number((await (await fetch(`${server.url}/metrics`)).text()).match(/^workshop_sessions_active (\d+)$/m)?.[1]);

  let a: Spawned;
  let b: Spawned;
  let code = '';
  let facilitatorToken = '';
  let seatToken = '';
  let roomId = '';
  let played: Record<string, unknown> = {};

  it('refuses to start on Redis without the address devices reach the process at', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, PORT: '0', WORKSHOP_REDIS_URL: redis.url, WORKSHOP_PUBLIC_ADDRESS: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((done) => child.once('exit', done));
    expect(code).toBe(1);
    expect(stderr).toContain(
      'WORKSHOP_PUBLIC_ADDRESS (host:port where devices reach this process) is needed with WORKSHOP_REDIS_URL',
    );
  });

  it('serves one session to devices that joined through either process, in one room', async () => {
    [a, b] = await Promise.all([startWorkshopProcess(redis.url, dataDir), startWorkshopProcess(redis.url, dataDir)]);
    processes.push(a, b);
    const response = await fetch(`${a.url}/api/sessions`, { method: 'POST', body: JSON.stringify(TWO_TEAMS) });
    expect(response.status).toBe(201);
    ({ code, facilitatorToken } = (await response.json()) as { code: string; facilitatorToken: string });
    const f = await joinThrough(a, { role: 'facilitator', code, token: facilitatorToken });
    const one = await joinThrough(b, { role: 'seat', code, seat: 1 });
    roomId = f.room.roomId;
    expect(one.room.roomId).toBe(roomId);
    seatToken = (await one.next('joined')).token as string;
    expect(seatToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([(await f.next('view')).version, (await one.next('view')).version]).toEqual([0, 0]);
    f.send('event', { entry: { type: 'continue' }, version: 0 });
    expect((await one.next('view', 2)).version).toBe(1);
    one.send('event', { entry: { type: 'pass', team: 'team-1' }, version: 1 });
    const [fView, oneView] = await Promise.all([f.next('view', 3), one.next('view', 3)]);
    expect([fView.version, oneView.version]).toEqual([2, 2]);
    expect(oneView.entry).toEqual({ type: 'pass', team: 'team-1' });
    expect(fView.entry).toEqual(oneView.entry);
    expect([oneView.view.round, oneView.view.phase, fView.view.phase]).toEqual([1, 'plan', 'plan']);
    const screen = await joinThrough(b, { role: 'screen', code });
    expect((await screen.next('view')).version).toBe(2);
    played = oneView;
    expect([await sessionsActive(a), await sessionsActive(b)]).toEqual([1, 0]);
    for (const d of [f, one, screen]) await d.room.leave();
  });

  it('rebuilds the session from its Redis log, in one room, when the process that held it dies', async () => {
    // A process started later finds the session's room on its live process: no second room.
    const c = await startWorkshopProcess(redis.url, dataDir);
    processes.push(c);
    const early = await joinThrough(c, { role: 'screen', code });
    expect(early.room.roomId).toBe(roomId);
    expect(await sessionsActive(c)).toBe(0);
    await early.room.leave();

    await a.stop('SIGKILL');
    // Two devices at once, through two processes: one claims the code and rebuilds the room, the other joins it.
    const [back, f] = await Promise.all([
      joinThrough(b, { role: 'seat', code, token: seatToken }),
      joinThrough(c, { role: 'facilitator', code, token: facilitatorToken }),
    ]);
    expect(back.room.roomId).toBe(f.room.roomId);
    expect(back.room.roomId).not.toBe(roomId);
    expect((await sessionsActive(b)) + (await sessionsActive(c))).toBe(1);
    expect(await back.next('view')).toEqual(played);
    expect((await f.next('view')).version).toBe(2);
    expect((await back.next('joined')).seats).toEqual([
      { seat: 'team-1', holder: 'device', connected: true },
      { seat: 'team-2', holder: null, connected: false },
    ]);
    // The game goes on from where the log stopped.
    f.send('event', { entry: { type: 'pause' }, version: 2 });
    const paused = await back.next('view', 2);
    expect([paused.version, paused.paused, paused.entry]).toEqual([3, true, { type: 'pause' }]);
    for (const d of [back, f]) await d.room.leave();
  });
});

describe('workshop room on the Redis journal', () => {
  it('tells its devices to join again, and closes, once another process has written to its session', async () => {
    const journal = new RedisJournal(client, () => {}, 'room:');
    const booted = await bootWorkshop({ dataDir, journal });
    try {
      const { code, facilitatorToken } = await createSession(booted);
      const f = await join(booted, { role: 'facilitator', code, token: facilitatorToken });
      const one = await join(booted, { role: 'seat', code, seat: 1 });
      await Promise.all([f.next('view'), one.next('view')]);
      f.send('event', { entry: { type: 'continue' } });
      await one.next('view', 2);
      // Another process, which took this one for dead, rebuilt the session and played on.
      const id = (await journal.idOfCode(code)) as string;
      const other = new RedisJournal(client, () => {}, 'room:');
      expect((await other.load(id))?.records.length).toBe(2);
      await other.append(id, { kind: 'entry', entry: { type: 'pause' } });
      const left = new Promise<number>((done) => one.room.onLeave(done));
      const from = one.received.length;
      f.send('event', { entry: { type: 'pause' } });
      expect(await one.next('error', from)).toEqual({ code: 'session-moved', key: 'workshop:errors.session-moved' });
      expect(await left).toBe(4000);
      // The pause this room applied was never written, so never shown.
      expect(one.of('view').map((v) => v.version)).toEqual([0, 1]);
      expect(booted.workshops.sessions.has(code)).toBe(false);
      expect(await client.lrange(`room:records:${id}`, -1, -1)).toEqual(['{"kind":"entry","entry":{"type":"pause"}}']);
      expect(await client.llen(`room:records:${id}`)).toBe(3);
    } finally {
      await booted.colyseus.shutdown();
    }
  });

  it("closes a room whose session another process's sweep deleted", async () => {
    const booted = await bootWorkshop({ dataDir, journal: new RedisJournal(client, () => {}, 'swept:') });
    try {
      const { code } = await createSession(booted);
      const id = booted.workshops.sessions.get(code)?.header.id;
      expect(await new RedisJournal(client, () => {}, 'swept:').sweep(Date.now() + 31 * DAY, 30 * DAY)).toEqual([id]);
      // This process's own sweep finds nothing to delete, and still lets the session go.
      expect(await booted.workshops.sweep()).toEqual([]);
      expect(booted.workshops.sessions.has(code)).toBe(false);
      expect(booted.workshops.rooms.has(code)).toBe(false);
    } finally {
      await booted.colyseus.shutdown();
    }
  });
});
