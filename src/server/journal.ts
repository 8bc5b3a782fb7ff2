/**
 * Where a session's log lives between restarts. A journal keeps, per session,
 * a header (scenario, options, join code, the facilitator token's hash) and an
 * append-only list of records: each logged entry, and each change of a seat's
 * holder. Replaying the entries through the scenario machine rebuilds the game
 * (session.ts). Files here (one JSON line per record); Redis in redis-journal.ts,
 * behind the same interface.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { open, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod/mini';
import { logEntrySchema, optionsSchema } from '../game/session/game-saves.ts';
import { JOIN_CODE_ALPHABET } from '../game/session/workshop-protocol.ts';
import type { LogEntry, SessionOptions } from '../machines/game.ts';

export interface SessionHeader {
  id: string;
  code: string;
  scenario: string;
  scenarioHash: string;
  options: SessionOptions;
  createdAt: string;
  facilitatorTokenHash: string;
}

export type SeatHolder = 'device' | 'bot' | null;

export type JournalRecord =
  | { kind: 'entry'; entry: LogEntry }
  /** A seat's holder changed: `tokenHash` is the hash of the token that now holds it (null: none). */
  | { kind: 'seat'; seat: string; holder: SeatHolder; tokenHash: string | null };

export interface StoredSession {
  header: SessionHeader;
  records: JournalRecord[];
}

export interface SessionJournal {
  create(header: SessionHeader): Promise<void>;
  append(id: string, record: JournalRecord): Promise<void>;
  /** Every session kept. */
  list(): Promise<string[]>;
  /** A session's header and records; null when it is missing or unreadable. */
  load(id: string): Promise<StoredSession | null>;
  remove(id: string): Promise<void>;
  /** Deletes the sessions with no new record for `retentionMs`; returns their ids. */
  sweep(now: number, retentionMs: number): Promise<string[]>;
}

/**
 * What processes that share one journal also need (the Redis journal gives it):
 * the session a code names, and who rebuilds a session's room when no live process holds it.
 */
export interface SharedSessions {
  /** The id of the session this join code names, or null. */
  idOfCode(code: string): Promise<string | null>;
  /** The right to rebuild a code's room for `ms`: a token to release it with, or null while another process holds it. */
  claim(code: string, ms: number): Promise<string | null>;
  release(code: string, token: string): Promise<void>;
}

/** A journal that keeps codes unique across processes refuses a code another session holds. */
export class CodeTaken extends Error {}

/**
 * A shared journal refuses a record from a room whose session another process
 * has since rebuilt and written to (this one was taken for dead): the log stays
 * one game, and this room must close.
 */
export class SessionMoved extends Error {}

export const SESSION_ID = /^[a-f0-9]{24}$/;
const hash = z.string().check(z.regex(/^[a-f0-9]{64}$/));

export const headerSchema = z.strictObject({
  id: z.string().check(z.regex(SESSION_ID)),
  code: z.string().check(z.regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`))),
  scenario: z.string().check(z.maxLength(64)),
  scenarioHash: z.string().check(z.maxLength(16)),
  options: optionsSchema,
  createdAt: z.string().check(z.maxLength(40)),
  facilitatorTokenHash: hash,
});

export const recordSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entry'), entry: logEntrySchema }),
  z.strictObject({
    kind: z.literal('seat'),
    seat: z.string().check(z.regex(/^team-[1-6]$/)),
    holder: z.nullable(z.enum(['device', 'bot'])),
    tokenHash: z.nullable(hash),
  }),
]);

/** One file per session, `<id>.jsonl`: the header on the first line, then one record a line. */
export class FileJournal implements SessionJournal {
  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private file(id: string): string {
    if (!SESSION_ID.test(id)) throw new RangeError(`not a session id: ${id}`);
    return join(this.dir, `${id}.jsonl`);
  }

  async create(header: SessionHeader): Promise<void> {
    // Written aside then renamed: a crash leaves the whole header or no session, never half of one.
    const file = this.file(header.id);
    const temporary = `${file}.tmp`;
    await writeFile(temporary, `${JSON.stringify(header)}\n`, { flag: 'wx' });
    await rename(temporary, file);
  }

  async append(id: string, record: JournalRecord): Promise<void> {
    // One write of one line, synced before the room tells anyone: what a device was shown survives a crash.
    const handle = await open(this.file(id), 'a');
    try {
      await handle.write(`${JSON.stringify(record)}\n`);
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  async list(): Promise<string[]> {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.jsonl'))
      .map((name) => name.slice(0, -'.jsonl'.length))
      .filter((id) => SESSION_ID.test(id))
      .sort();
  }

  async load(id: string): Promise<StoredSession | null> {
    let text: string;
    try {
      text = await readFile(this.file(id), 'utf8');
    } catch {
      return null;
    }
    const lines = text.split('\n');
    const header = headerSchema.safeParse(parseLine(lines[0] ?? ''));
    if (!header.success || header.data.id !== id) {
      this.warn(`journal: session ${id} has no readable header; left as it is`);
      return null;
    }
    const records: JournalRecord[] = [];
    let validBytes = Buffer.byteLength(`${lines[0]}\n`);
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i] as string;
      if (line === '' && i === lines.length - 1) break;
      const record = recordSchema.safeParse(parseLine(line));
      if (!record.success) {
        const last = i === lines.length - 1;
        if (!last) {
          this.warn(`journal: session ${id}, record ${i} is unreadable; session left as it is`);
          return null;
        }
        // A line cut short by a crash: drop it, so the next append starts on a clean line.
        this.warn(`journal: session ${id}, its last record was cut short; dropped`);
        await truncate(this.file(id), validBytes);
        break;
      }
      records.push(record.data as JournalRecord);
      validBytes += Buffer.byteLength(`${line}\n`);
    }
    return { header: header.data as SessionHeader, records };
  }

  async remove(id: string): Promise<void> {
    await rm(this.file(id), { force: true });
  }

  async sweep(now: number, retentionMs: number): Promise<string[]> {
    const removed: string[] = [];
    for (const id of await this.list()) {
      const { mtimeMs } = await stat(this.file(id));
      if (now - mtimeMs > retentionMs) {
        await this.remove(id);
        removed.push(id);
      }
    }
    for (const name of readdirSync(this.dir).filter((n) => n.endsWith('.jsonl.tmp'))) {
      const { mtimeMs } = await stat(join(this.dir, name));
      if (now - mtimeMs > retentionMs) await rm(join(this.dir, name), { force: true });
    }
    return removed;
  }
}

export function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
