/**
 * What the self-assessment keeps on the device: the attempt under way (saved
 * after every event, resumed on return) and the finished attempts, exported
 * and imported as a JSON file. Everything read back is checked with zod and
 * against the content (question ids known, answers in range); unreadable data
 * is reported, never thrown. The exported file is in results-file.ts.
 */
import { z } from 'zod';
import type { KeyValueStore, StoreResult } from '../storage/store.ts';
import { type Answers, type Assessment, isAskedOf, RESPONDENTS, type Respondent } from './content.ts';

export const PROGRESS_FORMAT = 'resilient-territory-kit/test-progress';
export const ATTEMPT_FORMAT = 'resilient-territory-kit/test-attempt';
const PROGRESS_KEY = 'test:progress';
export const ATTEMPT_PREFIX = 'test:attempt:';

export const attemptId = z.string().regex(/^[a-z0-9-]{1,64}$/);
export const date = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)));
export const answerValue = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('unknown')]);

function answersSchema(content: Assessment) {
  const known = new Set(content.questions.map((q) => q.id));
  return z.record(z.string(), answerValue).refine((answers) => Object.keys(answers).every((id) => known.has(id)));
}

/** Version 2 adds who answers; a version 1 progress resumes with nobody chosen (every question asked). */
export const PROGRESS_VERSION = 2;
export const respondent = z.enum(RESPONDENTS);

function progressSchema(content: Assessment) {
  return z.object({
    format: z.literal(PROGRESS_FORMAT),
    version: z.union([z.literal(1), z.literal(PROGRESS_VERSION)]),
    state: z.enum(['intro', 'questions', 'review', 'results']),
    attemptId: attemptId.nullable(),
    startedAt: date.nullable(),
    finishedAt: date.nullable(),
    respondent: respondent.nullable().default(null),
    /** START was refused for want of a respondent: the home says so after a reload or a redirect too. */
    respondentNotice: z.boolean().default(false),
    page: z
      .number()
      .int()
      .min(0)
      .max(content.dimensions.length - 1),
    answers: answersSchema(content),
  });
}

export type Progress = z.output<ReturnType<typeof progressSchema>>;

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

export function attemptSchema(content: Assessment) {
  return z
    .object({
      id: attemptId,
      startedAt: date,
      finishedAt: date,
      answers: answersSchema(content),
      name: attemptName,
      respondent: respondent.optional(),
    })
    .refine((a) => Date.parse(a.finishedAt) >= Date.parse(a.startedAt));
}

/**
 * A finished attempt: its answers, dates, optional name and who answered (none
 * in attempts made before the choice existed: every question was asked of
 * them). Scores are always recomputed from the answers.
 */
export interface Attempt {
  id: string;
  startedAt: string;
  finishedAt: string;
  answers: Answers;
  name?: AttemptName;
  respondent?: Respondent;
}

/** An answer to a question its respondent is not asked: the kit never writes one, a file might. */
export function answersSkippedQuestion(content: Assessment, attempt: { answers: Answers; respondent?: Respondent }): boolean {
  return content.questions.some((q) => attempt.answers[q.id] !== undefined && !isAskedOf(q, attempt.respondent));
}

export function newAttemptId(now: number, random: number): string {
  return `${now.toString(36)}-${Math.floor(random * 1e9).toString(36)}`;
}

export function parseJson(raw: string): unknown {
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

/** Version 2 adds who answered; version 1 attempts are read as before, with no respondent. */
export const ATTEMPT_VERSION = 2;
const READABLE_ATTEMPT_VERSIONS = new Set([1, ATTEMPT_VERSION]);

export function saveAttempt(store: KeyValueStore, attempt: Attempt): StoreResult {
  return store.set(ATTEMPT_PREFIX + attempt.id, JSON.stringify({ format: ATTEMPT_FORMAT, version: ATTEMPT_VERSION, ...attempt }));
}

export function readAttempt(store: KeyValueStore, content: Assessment, id: string): Attempt | null {
  const raw = store.get(ATTEMPT_PREFIX + id);
  if (raw === null) return null;
  const json = parseJson(raw) as { format?: unknown; version?: unknown } | undefined;
  if (json?.format !== ATTEMPT_FORMAT || !READABLE_ATTEMPT_VERSIONS.has(json.version as number)) return null;
  const read = json.version === 1 ? { ...json, respondent: undefined } : json;
  const parsed = attemptSchema(content).safeParse(read);
  return parsed.success ? withoutEmptyFields(parsed.data) : null;
}

export function deleteAttempt(store: KeyValueStore, id: string): void {
  store.remove(ATTEMPT_PREFIX + id);
}

/** No `name: undefined` or `respondent: undefined` keys: attempts compare and export as they were written. */
export function withoutEmptyFields(attempt: Attempt): Attempt {
  const { name, respondent, ...rest } = attempt;
  return { ...rest, ...(name ? { name } : {}), ...(respondent ? { respondent } : {}) };
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
