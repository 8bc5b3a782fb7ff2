/**
 * The workshop room with @colyseus/testing: joins by code and token, who may
 * send what, refused messages that change nothing, versions, seats handed on.
 * One session of market-town-drought, 2 teams, seed 7, 4 rounds: it opens in
 * round 1's diagnosis, team 1 plays first.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../src/game/session/workshop-protocol.ts';
import { type Booted, bootWorkshop, createSession, type Device, join, settle, UNLIMITED } from './server/helpers.ts';

const booted: Booted = await bootWorkshop({
  dataDir: mkdtempSync(joinPath(tmpdir(), 'workshop-room-')),
  settings: UNLIMITED,
});
afterAll(() => booted.colyseus.shutdown());

let code = '';
let facilitatorToken = '';
beforeEach(async () => {
  await booted.colyseus.cleanup();
  ({ code, facilitatorToken } = await createSession(booted));
});

const facilitator = () => join(booted, { role: 'facilitator', code, token: facilitatorToken });
const seat = (n: number) => join(booted, { role: 'seat', code, seat: n });
const session = () => booted.workshops.sessions.get(code);
const refusalOf = async (target: Promise<unknown>) => {
  try {
    await target;
    return 'joined';
  } catch (error) {
    return (error as Error).message;
  }
};
/** Sends and waits for the sender's error. */
async function errorFor(device: Device, type: string, message?: unknown) {
  const from = device.received.length;
  device.send(type, message);
  return device.next('error', from);
}

describe('workshop room: joining', () => {
  it('creates a session with a readable code and joins it as facilitator, seat and screen', async () => {
    expect(code).toMatch(/^[ACDEFGHJKMNPRTWXY]{6}$/);
    expect(facilitatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const f = await facilitator();
    const one = await seat(1);
    const screen = await join(booted, { role: 'screen', code });
    const [fJoined, oneJoined, screenJoined] = await Promise.all([f.next('joined'), one.next('joined'), screen.next('joined')]);
    expect(fJoined).toMatchObject({ role: 'facilitator', seat: null, code, scenario: 'market-town-drought' });
    expect(fJoined.token).toBeUndefined();
    expect(oneJoined).toMatchObject({ role: 'seat', seat: 'team-1' });
    expect(oneJoined.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(screenJoined).toMatchObject({ role: 'screen', seat: null });
    const [fView, oneView, screenView] = await Promise.all([f.next('view'), one.next('view'), screen.next('view')]);
    expect([fView.version, fView.status, fView.view.phase, fView.view.round]).toEqual([0, 'playing', 'diagnose', 1]);
    // The facilitator sees the whole game; the others nothing that predicts a shock.
    expect(fView.view.seed).toBe(7);
    expect(oneView.view.viewer).toBe('team-1');
    expect(screenView.view.viewer).toBeNull();
    for (const view of [oneView.view, screenView.view]) {
      expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['seed']));
      expect(view.rng).toBeUndefined();
      expect(view.pendingHazard).toBeUndefined();
    }
    expect(oneView.view.teams.map((t: { name: string }) => t.name)).toEqual(['Les Castors', 'Team B']);
  });

  it('refuses a wrong code, a wrong facilitator token, a taken seat, a seat that does not exist and a bad seat token', async () => {
    await seat(1);
    const wrongToken = `${facilitatorToken.slice(0, -1)}${facilitatorToken.endsWith('A') ? 'B' : 'A'}`;
    expect(await refusalOf(join(booted, { role: 'facilitator', code, token: wrongToken }))).toBe('bad-token');
    expect(await refusalOf(seat(1))).toBe('seat-taken');
    expect(await refusalOf(seat(3))).toBe('no-such-seat');
    expect(await refusalOf(join(booted, { role: 'seat', code, token: wrongToken }))).toBe('bad-token');
    expect(await refusalOf(join(booted, { role: 'seat', code, seat: 1, token: wrongToken }))).toBe('bad-message');
    // A code no session holds finds no room (the matchmaker's own refusal).
    const otherCode = code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
    expect(await refusalOf(join(booted, { role: 'screen', code: otherCode }))).toBe('no rooms found with provided criteria');
  });

  it('lets no device create a room: sessions come from POST /api/sessions only', async () => {
    expect(await refusalOf(booted.colyseus.sdk.create('workshop', { code }))).toBe('invalid method "create"');
    expect(await refusalOf(booted.colyseus.sdk.joinOrCreate('workshop', { code }))).toBe('invalid method "joinOrCreate"');
  });
});

describe('workshop room: who may send what', () => {
  it('moves the shared steps on only with the facilitator token', async () => {
    const f = await facilitator();
    const one = await seat(1);
    await Promise.all([f.next('view'), one.next('view')]);
    expect(await errorFor(one, 'event', { entry: { type: 'continue' } })).toEqual({
      code: 'facilitator-only',
      key: 'workshop:errors.facilitator-only',
    });
    expect(session()?.version()).toBe(0);
    const from = one.received.length;
    f.send('event', { entry: { type: 'continue' } });
    const view = await one.next('view', from);
    expect([view.version, view.view.phase, view.entry]).toEqual([1, 'plan', { type: 'continue' }]);
  });

  it("keeps a seat from acting for another seat, and the facilitator from any team's move but a pass", async () => {
    const f = await facilitator();
    const one = await seat(1);
    await Promise.all([f.next('view'), one.next('view')]);
    f.send('event', { entry: { type: 'continue' } });
    await one.next('view', 2);
    expect((await errorFor(one, 'event', { entry: { type: 'pass', team: 'team-2' } })).code).toBe('not-your-seat');
    const card = Object.keys(booted.workshops.scenarios.get('market-town-drought')?.cards ?? {})[0];
    expect((await errorFor(f, 'event', { entry: { type: 'start-project', team: 'team-1', card, levers: [] } })).code).toBe(
      'not-your-seat',
    );
    expect((await errorFor(f, 'event', { entry: { type: 'send-aid', team: 'team-1', to: 'team-2' } })).code).toBe(
      'not-your-seat',
    );
    expect(
      (await errorFor(f, 'event', { entry: { type: 'allocate-envelope', lever: 'x', shares: {}, by: 'team-1' } })).code,
    ).toBe('not-your-seat');
    expect(session()?.version()).toBe(1);
    // Team 1's device is there but the facilitator may pass for it, as for one whose device is away.
    const from = one.received.length;
    f.send('event', { entry: { type: 'pass', team: 'team-1' } });
    expect((await one.next('view', from)).entry).toEqual({ type: 'pass', team: 'team-1' });
    expect(session()?.log()).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }]);
  });

  it('answers out-of-phase, malformed, unknown and oversized messages with an error to the sender only, the log unchanged', async () => {
    const f = await facilitator();
    const one = await seat(1);
    const two = await seat(2);
    await Promise.all([f.next('view'), one.next('view'), two.next('view')]);
    const othersBefore = [f.of('view').length, two.received.length];
    // Diagnosis: no team plays yet.
    expect(await errorFor(one, 'event', { entry: { type: 'pass', team: 'team-1' } })).toEqual({
      code: 'refused',
      key: 'game:errors.not-now',
      reason: 'not-now',
    });
    expect((await errorFor(one, 'event', { entry: { type: 'fly', team: 'team-1' } })).code).toBe('bad-message');
    expect((await errorFor(one, 'event', { entry: { type: 'pass', team: 'team-1', extra: 1 } })).code).toBe('bad-message');
    expect((await errorFor(one, 'event', 'pass')).code).toBe('bad-message');
    expect((await errorFor(one, 'sync', { please: true })).code).toBe('bad-message');
    expect((await errorFor(one, 'cheat', {})).code).toBe('unknown-message');
    const padding = 'x'.repeat(MAX_MESSAGE_BYTES);
    expect((await errorFor(one, 'event', { entry: { type: 'pass', team: 'team-1' }, padding })).code).toBe('too-large');
    expect((await errorFor(one, 'event', { entry: { type: 'continue' }, version: 3 })).code).toBe('facilitator-only');
    expect((await errorFor(f, 'event', { entry: { type: 'continue' }, version: 3 })).code).toBe('stale-version');
    await settle();
    expect(session()?.version()).toBe(0);
    // Team 2 heard nothing at all; the facilitator only its own refusal.
    expect([f.of('view').length, two.received.length]).toEqual(othersBefore);
    expect(f.of('error').map((e) => e.code)).toEqual(['stale-version']);
  });
});

describe('workshop room: versions and seats', () => {
  it('adds one to the version per applied entry, and sync gives the current version', async () => {
    const f = await facilitator();
    const one = await seat(1);
    await Promise.all([f.next('view'), one.next('view')]);
    f.send('event', { entry: { type: 'continue' }, version: 0 });
    expect((await one.next('view', 2)).version).toBe(1);
    one.send('event', { entry: { type: 'pass', team: 'team-1' }, version: 1 });
    const passed = await f.next('view', 3);
    expect([passed.version, passed.entry]).toEqual([2, { type: 'pass', team: 'team-1' }]);
    const screen = await join(booted, { role: 'screen', code });
    expect((await screen.next('view')).version).toBe(2);
    expect(session()?.log()).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }]);
  });

  it("gives the facilitator, and no one else, the session's game file with its log on every sync", async () => {
    const f = await facilitator();
    const one = await seat(1);
    const screen = await join(booted, { role: 'screen', code });
    const first = await f.next('joined');
    expect(first.file).toMatchObject({
      format: 'resilient-territory-kit/game',
      version: 5,
      scenario: 'market-town-drought',
      options: { seed: 7, teams: ['Les Castors', 'Team B'], difficulty: 'normal', rounds: 4 },
      log: [],
    });
    expect(first.file.scenarioHash).toMatch(/^[0-9a-f]{8,16}$/);
    expect([(await one.next('joined')).file, (await screen.next('joined')).file]).toEqual([undefined, undefined]);
    await f.next('view');
    f.send('event', { entry: { type: 'continue' } });
    await f.next('view', 2);
    const from = f.received.length;
    f.send('sync');
    expect((await f.next('joined', from)).file.log).toEqual([{ type: 'continue' }]);
  });

  it('gives a seat back to its token after the device left, and after a dropped connection', async () => {
    const one = await seat(1);
    const token = (await one.next('joined')).token as string;
    await one.room.leave(true);
    expect(await refusalOf(seat(1))).toBe('seat-taken');
    const back = await join(booted, { role: 'seat', code, token });
    expect(await back.next('joined')).toMatchObject({ role: 'seat', seat: 'team-1' });
    expect((await back.next('joined')).token).toBeUndefined();
    // A dropped socket: Colyseus keeps the place for reconnectSeconds.
    const reconnectionToken = back.room.reconnectionToken;
    back.room.connection.close();
    await settle();
    const again = await booted.colyseus.sdk.reconnect(reconnectionToken);
    expect(again.sessionId).toBe(back.room.sessionId);
  });

  it('lets the newest holder of a seat token keep the seat: the older device is told and let go', async () => {
    const one = await seat(1);
    const token = (await one.next('joined')).token as string;
    const from = one.received.length;
    const other = await join(booted, { role: 'seat', code, token });
    expect((await one.next('error', from)).code).toBe('seat-handed-over');
    expect((await other.next('joined')).seat).toBe('team-1');
  });

  it("tells the facilitator, and no one else, when a seat's device connects and drops", async () => {
    const f = await facilitator();
    const screen = await join(booted, { role: 'screen', code });
    const told: unknown[] = [];
    const toScreen: unknown[] = [];
    f.room.onMessage('seats', (m) => told.push(m));
    screen.room.onMessage('seats', (m) => toScreen.push(m));
    await f.next('view');
    const one = await seat(1);
    await one.next('view');
    await settle();
    expect(told.at(-1)).toEqual({
      seats: [
        { seat: 'team-1', holder: 'device', connected: true },
        { seat: 'team-2', holder: null, connected: false },
      ],
    });
    await one.room.leave(true);
    await settle();
    expect(told.at(-1)).toEqual({
      seats: [
        { seat: 'team-1', holder: 'device', connected: false },
        { seat: 'team-2', holder: null, connected: false },
      ],
    });
    expect(toScreen).toEqual([]);
  });

  it("tells a seat's device that the facilitator gave its seat to a bot, and lets it go", async () => {
    const f = await facilitator();
    const one = await seat(1);
    await Promise.all([f.next('view'), one.next('view')]);
    const from = one.received.length;
    f.send('hand-seat', { seat: 1, to: 'bot' });
    expect(await one.next('error', from)).toEqual({ code: 'seat-handed-over', key: 'workshop:handedOver.bot', reason: 'bot' });
    expect(one.of('seat-token')).toEqual([]);
  });

  it('hands a seat to another device: a new token for the facilitator only, the old one refused', async () => {
    const f = await facilitator();
    const one = await seat(1);
    const oldToken = (await one.next('joined')).token as string;
    await f.next('view');
    expect((await errorFor(one, 'hand-seat', { seat: 1, to: 'device' })).code).toBe('facilitator-only');
    const from = one.received.length;
    f.send('hand-seat', { seat: 1, to: 'device' });
    const handed = await f.next('seat-token');
    expect(handed.seat).toBe('team-1');
    expect(handed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await one.next('error', from)).code).toBe('seat-handed-over');
    expect(one.of('seat-token')).toEqual([]);
    expect(await refusalOf(join(booted, { role: 'seat', code, token: oldToken }))).toBe('bad-token');
    const next = await join(booted, { role: 'seat', code, token: handed.token });
    expect((await next.next('joined')).seat).toBe('team-1');
  });

  it('hands a seat to a bot, which plays its turns through the same machine', async () => {
    const f = await facilitator();
    const one = await seat(1);
    await Promise.all([f.next('view'), one.next('view')]);
    f.send('hand-seat', { seat: 2, to: 'bot' });
    expect((await f.next('joined', 1)).seats).toEqual([
      { seat: 'team-1', holder: 'device', connected: true },
      { seat: 'team-2', holder: 'bot', connected: false },
    ]);
    f.send('event', { entry: { type: 'continue' } });
    await one.next('view', 2);
    one.send('event', { entry: { type: 'pass', team: 'team-1' } });
    await settle();
    const log = session()?.log() ?? [];
    expect(log.slice(0, 2)).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }]);
    // Every entry after team 1's pass is team 2's, and it played until the plan phase ended.
    expect(log.length).toBeGreaterThan(2);
    expect(log.slice(2).every((e) => 'team' in e && e.team === 'team-2')).toBe(true);
    expect(one.last('view').version).toBe(log.length);
    expect(one.last('view').view.phase).toBe('implement');
  });
});
