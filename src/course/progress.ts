/**
 * The learner's progress in the course, and where it is kept: the kit's own
 * storage when the course runs alone, or an LMS through SCORM 1.2.
 */
export interface QuizRecord {
  /** Best score, 0 to 100. */
  best: number;
  attempts: number;
  passed: boolean;
}

export interface CourseProgress {
  version: 1;
  /** Where the learner is: "<module>/<lesson>", "<module>/activity", "<module>/quiz" or "certificate". */
  location: string;
  /** Lesson ids the learner has read. */
  lessonsDone: string[];
  /** Activity ids the learner has completed. */
  activitiesDone: string[];
  quizzes: Record<string, QuizRecord>;
  learnerName: string;
  /** ISO date of completion, when the course is complete under the deployer's rule. */
  completedAt: string | null;
  /** Seeds the learner's quiz sheets (quiz-sheet.ts); set at the first visit. */
  seed?: number;
}

export function emptyProgress(): CourseProgress {
  return { version: 1, location: '', lessonsDone: [], activitiesDone: [], quizzes: {}, learnerName: '', completedAt: null };
}

export interface QuizAttempt {
  module: string;
  /** 0-based attempt number. */
  attempt: number;
  score: number;
  passed: boolean;
  questions: { id: string; chosen: string[]; correct: string[]; right: boolean }[];
}

/** Where progress is kept. The course calls these at milestones; an LMS backend reports to the LMS too. */
export interface ProgressBackend {
  /** Where progress goes: the kit's storage on this device, an LMS, or nowhere (the LMS refused to start). */
  readonly where?: 'device' | 'lms' | 'none' | 'review';
  /** False when the last save did not reach its store (an LMS refused the commit): no page says "saved". */
  lastSaveOk?(): boolean;
  /** The learner's name as the LMS knows it (cmi.core.student_name), to prefill the certificate. */
  learnerName?(): string;
  /** Saved progress, or null for a first visit (or unreadable data, reported through onError). */
  load(): CourseProgress | null;
  save(progress: CourseProgress): void;
  /** Overall score (0 to 100) and status, reported when they change. */
  report(result: { score: number; status: 'incomplete' | 'passed' | 'failed' }): void;
  /** A quiz attempt was scored (an LMS records its answers as interactions and the module as an objective). */
  quizSubmitted?(attempt: QuizAttempt): void;
  /** The learner leaves (page hidden or closed): commit and, for an LMS, finish the session. */
  leave(reason: 'hidden' | 'unload'): void;
}
