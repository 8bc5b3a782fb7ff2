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
  /** ISO date of completion, when every module's quiz is passed. */
  completedAt: string | null;
}

export function emptyProgress(): CourseProgress {
  return { version: 1, location: '', lessonsDone: [], activitiesDone: [], quizzes: {}, learnerName: '', completedAt: null };
}

/** Where progress is kept. The course calls these at milestones; an LMS backend reports to the LMS too. */
export interface ProgressBackend {
  /** Saved progress, or null for a first visit (or unreadable data, reported through onError). */
  load(): CourseProgress | null;
  save(progress: CourseProgress): void;
  /** Overall score (0 to 100) and status, reported when they change. */
  report(result: { score: number; status: 'incomplete' | 'passed' }): void;
  /** The learner leaves (page hidden or closed): commit and, for an LMS, finish the session. */
  leave(reason: 'hidden' | 'unload'): void;
}
