/**
 * The sheet of one quiz attempt: which questions of the module's bank are asked, in which order, with
 * their choices in which order. A sheet is a pure function of the learner's seed, the module and the
 * attempt number, so a reload or a change of language shows the same sheet, and the next attempt
 * another one: it asks the questions the previous sheet left out first, so that the answer key of one
 * attempt does not pass the next.
 */
import { type QuizResult, sheetQuestions } from './logic.ts';
import type { QuizAttempt } from './progress.ts';
import type { CourseModule } from './schema.ts';

export interface SheetQuestion {
  id: string;
  /** Choice ids in the order shown. */
  choices: string[];
}

export interface QuizSheet {
  module: string;
  /** 0 for the first attempt. */
  attempt: number;
  questions: SheetQuestion[];
}

/** FNV-1a over the text, then mixed with the seed. */
function hashSeed(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough to shuffle a dozen questions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function nextSheet(module: CourseModule, seed: number, attempt: number, previous: readonly string[]): QuizSheet {
  const random = seededRandom(hashSeed(`${module.id}/${attempt}`, seed));
  const asked = new Set(previous);
  const bank = shuffle(module.quiz.questions, random);
  // A stable sort keeps the shuffle within each group: questions not on the previous sheet come first.
  const ordered = bank.sort((a, b) => Number(asked.has(a.id)) - Number(asked.has(b.id)));
  const drawn = shuffle(ordered.slice(0, module.quiz.draw), random);
  return {
    module: module.id,
    attempt,
    questions: drawn.map((q) => ({ id: q.id, choices: shuffle(q.choices, random).map((c) => c.id) })),
  };
}

/** The sheet of attempt `attempt` (0-based) for a learner's seed. */
export function quizSheet(module: CourseModule, seed: number, attempt: number): QuizSheet {
  let sheet = nextSheet(module, seed, 0, []);
  for (let a = 1; a <= Math.max(0, Math.floor(attempt)); a += 1) {
    sheet = nextSheet(
      module,
      seed,
      a,
      sheet.questions.map((q) => q.id),
    );
  }
  return sheet;
}

/** A new learner seed: 32 random bits (not secret, only there so that learners do not share sheets). */
export function newSeed(): number {
  const bits = new Uint32Array(1);
  globalThis.crypto.getRandomValues(bits);
  return bits[0] ?? 0;
}

/** What the backend hears of a scored attempt, for an LMS's interactions and objectives. */
export function attemptRecord(module: CourseModule, sheet: QuizSheet, result: QuizResult): QuizAttempt {
  return {
    module: module.id,
    attempt: sheet.attempt,
    score: result.score,
    passed: result.passed,
    questions: sheetQuestions(
      module,
      sheet.questions.map((q) => q.id),
    ).map((q) => {
      const answered = result.questions.find((r) => r.question === q.id);
      return {
        id: q.id,
        chosen: answered?.chosen ?? [],
        correct: q.choices.filter((c) => c.correct).map((c) => c.id),
        right: answered?.right ?? false,
      };
    }),
  };
}
