/**
 * The journal in Redis, for several processes serving one pool of sessions
 * (WORKSHOP_REDIS_URL). Per session a hash `<prefix>session:<id>` (`header`:
 * the header as JSON, `code`) and a list `<prefix>records:<id>` (one JSON
 * record an item, only ever pushed on the right); beside them a sorted set
 * `<prefix>sessions` (id -> time of its last write, for `list` and the
 * retention sweep), a hash `<prefix>codes` (join code -> id: codes unique
 * across processes) and short-lived claims `<prefix>claim:<code>` (who
 * rebuilds a room). Each change is one Lua script: Redis runs it whole, so no
 * crash leaves half a session or a code pointing at nothing. Not for Redis
 * Cluster (the scripts touch keys of several slots).
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  CodeTaken,
  headerSchema,
  type JournalRecord,
  parseLine,
  recordSchema,
  SESSION_ID,
  type SessionHeader,
  type SessionJournal,
  SessionMoved,
  type SharedSessions,
  type StoredSession,
} from './journal.ts';

/** KEYS codes, session, sessions; ARGV code, id, header, now. 1 created, 0 code taken, -1 id taken. */
const CREATE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], 'header', ARGV[3], 'code', ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[2])
return 1`;

/**
 * KEYS session, records, sessions; ARGV record, now, id, the length this process
 * last knew (-1: unknown). 0 when the session is gone (swept or removed), -1 when
 * someone else has written since.
 */
const APPEND = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if tonumber(ARGV[4]) >= 0 and redis.call('LLEN', KEYS[2]) ~= tonumber(ARGV[4]) then return -1 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], ARGV[3])
return 1`;

/** KEYS session, records, sessions, codes; ARGV id. 1 when this call removed it. */
const REMOVE = `
local code = redis.call('HGET', KEYS[1], 'code')
local listed = redis.call('ZREM', KEYS[3], ARGV[1])
local existed = redis.call('DEL', KEYS[1], KEYS[2])
if code and redis.call('HGET', KEYS[4], code) == ARGV[1] then redis.call('HDEL', KEYS[4], code) end
if listed + existed > 0 then return 1 end
return 0`;

/** KEYS claim; ARGV token: a claim is let go only by its holder (an expired one may be another's by now). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisJournal implements SessionJournal, SharedSessions {
  /** Each session's record count as this process last wrote or read it: the fence against a second writer. */
  private readonly lengths = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly warn: (message: string) => void = (message) => console.warn(message),
    private readonly prefix = 'rtk:',
    private readonly now: () => number = Date.now,
  ) {}

  private keys(id: string) {
    if (!SESSION_ID.test(id)) throw new RangeError(`not a session id: ${id}`);
    return { session: `${this.prefix}session:${id}`, records: `${this.prefix}records:${id}` };
  }

  private get sessions(): string {
    return `${this.prefix}sessions`;
  }

  private get codes(): string {
    return `${this.prefix}codes`;
  }

  async create(header: SessionHeader): Promise<void> {
    const { session } = this.keys(header.id);
    const created = await this.redis.eval(
      CREATE,
      3,
      this.codes,
      session,
      this.sessions,
      header.code,
      header.id,
      JSON.stringify(header),
      this.now(),
    );
    if (created === 0) throw new CodeTaken(`join code ${header.code} is taken`);
    if (created !== 1) throw new Error(`session ${header.id} is already in the journal`);
    this.lengths.set(header.id, 0);
  }

  async append(id: string, record: JournalRecord): Promise<void> {
    const { session, records } = this.keys(id);
    const length = this.lengths.get(id) ?? -1;
    const args = [JSON.stringify(record), this.now(), id, length];
    const kept = await this.redis.eval(APPEND, 3, session, records, this.sessions, ...args);
    if (kept === -1) throw new SessionMoved(`journal: session ${id} was rebuilt and written to elsewhere`);
    // A room still running a session the sweep (of any process) deleted: its records have nowhere to go.
    if (kept === 0) this.warn(`journal: session ${id} is no longer kept; record dropped`);
    else if (length >= 0) this.lengths.set(id, length + 1);
  }

  async list(): Promise<string[]> {
    const ids = await this.redis.zrange(this.sessions, 0, -1);
    return ids.filter((id) => SESSION_ID.test(id)).sort();
  }

  async load(id: string): Promise<StoredSession | null> {
    const { session, records } = this.keys(id);
    // One transaction: the header and the records as they were at one moment.
    const [headerReply, recordsReply] = (await this.redis.multi().hget(session, 'header').lrange(records, 0, -1).exec()) ?? [];
    const headerText = headerReply?.[1] as string | null | undefined;
    if (headerText === null || headerText === undefined) {
      if (recordsReply?.[1] && (recordsReply[1] as string[]).length > 0)
        this.warn(`journal: session ${id} has no readable header; left as it is`);
      return null;
    }
    const header = headerSchema.safeParse(parseLine(headerText));
    if (!header.success || header.data.id !== id) {
      this.warn(`journal: session ${id} has no readable header; left as it is`);
      return null;
    }
    const kept: JournalRecord[] = [];
    const texts = (recordsReply?.[1] ?? []) as string[];
    for (let i = 0; i < texts.length; i += 1) {
      const record = recordSchema.safeParse(parseLine(texts[i] as string));
      // Each record is pushed whole, so none is ever cut short: an unreadable one is damage, and replaying
      // around it would give another game. Nothing is deleted: the session waits, as it is, for a person to look.
      if (!record.success) {
        this.warn(`journal: session ${id}, record ${i + 1} is unreadable; session left as it is`);
        return null;
      }
      kept.push(record.data as JournalRecord);
    }
    this.lengths.set(id, texts.length);
    return { header: header.data as SessionHeader, records: kept };
  }

  async remove(id: string): Promise<void> {
    await this.removed(id);
  }

  private async removed(id: string): Promise<boolean> {
    const { session, records } = this.keys(id);
    this.lengths.delete(id);
    return (await this.redis.eval(REMOVE, 4, session, records, this.sessions, this.codes, id)) === 1;
  }

  async sweep(now: number, retentionMs: number): Promise<string[]> {
    // Strictly older than the retention period, as the file journal's modification times.
    const old = await this.redis.zrangebyscore(this.sessions, '-inf', `(${now - retentionMs}`);
    const removed: string[] = [];
    for (const id of old.filter((i) => SESSION_ID.test(i)).sort()) {
      // Several processes sweep: each id is reported by the one that deleted it.
      if (await this.removed(id)) removed.push(id);
    }
    return removed;
  }

  async idOfCode(code: string): Promise<string | null> {
    return this.redis.hget(this.codes, code);
  }

  async claim(code: string, ms: number): Promise<string | null> {
    const token = randomBytes(12).toString('hex');
    const set = await this.redis.set(`${this.prefix}claim:${code}`, token, 'PX', ms, 'NX');
    return set === 'OK' ? token : null;
  }

  async release(code: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, `${this.prefix}claim:${code}`, token);
  }
}
