/**
 * Saved games. A game file is its log: { format, version, scenario,
 * scenarioHash, options, log }. The kit stores it after every event with a
 * few facts for the list of saved games (id, date, round, status), exports it
 * as it is, and resumes or imports it by replaying the log through the
 * scenario machine; a log that does not replay is refused with the event and
 * the reason.
 */
// zod's mini build: a saved game is read as the game opens, and its schemas cost far less to set up.
import { z } from 'zod/mini';
import { MAX_NOTE_LENGTH } from '../../engine/notes.ts';
import type { Scenario } from '../../engine/types.ts';
import type { LogEntry, SessionOptions } from '../../machines/game.ts';
import { type ReplayResult, replayLog, type SessionSnapshot } from '../../machines/replay.ts';
import type { KeyValueStore, StoreResult } from '../../storage/store.ts';

export const GAME_FILE_FORMAT = 'resilient-territory-kit/game';
/**
 * Version 5 added the facilitator's notes (note); version 4 the Department seat (options.departmentSeat,
 * allocate-envelope's `by`) and planned hazards (plan-hazard). Versions 3 and 4 read as they are: each
 * version only added entries.
 */
export const GAME_FILE_VERSION = 5;
const OLDEST_READABLE_VERSION = 3;
const READABLE_VERSIONS = [3, 4, 5] as const;
/** Larger than any real game (a 12-round game of 6 teams logs a few hundred events). */
export const MAX_GAME_FILE = 5_000_000;
export const MAX_LOG_ENTRIES = 20_000;
const PREFIX = 'game:';
const CURRENT = 'current-game';

const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(64));
const teamId = z.string().check(z.regex(/^team-[1-6]$/));
const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

/** One logged event, as a game file and the workshop server's `event` message carry it. */
export const logEntrySchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start-project'),
    team: teamId,
    card: id,
    levers: z.array(id).check(z.maxLength(10)),
    partners: z.optional(z.array(teamId).check(z.maxLength(5))),
  }),
  z.strictObject({
    type: z.literal('answer-offer'),
    team: teamId,
    offer: z.string().check(z.regex(/^o[0-9]{1,5}$/)),
    accept: z.boolean(),
  }),
  z.strictObject({ type: z.literal('send-aid'), team: teamId, to: teamId }),
  z.strictObject({ type: z.literal('pass'), team: teamId }),
  bare('continue'),
  bare('skip-phase'),
  bare('end-game'),
  z.strictObject({ type: z.literal('inject-hazard'), hazard: id }),
  z.strictObject({ type: z.literal('plan-hazard'), round: z.int().check(z.gte(1), z.lte(12)), hazard: id }),
  z.strictObject({
    type: z.literal('allocate-envelope'),
    lever: id,
    shares: z.record(teamId, z.int().check(z.gte(0), z.lte(100_000))),
    by: z.optional(teamId),
  }),
  z.strictObject({
    type: z.literal('note'),
    // The rules count characters as a person does (see engine/notes.ts); this only bounds the file.
    text: z.string().check(z.maxLength(MAX_NOTE_LENGTH * 4)),
    at: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/)),
    by: z.optional(teamId),
  }),
  bare('pause'),
  bare('resume'),
  bare('finish'),
  z.strictObject({
    type: z.literal('set-timer'),
    enabled: z.boolean(),
    limitSeconds: z.int().check(z.gte(30), z.lte(3600)),
    forceOnExpiry: z.boolean(),
  }),
  z.strictObject({ type: z.literal('extend-time'), seconds: z.int().check(z.gte(0), z.lte(3600)) }),
]);

/** A game's options, as a game file and the workshop server's session creation carry them. */
export const optionsSchema = z.strictObject({
  seed: z.int().check(z.gte(0), z.lte(2 ** 31 - 1)),
  teams: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(60))).check(z.minLength(1), z.maxLength(6)),
  difficulty: z.enum(['easy', 'normal', 'hard']),
  rounds: z.int().check(z.gte(3), z.lte(12)),
  departmentSeat: z.optional(teamId),
});

const fileSchema = z.strictObject({
  format: z.literal(GAME_FILE_FORMAT),
  version: z.union(READABLE_VERSIONS.map((v) => z.literal(v))),
  scenario: id,
  scenarioHash: z.string().check(z.regex(/^[0-9a-f]{8,16}$/)),
  options: optionsSchema,
  log: z.array(logEntrySchema).check(z.maxLength(MAX_LOG_ENTRIES)),
});

export interface GameFile {
  format: typeof GAME_FILE_FORMAT;
  version: (typeof READABLE_VERSIONS)[number];
  scenario: string;
  scenarioHash: string;
  options: SessionOptions;
  log: LogEntry[];
}

export type GameStatus = 'playing' | 'debrief' | 'finished';

/** What the kit keeps: the file, and what the list of saved games shows. */
export interface GameSave {
  id: string;
  savedAt: string;
  round: number;
  status: GameStatus;
  /** The facilitator's controls were shown on this device. */
  facilitator?: boolean;
  /** The project a team was funding, not yet launched: view state, never part of the game file. */
  draft?: GameDraft;
  file: GameFile;
}

export interface GameDraft {
  card: string;
  partners: string[];
  levers: string[];
}

const saveSchema = z.strictObject({
  id,
  savedAt: z.string().check(z.maxLength(40)),
  round: z.int().check(z.gte(0), z.lte(100)),
  status: z.enum(['playing', 'debrief', 'finished']),
  facilitator: z.optional(z.boolean()),
  draft: z.optional(
    z.strictObject({
      card: id,
      partners: z.array(z.string().check(z.maxLength(20))).check(z.maxLength(5)),
      levers: z.array(id).check(z.maxLength(10)),
    }),
  ),
  file: fileSchema,
});

/**
 * A short fingerprint of a scenario's content (FNV-1a over its JSON, 32 bits,
 * hex): a game file says which version of its scenario it was played on.
 */
const hashes = new WeakMap<Scenario, string>();

export function scenarioHash(scenario: Scenario): string {
  const known = hashes.get(scenario);
  if (known) return known;
  const text = JSON.stringify(scenario);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const hash = h.toString(16).padStart(8, '0');
  hashes.set(scenario, hash);
  return hash;
}

export function newGameId(now: number, random: number): string {
  return `${now.toString(36)}-${Math.floor(random * 1e9).toString(36)}`;
}

export function writeSave(store: KeyValueStore, save: GameSave): StoreResult {
  const result = store.set(PREFIX + save.id, JSON.stringify(save));
  if (result.ok) store.set(CURRENT, save.id);
  return result;
}

export function readSave(store: KeyValueStore, saveId: string): GameSave | null {
  const raw = store.get(PREFIX + saveId);
  if (raw === null) return null;
  try {
    const parsed = saveSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as GameSave) : null;
  } catch {
    return null;
  }
}

export function currentSaveId(store: KeyValueStore): string | null {
  return store.get(CURRENT);
}

export function clearCurrent(store: KeyValueStore): void {
  store.remove(CURRENT);
}

export function deleteSave(store: KeyValueStore, saveId: string): void {
  store.remove(PREFIX + saveId);
  if (store.get(CURRENT) === saveId) store.remove(CURRENT);
}

/** Saved games, newest first; unreadable entries are listed as such, never silently dropped. */
export function listSaves(store: KeyValueStore): { saves: GameSave[]; unreadable: string[] } {
  const saves: GameSave[] = [];
  const unreadable: string[] = [];
  for (const key of store.keys(PREFIX)) {
    const saveId = key.slice(PREFIX.length);
    const save = readSave(store, saveId);
    if (save) saves.push(save);
    else unreadable.push(saveId);
  }
  saves.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  return { saves, unreadable };
}

/** The exported file: exactly the game file, nothing of this device. */
export function exportSave(save: GameSave): string {
  return JSON.stringify(save.file, null, 2);
}

export type ImportError =
  | 'too-large'
  | 'not-json'
  | 'not-a-game'
  | 'old-version'
  | 'future-version'
  | 'unknown-scenario'
  | 'changed-scenario'
  | 'bad-options'
  | 'refused-event';

export type ParsedGame =
  | { ok: true; file: GameFile; snapshot: SessionSnapshot; changedScenario: boolean }
  | {
      ok: false;
      error: ImportError;
      /** For 'refused-event': which entry (1-based, as a person counts) and why. */
      event?: { number: number; type: string; reason: string };
    };

export interface ParseOptions {
  /** Replay a file of a scenario whose content changed since on today's version. */
  acceptChangedScenario?: boolean;
}

/** Replays a checked file; the reason when it does not replay. */
export function replayFile(file: GameFile, scenario: Scenario): ReplayResult | { ok: false; index: -1; reason: 'bad-options' } {
  try {
    return replayLog(scenario, file.options, file.log);
  } catch {
    // createGame refuses options outside the rules (a team count or length the scenario cannot play).
    return { ok: false, index: -1, reason: 'bad-options' };
  }
}

export function parseGameFile(text: string, scenarios: Map<string, Scenario>, options: ParseOptions = {}): ParsedGame {
  if (text.length > MAX_GAME_FILE) return { ok: false, error: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === GAME_FILE_FORMAT) {
    const version = (json as { version?: unknown }).version;
    if (typeof version === 'number' && version > GAME_FILE_VERSION) return { ok: false, error: 'future-version' };
    if (typeof version === 'number' && version < OLDEST_READABLE_VERSION) return { ok: false, error: 'old-version' };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'not-a-game' };
  const file = parsed.data as GameFile;
  const scenario = scenarios.get(file.scenario);
  if (!scenario) return { ok: false, error: 'unknown-scenario' };
  const changedScenario = file.scenarioHash !== scenarioHash(scenario);
  if (changedScenario && !options.acceptChangedScenario) return { ok: false, error: 'changed-scenario' };
  const result = replayFile(file, scenario);
  if (!result.ok) {
    if (result.index < 0) return { ok: false, error: 'bad-options' };
    const entry = file.log[result.index] as LogEntry;
    return { ok: false, error: 'refused-event', event: { number: result.index + 1, type: entry.type, reason: result.reason } };
  }
  return { ok: true, file, snapshot: result.snapshot, changedScenario };
}

/** A stored game to resume: its log replayed, or why it cannot be. */
export function resumeSave(save: GameSave, scenario: Scenario): ParsedGame {
  return parseGameFile(JSON.stringify(save.file), new Map([[scenario.id, scenario]]), { acceptChangedScenario: true });
}
