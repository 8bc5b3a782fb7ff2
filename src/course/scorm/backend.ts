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
import { type CourseProgress, emptyProgress, type ProgressBackend } from '../progress.ts';
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

export type ScormBackendError = { kind: 'unreadable-suspend-data' } | { kind: 'suspend-data-too-large' };

export interface ScormBackendOptions {
  outline: CourseOutline;
  /** Milliseconds clock, for the session time. */
  now?: () => number;
  onError?: (error: ScormBackendError) => void;
}

export interface ScormBackend extends ProgressBackend {
  /** The lesson status as last read from or written to the LMS. */
  status(): LessonStatus;
}

const DONE_STATUSES: ReadonlySet<string> = new Set(['passed', 'completed']);

/** Starts reporting to the LMS at once: the attempt becomes "incomplete" and is committed. */
export function createScormBackend(session: ScormSession, options: ScormBackendOptions): ScormBackend {
  const now = options.now ?? (() => Date.now());
  const onError = options.onError ?? (() => {});
  const index: OutlineIndex = indexOutline(options.outline);
  const startedAt = now();
  /** Values as the LMS has them, to write only what changed. */
  const written = new Map<string, string>();
  let dirty = false;

  const set = (element: string, value: string) => {
    if (written.get(element) === value) return;
    if (session.setValue(element, value)) {
      written.set(element, value);
      dirty = true;
    }
  };
  const commit = () => {
    if (!dirty) return;
    if (session.commit()) dirty = false;
  };

  const initialStatus = session.getValue('cmi.core.lesson_status') as LessonStatus;
  let status: LessonStatus = initialStatus;
  const storedLocation = session.getValue('cmi.core.lesson_location');
  const storedData = session.getValue('cmi.suspend_data');
  written.set('cmi.core.lesson_location', storedLocation);
  written.set('cmi.suspend_data', storedData);

  const writeExit = () => set('cmi.core.exit', DONE_STATUSES.has(status) ? '' : 'suspend');
  const writeSessionTime = () => set('cmi.core.session_time', formatSessionTime(now() - startedAt));

  if (!DONE_STATUSES.has(status) && status !== 'failed') {
    status = 'incomplete';
    set('cmi.core.lesson_status', 'incomplete');
  }
  set('cmi.core.score.min', '0');
  set('cmi.core.score.max', '100');
  writeExit();
  commit();

  return {
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
      const data = encodeSuspendData(index, progress);
      if (data === '') onError({ kind: 'suspend-data-too-large' });
      else set('cmi.suspend_data', data);
      set('cmi.core.lesson_location', safeLocation(index, progress.location));
      commit();
    },

    report({ score, status: next }) {
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

    leave(reason) {
      if (session.finished) return;
      writeSessionTime();
      writeExit();
      // Session time changes every time, so this always commits.
      commit();
      if (reason === 'unload') session.finish();
    },
  };
}
