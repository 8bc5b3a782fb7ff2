/**
 * Progress packed for cmi.suspend_data (SCORM 1.2 CMIString4096: at most 4096
 * characters). Format 2 keeps lessons, activities and quizzes by their ids,
 * with the content version that wrote them, so that an update of the package
 * that adds, removes or reorders modules keeps every learner's progress (ids
 * the new content no longer has are dropped). The JSON is UTF-8 then
 * base64url, so the LMS stores plain ASCII whatever the learner typed, and
 * characters equal bytes whichever way the LMS counts. The learner's name is
 * cut on a grapheme boundary to a byte budget that keeps the worst case far
 * below the limit (a unit test proves it on the largest possible progress).
 *
 * Format 1 (packages before content version 2) stored bit sets over the order
 * of course.json: it is read through the outline of that content, kept in
 * outline-v1.json, and written again as format 2 at the next save.
 */
import { z } from 'zod';
import type { CourseProgress, QuizRecord } from '../progress.ts';
import outlineV1 from './outline-v1.json';

export const SUSPEND_DATA_MAX = 4096;
/** cmi.core.lesson_location is a CMIString255. */
export const LESSON_LOCATION_MAX = 255;
/** UTF-8 bytes kept of the learner's name: the certificate field's 200 characters in any script (3 bytes each at most). */
export const LEARNER_NAME_MAX_BYTES = 600;
const MAX_ATTEMPTS = 9999;
const PREFIX_V1 = '1.';
const PREFIX = '2.';

/** The part of course.json the codec needs: its content version, its modules, lessons and activities. */
export interface CourseOutline {
  /** course.json's content version, written with the progress. */
  version?: number;
  modules: readonly { id: string; lessons: readonly { id: string }[]; activity?: { id: string } | null }[];
}

export interface OutlineIndex {
  version: number;
  lessons: string[];
  activities: string[];
  /** Quizzes are keyed by module id, one quiz per module. */
  quizzes: string[];
  locations: Set<string>;
}

export function indexOutline(outline: CourseOutline): OutlineIndex {
  const lessons = outline.modules.flatMap((m) => m.lessons.map((l) => l.id));
  const activities = outline.modules.flatMap((m) => (m.activity ? [m.activity.id] : []));
  const quizzes = outline.modules.map((m) => m.id);
  const locations = new Set<string>(['certificate']);
  for (const m of outline.modules) {
    for (const l of m.lessons) locations.add(`${m.id}/${l.id}`);
    locations.add(`${m.id}/activity`);
    locations.add(`${m.id}/quiz`);
  }
  return { version: outline.version ?? 1, lessons, activities, quizzes, locations };
}

/** A known location that fits cmi.core.lesson_location, else ''. */
export function safeLocation(index: OutlineIndex, location: string): string {
  return location.length <= LESSON_LOCATION_MAX && index.locations.has(location) ? location : '';
}

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

/**
 * The name without control characters, normalized, cut after the last whole
 * grapheme (letter with its accents, emoji sequence) that fits `maxBytes`.
 */
export function truncateLearnerName(name: string, maxBytes = LEARNER_NAME_MAX_BYTES): string {
  // Lone surrogates become U+FFFD so that the name is valid UTF-8 both ways.
  const clean = name
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .normalize('NFC')
    .trim();
  if (byteLength(clean) <= maxBytes) return clean;
  const graphemes =
    typeof Intl.Segmenter === 'function'
      ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean), (s) => s.segment)
      : Array.from(clean);
  let out = '';
  let used = 0;
  for (const g of graphemes) {
    const size = byteLength(g);
    if (used + size > maxBytes) break;
    out += g;
    used += size;
  }
  return out.trim();
}

function fromBits(hex: string, table: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < hex.length; i += 1) {
    const nibble = Number.parseInt(hex[i] as string, 16);
    for (let b = 0; b < 4; b += 1) {
      const id = table[i * 4 + b];
      if (nibble & (1 << b) && id !== undefined) out.push(id);
    }
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

const ids = z.array(z.string().max(200)).max(1000);

/** Format 2: ids, content version, quiz records as [best score, attempts, passed 0/1] by module id. */
const packedSchema = z.object({
  cv: z.number().int().min(1),
  l: ids,
  a: ids,
  q: z.record(
    z.string().max(200),
    z.tuple([z.number().min(0).max(100), z.number().int().min(0), z.union([z.literal(0), z.literal(1)])]),
  ),
  n: z.string().max(LEARNER_NAME_MAX_BYTES),
  c: z.string().max(40).nullable(),
  s: z.number().int().min(0).max(0xffffffff).optional(),
});
type Packed = z.infer<typeof packedSchema>;

/** Format 1: [quiz index, best score, attempts, passed 0/1] over the order of content version 1. */
const packedV1Schema = z.object({
  l: z.string().regex(/^[0-9a-f]{0,2000}$/),
  a: z.string().regex(/^[0-9a-f]{0,2000}$/),
  q: z
    .array(
      z.tuple([
        z.number().int().min(0),
        z.number().min(0).max(100),
        z.number().int().min(0),
        z.union([z.literal(0), z.literal(1)]),
      ]),
    )
    .max(2000),
  n: z.string().max(LEARNER_NAME_MAX_BYTES),
  c: z.string().max(40).nullable(),
});

/** Floors to two decimals so that a restored score never crosses a pass mark it had not reached. */
const floorScore = (score: number) => Math.min(100, Math.max(0, Math.floor(score * 100 + 1e-9) / 100));

function pack(index: OutlineIndex, progress: CourseProgress, nameBytes: number): Packed {
  const q: Packed['q'] = {};
  for (const key of index.quizzes) {
    const record = progress.quizzes[key];
    if (!record) continue;
    const attempts = Math.min(MAX_ATTEMPTS, Math.max(0, Math.floor(record.attempts) || 0));
    q[key] = [floorScore(Number.isFinite(record.best) ? record.best : 0), attempts, record.passed ? 1 : 0];
  }
  const completed = progress.completedAt && !Number.isNaN(Date.parse(progress.completedAt)) ? progress.completedAt : null;
  const done = (list: readonly string[], known: readonly string[]) => known.filter((id) => list.includes(id));
  const seed = progress.seed;
  return {
    cv: index.version,
    l: done(progress.lessonsDone, index.lessons),
    a: done(progress.activitiesDone, index.activities),
    q,
    n: truncateLearnerName(progress.learnerName, nameBytes),
    c: completed && completed.length <= 40 ? completed : null,
    ...(seed !== undefined && Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff ? { s: seed } : {}),
  };
}

const serialize = (packed: Packed) => PREFIX + toBase64Url(encoder.encode(JSON.stringify(packed)));

/**
 * suspend_data for `progress`, always at most SUSPEND_DATA_MAX characters:
 * should a course ever be so large that it does not fit, the name is
 * shortened first, then only the quiz records are kept.
 */
export function encodeSuspendData(index: OutlineIndex, progress: CourseProgress): string {
  for (let nameBytes = LEARNER_NAME_MAX_BYTES; nameBytes >= 1; nameBytes = Math.floor(nameBytes / 2)) {
    const text = serialize(pack(index, progress, nameBytes));
    if (text.length <= SUSPEND_DATA_MAX) return text;
  }
  const minimal = serialize({ ...pack(index, progress, 0), l: [], a: [] });
  return minimal.length <= SUSPEND_DATA_MAX ? minimal : '';
}

/** What suspend_data holds (the location is kept in cmi.core.lesson_location), or null if it cannot be read. */
export type StoredProgress = Omit<CourseProgress, 'location'>;

function readJson<T>(text: string, prefix: string, schema: z.ZodType<T>): T | null {
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text.slice(prefix.length)));
    const result = schema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

const V1_INDEX = indexOutline(outlineV1);

/** Format 1 read through content version 1's order, as ids. */
function upgradeV1(text: string): Packed | null {
  const v1 = readJson(text, PREFIX_V1, packedV1Schema);
  if (!v1) return null;
  const q: Packed['q'] = {};
  for (const [i, best, attempts, passed] of v1.q) {
    const key = V1_INDEX.quizzes[i];
    if (key !== undefined) q[key] = [best, attempts, passed];
  }
  return { cv: 1, l: fromBits(v1.l, V1_INDEX.lessons), a: fromBits(v1.a, V1_INDEX.activities), q, n: v1.n, c: v1.c };
}

/**
 * The progress in `text` for the content of `index`: format 2 as is, format 1 upgraded; ids the content
 * no longer has are dropped. Null when the text is not progress this course can read.
 */
export function decodeSuspendData(index: OutlineIndex, text: string): StoredProgress | null {
  if (text.length > SUSPEND_DATA_MAX) return null;
  const packed = text.startsWith(PREFIX)
    ? readJson(text, PREFIX, packedSchema)
    : text.startsWith(PREFIX_V1)
      ? upgradeV1(text)
      : null;
  if (!packed) return null;
  const quizzes: Record<string, QuizRecord> = {};
  for (const [key, [best, attempts, passed]] of Object.entries(packed.q)) {
    if (index.quizzes.includes(key)) quizzes[key] = { best, attempts, passed: passed === 1 };
  }
  return {
    version: 1,
    lessonsDone: packed.l.filter((id) => index.lessons.includes(id)),
    activitiesDone: packed.a.filter((id) => index.activities.includes(id)),
    quizzes,
    learnerName: packed.n,
    completedAt: packed.c,
    ...(packed.s !== undefined ? { seed: packed.s } : {}),
  };
}
