/**
 * The results file: finished attempts exported as JSON and imported back,
 * on this device or another (a group diagnosis gathers several people's).
 * An import is checked against the content and refused with a reason.
 */
import { z } from 'zod';
import type { KeyValueStore, StoreResult } from '../storage/store.ts';
import type { Answers, Assessment } from './content.ts';
import { scoreDimensions } from './scoring.ts';
import {
  ATTEMPT_PREFIX,
  type Attempt,
  answersSkippedQuestion,
  answerValue,
  attemptId,
  attemptSchema,
  date,
  listAttempts,
  parseJson,
  respondent,
  saveAttempt,
  withoutEmptyFields,
} from './storage.ts';

export const RESULTS_FILE_FORMAT = 'resilient-territory-kit/test-results';
export const MAX_RESULTS_FILE = 1_000_000;

/** The exported file also carries the scores, for a reader; an import recomputes them. */
export function exportAttempts(content: Assessment, attempts: readonly Attempt[], exportedAt: string): string {
  const withScores = attempts.map((a) => ({
    ...a,
    scores: Object.fromEntries(scoreDimensions(content, a.answers, a.respondent).map((d) => [d.dimension, d.score])),
  }));
  return JSON.stringify(
    { format: RESULTS_FILE_FORMAT, version: RESULTS_FILE_VERSION, exportedAt, attempts: withScores },
    null,
    2,
  );
}

/**
 * Version 2 added the attempts' names, version 3 who answered (commune, epci,
 * association); version 1 and 2 files still import, as attempts with no
 * respondent, scored on every question as they were.
 */
export const RESULTS_FILE_VERSION = 3;
const READABLE_VERSIONS = new Set([1, 2, 3]);

export type ImportError =
  | 'too-large'
  | 'not-json'
  | 'not-results'
  | 'unsupported-version'
  | 'unknown-question'
  | 'answer-out-of-range'
  | 'finish-before-start'
  | 'unknown-respondent'
  | 'skipped-question-answered';

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
  // Names are only read from version 2 on, respondents from version 3 on: older files have none.
  const version = head.data.version;
  const raw = (json as { attempts: unknown[] }).attempts.map((a) =>
    a && typeof a === 'object'
      ? { ...a, ...(version < 2 ? { name: undefined } : {}), ...(version < 3 ? { respondent: undefined } : {}) }
      : a,
  );
  const said = raw.map((a) => (a as { respondent?: unknown }).respondent);
  if (said.some((r) => r !== undefined && !respondent.safeParse(r).success)) return { ok: false, error: 'unknown-respondent' };
  const strict = z.array(attemptSchema(content)).safeParse(raw);
  if (!strict.success) return { ok: false, error: 'not-results' };
  const attempts = strict.data.map(withoutEmptyFields);
  if (attempts.some((a) => answersSkippedQuestion(content, a))) return { ok: false, error: 'skipped-question-answered' };
  return { ok: true, attempts };
}

function canonical(answers: Answers): string {
  return JSON.stringify(Object.entries(answers).sort(([x], [y]) => x.localeCompare(y)));
}

function sameAttempt(a: Attempt, b: Attempt): boolean {
  return a.finishedAt === b.finishedAt && a.respondent === b.respondent && canonical(a.answers) === canonical(b.answers);
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
