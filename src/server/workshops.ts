/**
 * The sessions this process holds: created from `POST /api/sessions`, brought
 * back from the journal on start, swept after the retention period. Each has
 * one Colyseus room (room.ts), created here through the matchmaker: devices
 * may join rooms, never create them.
 */
import { matchMaker } from '@colyseus/core';
import type { Scenario } from '../engine/types.ts';
import { scenarioHash } from '../game/session/game-saves.ts';
import {
  type CreatedSession,
  createSessionSchema,
  WORKSHOP_ROOM,
  type WorkshopErrorCode,
} from '../game/session/workshop-protocol.ts';
import { hashToken, newJoinCode, newSessionId, newToken } from './codes.ts';
import type { SessionJournal } from './journal.ts';
import { createMetrics, type WorkshopMetrics } from './metrics.ts';
import { type RateLimit, RateLimiter } from './rate-limit.ts';
import { WorkshopSession } from './session.ts';

export interface WorkshopSettings {
  /** Sessions with no new event for this long are deleted (default 30 days). */
  retentionDays: number;
  /** Per connected device. */
  messageLimit: RateLimit;
  /** Per address: joins, and sessions created. */
  joinLimit: RateLimit;
  createLimit: RateLimit;
  /** How long a dropped device keeps its connection's place (it can always come back with its seat token). */
  reconnectSeconds: number;
}

export const DEFAULT_SETTINGS: WorkshopSettings = {
  retentionDays: 30,
  messageLimit: { burst: 20, perSecond: 10 },
  joinLimit: { burst: 10, perSecond: 0.5 },
  createLimit: { burst: 5, perSecond: 0.05 },
  reconnectSeconds: 60,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The one thing a room needs to know of the process: set by room.ts. */
export interface RoomHandle {
  disconnect(): Promise<unknown>;
}

export class Workshops {
  /** By join code. */
  readonly sessions = new Map<string, WorkshopSession>();
  readonly rooms = new Map<string, RoomHandle>();
  readonly metrics: WorkshopMetrics;
  readonly joins: RateLimiter;
  private readonly creations: RateLimiter;

  constructor(
    readonly scenarios: Map<string, Scenario>,
    readonly journal: SessionJournal,
    readonly settings: WorkshopSettings = DEFAULT_SETTINGS,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {
    this.metrics = createMetrics(() => this.sessions.size);
    this.joins = new RateLimiter(settings.joinLimit);
    this.creations = new RateLimiter(settings.createLimit);
  }

  /** A new session and its room; the facilitator's token is in the answer and nowhere else. */
  async create(
    body: unknown,
    address: string,
  ): Promise<{ ok: true; created: CreatedSession } | { ok: false; code: WorkshopErrorCode }> {
    if (!this.creations.take(address)) return { ok: false, code: 'rate-limited' };
    const parsed = createSessionSchema.safeParse(body);
    if (!parsed.success) return { ok: false, code: 'bad-session' };
    const scenario = this.scenarios.get(parsed.data.scenario);
    if (!scenario) return { ok: false, code: 'unknown-scenario' };
    const teams = parsed.data.options.teams.map(plainName);
    if (teams.some((name) => name === '')) return { ok: false, code: 'bad-session' };
    const facilitatorToken = newToken();
    const header = {
      id: newSessionId(),
      code: newJoinCode((code) => this.sessions.has(code)),
      scenario: scenario.id,
      scenarioHash: scenarioHash(scenario),
      options: { ...parsed.data.options, teams },
      createdAt: new Date().toISOString(),
      facilitatorTokenHash: hashToken(facilitatorToken),
    };
    let session: WorkshopSession;
    try {
      session = await WorkshopSession.open(header, scenario, this.journal);
    } catch (error) {
      if (error instanceof RangeError) return { ok: false, code: 'bad-session' };
      throw error;
    }
    this.sessions.set(header.code, session);
    await matchMaker.createRoom(WORKSHOP_ROOM, { code: header.code });
    return { ok: true, created: { code: header.code, facilitatorToken } };
  }

  /** Every journaled session, replayed through the machine, each in its room again. Returns how many came back. */
  async restoreAll(): Promise<number> {
    let restored = 0;
    for (const id of await this.journal.list()) {
      const stored = await this.journal.load(id);
      if (!stored) continue;
      const scenario = this.scenarios.get(stored.header.scenario);
      if (!scenario) {
        this.warn(`session ${id}: scenario ${stored.header.scenario} is not in this kit; not restored`);
        continue;
      }
      if (stored.header.scenarioHash !== scenarioHash(scenario)) {
        this.warn(`session ${id}: its scenario changed since it started; replayed on today's version`);
      }
      try {
        const session = WorkshopSession.restore(stored.header, stored.records, scenario, this.journal);
        this.sessions.set(stored.header.code, session);
        await matchMaker.createRoom(WORKSHOP_ROOM, { code: stored.header.code });
        restored += 1;
      } catch (error) {
        this.warn(`session ${id}: not restored (${(error as Error).message})`);
      }
    }
    return restored;
  }

  /** Deletes the sessions past the retention period, their rooms closed first. */
  async sweep(now = Date.now()): Promise<string[]> {
    const removed = await this.journal.sweep(now, this.settings.retentionDays * DAY_MS);
    const gone = new Set(removed);
    for (const [code, session] of this.sessions) {
      if (!gone.has(session.header.id)) continue;
      this.sessions.delete(code);
      await this.rooms.get(code)?.disconnect();
      this.rooms.delete(code);
      session.stop();
    }
    return removed;
  }
}

/**
 * A team name as plain text: no control or bidirectional-override characters
 * (devices show it with textContent, never as markup).
 */
export function plainName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').trim();
}
