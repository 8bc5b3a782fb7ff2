/**
 * What the self-assessment keeps on the device: the attempt under way (saved
 * after every event, resumed on return) and the finished attempts, exported
 * and imported as a JSON file. Everything read back is checked with zod and
 * against the content (question ids known, answers in range); unreadable data
 * is reported, never thrown.
 */
import { z } from 'zod';
import type { KeyValueStore, StoreResult } from '../storage/store.ts';
import type { Answers, Assessment } from './content.ts';
import { scoreDimensions } from './scoring.ts';

export const PROGRESS_FORMAT = 'resilient-territory-kit/test-progress';
export const ATTEMPT_FORMAT = 'resilient-territory-kit/test-attempt';
export const RESULTS_FILE_FORMAT = 'resilient-territory-kit/test-results';
const PROGRESS_KEY = 'test:progress';
const ATTEMPT_PREFIX = 'test:attempt:';
export const MAX_RESULTS_FILE = 1_000_000;

const attemptId = z.string().regex(/^[a-z0-9-]{1,64}$/);
const date = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)));
const answerValue = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('unknown')]);

function answersSchema(content: Assessment) {
  const known = new Set(content.questions.map((q) => q.id));
  return z.record(z.string(), answerValue).refine((answers) => Object.keys(answers).every((id) => known.has(id)));
}

function progressSchema(content: Assessment) {
  return z.object({
    format: z.literal(PROGRESS_FORMAT),
    version: z.literal(1),
    state: z.enum(['intro', 'questions', 'review', 'results']),
    attemptId: attemptId.nullable(),
    startedAt: date.nullable(),
    finishedAt: date.nullable(),
    page: z
      .number()
      .int()
      .min(0)
      .max(content.dimensions.length - 1),
    answers: answersSchema(content),
  });
}

export type Progress = z.infer<ReturnType<typeof progressSchema>>;

/** Longest kept name part; longer ones are cut, never refused. */
export const MAX_NAME_PART = 80;

/** Control, zero-width and bidirectional-override characters: shown as nothing or reorder text, never kept. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are exactly what is removed.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Trims, drops invisible characters and cuts to MAX_NAME_PART: any text is a valid name part. */
export function cleanNamePart(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  // Runs of plain spaces collapse; no-break and narrow no-break spaces (French typography) stay.
  const clean = raw.replace(INVISIBLE, ' ').replace(/ {2,}/g, ' ').trim();
  return [...clean].slice(0, MAX_NAME_PART).join('').trim();
}

const namePart = z
  .unknown()
  .transform(cleanNamePart)
  .optional()
  .transform((v) => v || undefined);
const attemptName = z
  .object({ structure: namePart, commune: namePart, respondent: namePart })
  .optional()
  .transform((name) => {
    if (!name) return undefined;
    const kept = Object.fromEntries(Object.entries(name).filter(([, v]) => v)) as AttemptName;
    return Object.keys(kept).length > 0 ? kept : undefined;
  });

/** Who or what an attempt is about: each part optional. */
export interface AttemptName {
  structure?: string;
  commune?: string;
  respondent?: string;
}

function attemptSchema(content: Assessment) {
  return z
    .object({ id: attemptId, startedAt: date, finishedAt: date, answers: answersSchema(content), name: attemptName })
    .refine((a) => Date.parse(a.finishedAt) >= Date.parse(a.startedAt));
}

/** A finished attempt: its answers, dates and optional name. Scores are always recomputed from the answers. */
export interface Attempt {
  id: string;
  startedAt: string;
  finishedAt: string;
  answers: Answers;
  name?: AttemptName;
}

export function newAttemptId(now: number, random: number): string {
  return `${now.toString(36)}-${Math.floor(random * 1e9).toString(36)}`;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

export function saveProgress(store: KeyValueStore, progress: Progress): StoreResult {
  return store.set(PROGRESS_KEY, JSON.stringify(progress));
}

/** The attempt under way; corrupt data is removed and reported so the test starts afresh. */
export function loadProgress(store: KeyValueStore, content: Assessment): { progress: Progress | null; corrupt: boolean } {
  const raw = store.get(PROGRESS_KEY);
  if (raw === null) return { progress: null, corrupt: false };
  const parsed = progressSchema(content).safeParse(parseJson(raw));
  if (parsed.success) return { progress: parsed.data, corrupt: false };
  store.remove(PROGRESS_KEY);
  return { progress: null, corrupt: true };
}

export function clearProgress(store: KeyValueStore): void {
  store.remove(PROGRESS_KEY);
}

export function saveAttempt(store: KeyValueStore, attempt: Attempt): StoreResult {
  return store.set(ATTEMPT_PREFIX + attempt.id, JSON.stringify({ format: ATTEMPT_FORMAT, version: 1, ...attempt }));
}

export function readAttempt(store: KeyValueStore, content: Assessment, id: string): Attempt | null {
  const raw = store.get(ATTEMPT_PREFIX + id);
  if (raw === null) return null;
  const json = parseJson(raw) as { format?: unknown; version?: unknown } | undefined;
  if (json?.format !== ATTEMPT_FORMAT || json.version !== 1) return null;
  const parsed = attemptSchema(content).safeParse(json);
  return parsed.success ? withoutEmptyName(parsed.data) : null;
}

export function deleteAttempt(store: KeyValueStore, id: string): void {
  store.remove(ATTEMPT_PREFIX + id);
}

function withoutEmptyName(attempt: Attempt): Attempt {
  const { name, ...rest } = attempt;
  return name ? { ...rest, name } : rest;
}

/** Gives an attempt a name (an empty one removes it); false when the attempt is not here. */
export function renameAttempt(store: KeyValueStore, content: Assessment, id: string, name: AttemptName): StoreResult | null {
  const attempt = readAttempt(store, content, id);
  if (!attempt) return null;
  const cleaned = attemptName.parse(name);
  const { name: _old, ...rest } = attempt;
  return saveAttempt(store, cleaned ? { ...rest, name: cleaned } : rest);
}

/** Finished attempts, newest first; unreadable ones are counted, never silently dropped. */
export function listAttempts(store: KeyValueStore, content: Assessment): { attempts: Attempt[]; unreadable: number } {
  const attempts: Attempt[] = [];
  let unreadable = 0;
  for (const key of store.keys(ATTEMPT_PREFIX)) {
    const attempt = readAttempt(store, content, key.slice(ATTEMPT_PREFIX.length));
    if (attempt) attempts.push(attempt);
    else unreadable += 1;
  }
  attempts.sort((a, b) => b.finishedAt.localeCompare(a.finishedAt));
  return { attempts, unreadable };
}

/** The exported file also carries the scores, for a reader; an import recomputes them. */
export function exportAttempts(content: Assessment, attempts: readonly Attempt[], exportedAt: string): string {
  const withScores = attempts.map((a) => ({
    ...a,
    scores: Object.fromEntries(scoreDimensions(content, a.answers).map((d) => [d.dimension, d.score])),
  }));
  return JSON.stringify(
    { format: RESULTS_FILE_FORMAT, version: RESULTS_FILE_VERSION, exportedAt, attempts: withScores },
    null,
    2,
  );
}

/** Version 2 adds the attempts' names; version 1 files (no names) still import. */
export const RESULTS_FILE_VERSION = 2;
const READABLE_VERSIONS = new Set([1, 2]);

export type ImportError =
  | 'too-large'
  | 'not-json'
  | 'not-results'
  | 'unsupported-version'
  | 'unknown-question'
  | 'answer-out-of-range'
  | 'finish-before-start';

const envelope = z.object({ format: z.literal(RESULTS_FILE_FORMAT), version: z.number() });
const looseAttempts = z.object({
  attempts: z
    .array(z.object({ id: attemptId, startedAt: date, finishedAt: date, answers: z.record(z.string(), z.unknown()) }))
    .min(1)
    .max(200),
});

export function parseResultsFile(
  text: string,
  content: Assessment,
): { ok: true; attempts: Attempt[] } | { ok: false; error: ImportError } {
  if (text.length > MAX_RESULTS_FILE) return { ok: false, error: 'too-large' };
  const json = parseJson(text);
  if (json === undefined) return { ok: false, error: 'not-json' };
  const head = envelope.safeParse(json);
  if (!head.success) return { ok: false, error: 'not-results' };
  if (!READABLE_VERSIONS.has(head.data.version)) return { ok: false, error: 'unsupported-version' };
  const body = looseAttempts.safeParse(json);
  if (!body.success) return { ok: false, error: 'not-results' };
  const known = new Set(content.questions.map((q) => q.id));
  const all = body.data.attempts.flatMap((a) => Object.entries(a.answers));
  if (all.some(([id]) => !known.has(id))) return { ok: false, error: 'unknown-question' };
  if (all.some(([, value]) => !answerValue.safeParse(value).success)) return { ok: false, error: 'answer-out-of-range' };
  if (body.data.attempts.some((a) => Date.parse(a.finishedAt) < Date.parse(a.startedAt)))
    return { ok: false, error: 'finish-before-start' };
  // Names are only read from version 2 on: a version 1 file has none.
  const raw = (json as { attempts: unknown[] }).attempts.map((a) =>
    head.data.version === 1 && a && typeof a === 'object' ? { ...a, name: undefined } : a,
  );
  const strict = z.array(attemptSchema(content)).safeParse(raw);
  if (!strict.success) return { ok: false, error: 'not-results' };
  return { ok: true, attempts: strict.data.map(withoutEmptyName) };
}

function canonical(answers: Answers): string {
  return JSON.stringify(Object.entries(answers).sort(([x], [y]) => x.localeCompare(y)));
}

function sameAttempt(a: Attempt, b: Attempt): boolean {
  return a.finishedAt === b.finishedAt && canonical(a.answers) === canonical(b.answers);
}

/**
 * Adds imported attempts. An attempt already here (same finish time and same
 * answers, whatever its id), or twice in the file, is a duplicate: skipped and
 * counted. One whose id is taken by another attempt gets a fresh id, so an
 * import never overwrites anything.
 */
export function importAttempts(
  store: KeyValueStore,
  content: Assessment,
  attempts: readonly Attempt[],
  freshId: () => string,
): { added: Attempt[]; duplicates: number; results: StoreResult[] } {
  const added: Attempt[] = [];
  const results: StoreResult[] = [];
  const here = listAttempts(store, content).attempts;
  let duplicates = 0;
  for (const attempt of attempts) {
    if ([...here, ...added].some((other) => sameAttempt(other, attempt))) {
      duplicates += 1;
      continue;
    }
    const taken = store.get(ATTEMPT_PREFIX + attempt.id) !== null;
    const stored = taken ? { ...attempt, id: freshId() } : attempt;
    results.push(saveAttempt(store, stored));
    added.push(stored);
  }
  return { added, duplicates, results };
}
