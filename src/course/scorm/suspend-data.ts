/**
 * Progress packed for cmi.suspend_data (SCORM 1.2 CMIString4096: at most 4096
 * characters). Lessons, activities and quizzes become bit sets over the order
 * of course.json, the rest short JSON keys; the JSON is UTF-8 then base64url,
 * so the LMS stores plain ASCII whatever the learner typed, and characters
 * equal bytes whichever way the LMS counts. The learner's name is cut on a
 * grapheme boundary to a byte budget that keeps the worst case far below the
 * limit (a unit test proves it on the largest possible progress).
 */
import { z } from 'zod';
import type { CourseProgress, QuizRecord } from '../progress.ts';

export const SUSPEND_DATA_MAX = 4096;
/** cmi.core.lesson_location is a CMIString255. */
export const LESSON_LOCATION_MAX = 255;
/** UTF-8 bytes kept of the learner's name: the certificate field's 200 characters in any script (3 bytes each at most). */
export const LEARNER_NAME_MAX_BYTES = 600;
const MAX_ATTEMPTS = 9999;
const PREFIX = '1.';

/** The part of course.json the codec needs: the order of modules, lessons and activities. */
export interface CourseOutline {
  modules: readonly { id: string; lessons: readonly { id: string }[]; activity?: { id: string } | null }[];
}

export interface OutlineIndex {
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
  return { lessons, activities, quizzes, locations };
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

function toBits(ids: readonly string[], table: readonly string[]): string {
  const done = new Set(ids);
  let hex = '';
  for (let i = 0; i < table.length; i += 4) {
    let nibble = 0;
    for (let b = 0; b < 4; b += 1) if (done.has(table[i + b] as string)) nibble |= 1 << b;
    hex += nibble.toString(16);
  }
  return hex.replace(/0+$/, '');
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

/** [quiz index, best score, attempts, passed 0/1] */
const packedSchema = z.object({
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
type Packed = z.infer<typeof packedSchema>;

/** Floors to two decimals so that a restored score never crosses a pass mark it had not reached. */
const floorScore = (score: number) => Math.min(100, Math.max(0, Math.floor(score * 100 + 1e-9) / 100));

function pack(index: OutlineIndex, progress: CourseProgress, nameBytes: number): Packed {
  const q: Packed['q'] = [];
  index.quizzes.forEach((key, i) => {
    const record = progress.quizzes[key];
    if (!record) return;
    const attempts = Math.min(MAX_ATTEMPTS, Math.max(0, Math.floor(record.attempts) || 0));
    q.push([i, floorScore(Number.isFinite(record.best) ? record.best : 0), attempts, record.passed ? 1 : 0]);
  });
  const completed = progress.completedAt && !Number.isNaN(Date.parse(progress.completedAt)) ? progress.completedAt : null;
  return {
    l: toBits(progress.lessonsDone, index.lessons),
    a: toBits(progress.activitiesDone, index.activities),
    q,
    n: truncateLearnerName(progress.learnerName, nameBytes),
    c: completed && completed.length <= 40 ? completed : null,
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
  const minimal = serialize({ ...pack(index, progress, 0), l: '', a: '' });
  return minimal.length <= SUSPEND_DATA_MAX ? minimal : '';
}

/** What suspend_data holds (the location is kept in cmi.core.lesson_location), or null if it cannot be read. */
export type StoredProgress = Omit<CourseProgress, 'location'>;

export function decodeSuspendData(index: OutlineIndex, text: string): StoredProgress | null {
  if (!text.startsWith(PREFIX) || text.length > SUSPEND_DATA_MAX) return null;
  let parsed: Packed;
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(text.slice(PREFIX.length)));
    const result = packedSchema.safeParse(JSON.parse(json));
    if (!result.success) return null;
    parsed = result.data;
  } catch {
    return null;
  }
  const quizzes: Record<string, QuizRecord> = {};
  for (const [i, best, attempts, passed] of parsed.q) {
    const key = index.quizzes[i];
    if (key !== undefined) quizzes[key] = { best, attempts, passed: passed === 1 };
  }
  return {
    version: 1,
    lessonsDone: fromBits(parsed.l, index.lessons),
    activitiesDone: fromBits(parsed.a, index.activities),
    quizzes,
    learnerName: parsed.n,
    completedAt: parsed.c,
  };
}
