/** Shared by the workshop server's tests: a free port, the kit's scenarios, a booted server, a device that records what it is sent. */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { boot, type ColyseusTestServer } from '@colyseus/testing';
import type { Room } from 'colyseus.js';
import { afterAll, beforeEach } from 'vitest';
import { applyPatch } from '../../../src/game/session/view-patch.ts';
import type { JoinOptions, PatchMessage } from '../../../src/game/session/workshop-protocol.ts';
import { type WorkshopServerOptions, workshopParts } from '../../../src/server/server.ts';
import type { Workshops } from '../../../src/server/workshops.ts';
import { loadScenarios } from '../../../tools/lib/content.ts';

/** A port the system says is free; never 4173, which the kit's own server and the e2e tests use. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port === 4173 ? freePort().then(done, fail) : done(port)));
    });
  });
}

let scenarios: ReturnType<typeof loadScenarios> | null = null;
export const kitScenarios = () => {
  scenarios ??= loadScenarios();
  return scenarios;
};

export interface Booted {
  colyseus: ColyseusTestServer;
  workshops: Workshops;
  port: number;
  url: string;
}

/** @colyseus/testing's boot with a config object (0.16 ignores the port of a Server instance). */
export async function bootWorkshop(options: Partial<WorkshopServerOptions> & { dataDir: string }): Promise<Booted> {
  const { config, workshops } = workshopParts({ scenarios: kitScenarios(), distDir: null, warn: () => {}, ...options });
  const port = await freePort();
  const colyseus = await boot(config as unknown as Parameters<typeof boot>[0], port);
  return { colyseus, workshops, port, url: `http://127.0.0.1:${port}` };
}

/** Create and join limits out of the way, for files that test something else (server-limits.test.ts tests them). */
export const UNLIMITED = { createLimit: { burst: 1000, perSecond: 1 }, joinLimit: { burst: 1000, perSecond: 1 } };

/**
 * A server for one test file with a fresh session of TWO_TEAMS before each test: `session.code` and
 * `session.facilitatorToken` are that test's. Shut down after the file.
 */
export async function bootWithSessions(prefix: string): Promise<{ booted: Booted; session: CreatedPair }> {
  const booted = await bootWorkshop({ dataDir: mkdtempSync(joinPath(tmpdir(), prefix)), settings: UNLIMITED });
  const session: CreatedPair = { code: '', facilitatorToken: '' };
  afterAll(() => booted.colyseus.shutdown());
  beforeEach(async () => {
    await booted.colyseus.cleanup();
    Object.assign(session, await createSession(booted));
  });
  return { booted, session };
}

type CreatedPair = { code: string; facilitatorToken: string };

export const TWO_TEAMS = {
  scenario: 'market-town-drought',
  options: { seed: 7, teams: ['Les Castors', 'Team B'], difficulty: 'normal', rounds: 4 },
};

export async function createSession(
  booted: Booted,
  body: unknown = TWO_TEAMS,
): Promise<{ code: string; facilitatorToken: string }> {
  const response = await fetch(`${booted.url}/api/sessions`, { method: 'POST', body: JSON.stringify(body) });
  if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
  return (await response.json()) as { code: string; facilitatorToken: string };
}

// biome-ignore lint/suspicious/noExplicitAny: the tests read the server's JSON messages as they come.
type Json = any;

/**
 * A device: joins, registers its handlers, then asks for `sync` (colyseus.js drops messages nobody listens to yet).
 * A `patch` from the last view's version is recorded as the `view` it makes, the patch kept beside it; one from
 * another version is recorded as a `patch`, which no test waiting for a view takes.
 */
export interface Device {
  room: Room;
  received: { type: string; message: Json; patch?: PatchMessage }[];
  of(type: string): Json[];
  last(type: string): Json;
  /** Resolves with the first message of this type from the `after`-th received on (0: the first ever), waiting for it if need be. */
  next(type: string, after?: number): Promise<Json>;
  send(type: string, message?: unknown): void;
}

export async function join(booted: Booted, options: JoinOptions | Record<string, unknown>, sync = true): Promise<Device> {
  const room = await booted.colyseus.sdk.join('workshop', options);
  return device(room, sync);
}

export function device(room: Room, sync = true): Device {
  const received: Device['received'] = [];
  const waiters: { type: string; from: number; done: (m: Json) => void }[] = [];
  const record = (entry: Device['received'][number]) => {
    received.push(entry);
    for (const waiter of [...waiters]) {
      const hit = received.slice(waiter.from).find((r) => r.type === waiter.type);
      if (hit) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(hit.message);
      }
    }
  };
  for (const type of ['view', 'joined', 'error', 'seat-token', 'timer'])
    room.onMessage(type, (message) => record({ type, message }));
  room.onMessage('patch', (patch: PatchMessage) => {
    const last = d.last('view');
    if (!last || last.version !== patch.base) return record({ type: 'patch', message: patch });
    const { base: _base, patch: ops, entries: _entries, ...head } = patch;
    record({ type: 'view', message: { ...head, view: applyPatch(last.view, ops) }, patch });
  });
  const d: Device = {
    room,
    received,
    of: (type) => received.filter((r) => r.type === type).map((r) => r.message),
    last: (type) => d.of(type).at(-1),
    next: (type, after = 0) =>
      new Promise((done, fail) => {
        const hit = received.slice(after).find((r) => r.type === type);
        if (hit) return done(hit.message);
        const timer = setTimeout(() => fail(new Error(`no ${type} message came`)), 5000);
        waiters.push({
          type,
          from: after,
          done: (m) => {
            clearTimeout(timer);
            done(m);
          },
        });
      }),
    send: (type, message) => room.send(type, message),
  };
  if (sync) room.send('sync');
  return d;
}

/** Waits for what the server may still send: long enough for a loopback round trip on a busy machine. */
export const settle = (ms = 300) => new Promise((done) => setTimeout(done, ms));
