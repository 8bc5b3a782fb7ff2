/**
 * Course progress kept in an LMS through SCORM 1.2. The location goes to
 * cmi.core.lesson_location, the rest to cmi.suspend_data (see suspend-data.ts).
 * Status: "incomplete" from the first launch (never left "not attempted"),
 * "passed" once every module's quiz is passed; it never goes back down.
 * Exit: "suspend" while incomplete so that the LMS resumes the attempt;
 * "" (normal exit) once passed, the spec's value for a finished attempt
 * ("logout" is left alone: LMSs read it inconsistently).
 * Commits: at each milestone the course saves or reports, and when the page
 * is hidden; LMSFinish once, when the page goes away.
 */
import { type CourseProgress, emptyProgress, type ProgressBackend, type QuizAttempt } from '../progress.ts';
import type { ScormSession } from './api.ts';
import {
  type CourseOutline,
  decodeSuspendData,
  encodeSuspendData,
  indexOutline,
  type OutlineIndex,
  safeLocation,
} from './suspend-data.ts';

export type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

/** CMITimespan (HHHH:MM:SS.SS): at least two digits of hours, at most four. */
export function formatSessionTime(milliseconds: number): string {
  const total = Math.min(9999 * 3600 + 59 * 60 + 59, Math.max(0, Math.floor(milliseconds / 1000)));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${two(seconds)}`;
}

/** cmi.core.score.raw: a CMIDecimal from 0 to 100, rounded to a whole number for gradebooks. */
export function formatScore(score: number): string {
  return String(Math.round(Math.min(100, Math.max(0, Number.isFinite(score) ? score : 0))));
}

/** The choice ids of a question in content order (interactions name a choice by its place in that order). */
export type ChoiceOrder = (question: string) => readonly string[];

export type ScormBackendError = { kind: 'unreadable-suspend-data' } | { kind: 'suspend-data-too-large' };

export interface ScormBackendOptions {
  outline: CourseOutline;
  /** Milliseconds clock, for the session time. */
  now?: () => number;
  onError?: (error: ScormBackendError) => void;
}

/** cmi.core.lesson_mode: 'browse' (a look without credit), 'review' (an attempt already done), else 'normal'. */
export type LessonMode = 'normal' | 'browse' | 'review';

export interface ScormBackend extends ProgressBackend {
  /** The lesson status as last read from or written to the LMS. */
  status(): LessonStatus;
  mode(): LessonMode;
  /** cmi.student_preference.language as the LMS gives it ('' when it gives none). */
  preferredLanguage(): string;
}

/** A choice as SCORM 1.2 writes it in interactions: its place in the question's content order, a to z. */
function choiceLetter(index: number): string {
  return index >= 0 && index < 26 ? String.fromCharCode(97 + index) : 'z';
}

const DONE_STATUSES: ReadonlySet<string> = new Set(['passed', 'completed']);

/** Starts reporting to the LMS at once: the attempt becomes "incomplete" and is committed. */
export function createScormBackend(
  session: ScormSession,
  options: ScormBackendOptions & { choices?: ChoiceOrder },
): ScormBackend {
  const now = options.now ?? (() => Date.now());
  const onError = options.onError ?? (() => {});
  const index: OutlineIndex = indexOutline(options.outline);
  const startedAt = now();
  /** Values as the LMS has them, to write only what changed. */
  const written = new Map<string, string>();
  let dirty = false;

  let lastCommitOk = true;
  const set = (element: string, value: string) => {
    if (written.get(element) === value) return;
    if (session.setValue(element, value)) {
      written.set(element, value);
      dirty = true;
    }
  };
  const commit = () => {
    if (!dirty) return;
    lastCommitOk = session.commit();
    if (lastCommitOk) dirty = false;
  };

  const modeValue = session.getValue('cmi.core.lesson_mode');
  const mode: LessonMode = modeValue === 'browse' || modeValue === 'review' ? modeValue : 'normal';
  const credit = session.getValue('cmi.core.credit') !== 'no-credit';
  const studentName = session.getValue('cmi.core.student_name');
  const language = session.getValue('cmi.student_preference.language');
  /** A review changes nothing the LMS keeps; a browse or a no-credit launch sends no result. */
  const tracksProgress = mode !== 'review';
  const tracksResult = mode === 'normal' && credit;

  const initialStatus = session.getValue('cmi.core.lesson_status') as LessonStatus;
  let status: LessonStatus = initialStatus;
  const storedLocation = session.getValue('cmi.core.lesson_location');
  const storedData = session.getValue('cmi.suspend_data');
  written.set('cmi.core.lesson_location', storedLocation);
  written.set('cmi.suspend_data', storedData);

  const writeExit = () => set('cmi.core.exit', DONE_STATUSES.has(status) ? '' : 'suspend');
  const writeSessionTime = () => set('cmi.core.session_time', formatSessionTime(now() - startedAt));

  // Objectives already recorded by an earlier launch keep their index.
  const objectives = new Map<string, number>();
  if (tracksResult) {
    const count = Number.parseInt(session.getValue('cmi.objectives._count'), 10) || 0;
    for (let n = 0; n < count; n += 1) objectives.set(session.getValue(`cmi.objectives.${n}.id`), n);
  }
  let interactions = tracksResult ? Number.parseInt(session.getValue('cmi.interactions._count'), 10) || 0 : 0;

  if (mode === 'browse' && status === 'not attempted') {
    status = 'browsed';
    set('cmi.core.lesson_status', 'browsed');
  } else if (tracksResult && !DONE_STATUSES.has(status) && status !== 'failed') {
    status = 'incomplete';
    set('cmi.core.lesson_status', 'incomplete');
  }
  if (tracksResult) {
    set('cmi.core.score.min', '0');
    set('cmi.core.score.max', '100');
  }
  if (tracksProgress) writeExit();
  commit();

  const letters = (question: string, ids: readonly string[]) => {
    const order = options.choices?.(question) ?? [];
    return ids.map((id) => choiceLetter(order.indexOf(id))).join(',');
  };

  return {
    where: mode === 'review' ? 'review' : 'lms',
    lastSaveOk: () => lastCommitOk,
    learnerName: () => studentName,
    mode: () => mode,
    preferredLanguage: () => language,
    status: () => status,

    load(): CourseProgress | null {
      const location = safeLocation(index, storedLocation);
      if (storedData === '') return location === '' ? null : { ...emptyProgress(), location };
      const stored = decodeSuspendData(index, storedData);
      if (!stored) {
        onError({ kind: 'unreadable-suspend-data' });
        return null;
      }
      return { ...stored, location };
    },

    save(progress) {
      if (!tracksProgress) return;
      const data = encodeSuspendData(index, progress);
      if (data === '') onError({ kind: 'suspend-data-too-large' });
      else set('cmi.suspend_data', data);
      set('cmi.core.lesson_location', safeLocation(index, progress.location));
      commit();
    },

    report({ score, status: next }) {
      if (!tracksResult) return;
      set('cmi.core.score.raw', formatScore(score));
      // A passed attempt stays passed: a review after the end must not undo it.
      if (next === 'passed' || !DONE_STATUSES.has(status)) {
        if (next !== status) {
          set('cmi.core.lesson_status', next);
          if (written.get('cmi.core.lesson_status') === next) status = next;
        }
      }
      writeExit();
      commit();
    },

    quizSubmitted(attempt: QuizAttempt) {
      if (!tracksResult) return;
      // One interaction per question answered, appended: SCORM 1.2 interactions are a journal.
      for (const q of attempt.questions) {
        const n = interactions;
        interactions += 1;
        set(`cmi.interactions.${n}.id`, q.id);
        set(`cmi.interactions.${n}.objectives.0.id`, attempt.module);
        set(`cmi.interactions.${n}.type`, 'choice');
        set(`cmi.interactions.${n}.student_response`, letters(q.id, q.chosen));
        set(`cmi.interactions.${n}.correct_responses.0.pattern`, letters(q.id, q.correct));
        set(`cmi.interactions.${n}.result`, q.right ? 'correct' : 'wrong');
        set(`cmi.interactions.${n}.weighting`, '1');
      }
      // One objective per module: its best score and whether it is passed.
      let n = objectives.get(attempt.module);
      if (n === undefined) {
        n = objectives.size;
        objectives.set(attempt.module, n);
        set(`cmi.objectives.${n}.id`, attempt.module);
      }
      const best = Math.max(attempt.score, Number(written.get(`cmi.objectives.${n}.score.raw`) ?? 0));
      const passed = attempt.passed || written.get(`cmi.objectives.${n}.status`) === 'passed';
      set(`cmi.objectives.${n}.score.min`, '0');
      set(`cmi.objectives.${n}.score.max`, '100');
      set(`cmi.objectives.${n}.score.raw`, formatScore(best));
      set(`cmi.objectives.${n}.status`, passed ? 'passed' : 'incomplete');
      commit();
    },

    leave(reason) {
      if (session.finished) return;
      writeSessionTime();
      if (tracksProgress) writeExit();
      // Session time changes every time, so this always commits.
      commit();
      if (reason === 'unload') session.finish();
    },
  };
}
