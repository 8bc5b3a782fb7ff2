/**
 * The sessions this process holds: created from `POST /api/sessions`, brought
 * back from the journal (on start with the file journal; with Redis, by the
 * first join that finds no live room), swept after the retention period. Each
 * has one Colyseus room (room.ts), created here through the matchmaker, on this
 * process: devices may join rooms, never create them.
 */
import { matchMaker } from '@colyseus/core';
import type { Scenario } from '../engine/types.ts';
import { scenarioHash } from '../game/session/game-saves.ts';
import {
  type CreatedSession,
  createSessionSchema,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  WORKSHOP_ROOM,
  type WorkshopErrorCode,
} from '../game/session/workshop-protocol.ts';
import { hashToken, newJoinCode, newSessionId, newToken } from './codes.ts';
import { CodeTaken, type SessionJournal, type SharedSessions } from './journal.ts';
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
  /**
   * How long a join's seat waits for the device's socket: Colyseus's 15 s can run out when a busy phone or laptop
   * reloads, and the device is then refused its own seat.
   */
  seatReservationSeconds: number;
}

export const DEFAULT_SETTINGS: WorkshopSettings = {
  retentionDays: 30,
  messageLimit: { burst: 20, perSecond: 10 },
  joinLimit: { burst: 10, perSecond: 0.5 },
  createLimit: { burst: 5, perSecond: 0.05 },
  reconnectSeconds: 60,
  seatReservationSeconds: 60,
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long one process may take to rebuild a room before another may try. */
const CLAIM_MS = 10_000;
/** A join waiting for another process's rebuild looks again this often, this many times (beyond CLAIM_MS). */
const CLAIM_POLL_MS = 100;
const CLAIM_POLLS = 150;
const CODE_ATTEMPTS = 5;
const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

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
    /** Set when several processes share the journal (Redis): rooms are then rebuilt on join, not on start. */
    readonly shared: SharedSessions | null = null,
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
    let session: WorkshopSession | null = null;
    // A shared journal refuses a code another process's session holds: another code, then.
    for (let attempt = 0; session === null; attempt += 1) {
      const header = {
        id: newSessionId(),
        code: newJoinCode((code) => this.sessions.has(code)),
        scenario: scenario.id,
        scenarioHash: scenarioHash(scenario),
        options: { ...parsed.data.options, teams },
        createdAt: new Date().toISOString(),
        facilitatorTokenHash: hashToken(facilitatorToken),
      };
      try {
        session = await WorkshopSession.open(header, scenario, this.journal);
      } catch (error) {
        if (error instanceof RangeError) return { ok: false, code: 'bad-session' };
        if (!(error instanceof CodeTaken) || attempt + 1 >= CODE_ATTEMPTS) throw error;
      }
    }
    const { header } = session;
    this.sessions.set(header.code, session);
    await matchMaker.createRoom(WORKSHOP_ROOM, { code: header.code });
    return { ok: true, created: { code: header.code, facilitatorToken } };
  }

  /** Every journaled session, replayed through the machine, each in its room again. Returns how many came back. */
  async restoreAll(): Promise<number> {
    let restored = 0;
    for (const id of await this.journal.list()) if (await this.restore(id)) restored += 1;
    return restored;
  }

  /** One journaled session replayed, in a room of this process; false (and a warning) when it cannot be. */
  private async restore(id: string): Promise<boolean> {
    const stored = await this.journal.load(id);
    if (!stored) return false;
    const scenario = this.scenarios.get(stored.header.scenario);
    if (!scenario) {
      this.warn(`session ${id}: scenario ${stored.header.scenario} is not in this kit; not restored`);
      return false;
    }
    if (stored.header.scenarioHash !== scenarioHash(scenario)) {
      this.warn(`session ${id}: its scenario changed since it started; replayed on today's version`);
    }
    try {
      const session = WorkshopSession.restore(stored.header, stored.records, scenario, this.journal);
      // A copy left from a room this process lost (its listing taken for dead) gives way to the journal's.
      this.sessions.get(stored.header.code)?.stop();
      this.sessions.set(stored.header.code, session);
      await matchMaker.createRoom(WORKSHOP_ROOM, { code: stored.header.code });
      return true;
    } catch (error) {
      this.warn(`session ${id}: not restored (${(error as Error).message})`);
      return false;
    }
  }

  /**
   * Before a join, with a shared journal: makes sure a live process holds the
   * code's room. A room listed on a process that no longer answers is
   * forgotten, then one process (the one that claims the code) rebuilds the
   * room from the journal, here; the others wait for its listing.
   */
  async ensureRoom(code: unknown): Promise<void> {
    // Anything but a well-formed code costs Redis nothing: the matchmaker finds no room for it.
    if (!this.shared || typeof code !== 'string' || !JOIN_CODE.test(code) || this.rooms.has(code)) return;
    for (let poll = 0; poll < CLAIM_POLLS; poll += 1) {
      if (await this.liveRoom(code)) return;
      const id = await this.shared.idOfCode(code);
      if (id === null) return;
      const claim = await this.shared.claim(code, CLAIM_MS);
      if (claim !== null) {
        try {
          // Looked at again once claimed: the previous holder of the claim may have just built it.
          if (!(await this.liveRoom(code))) await this.restore(id);
        } finally {
          await this.shared.release(code, claim);
        }
        return;
      }
      await new Promise((done) => setTimeout(done, CLAIM_POLL_MS));
    }
  }

  /** Whether the code's room is listed on a process that answers; the listings of one that does not are dropped. */
  private async liveRoom(code: string): Promise<boolean> {
    for (const listing of await matchMaker.query({ name: WORKSHOP_ROOM, code })) {
      if (listing.processId === matchMaker.processId) {
        if (this.rooms.has(code)) return true;
        continue;
      }
      if (await matchMaker.healthCheckProcessId(listing.processId)) return true;
      await matchMaker.driver.cleanup?.(listing.processId);
    }
    return false;
  }

  /** Deletes the sessions past the retention period, their rooms closed first. */
  async sweep(now = Date.now()): Promise<string[]> {
    const held = [...this.sessions];
    const removed = await this.journal.sweep(now, this.settings.retentionDays * DAY_MS);
    // What the journal no longer keeps, whichever process deleted it (with Redis, the first to sweep).
    const kept = new Set(await this.journal.list());
    for (const [code, session] of held) {
      if (kept.has(session.header.id) || this.sessions.get(code) !== session) continue;
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
