/**
 * The course's rules as pure functions: quiz scoring, progress records, completion and the order of the
 * course's pages (time estimates are in time.ts). The machine and the views call these; nothing here
 * touches the DOM.
 */
import type { CoursePolicy } from './policy.ts';
import type { CourseProgress } from './progress.ts';
import type { Course, CourseModule, Question } from './schema.ts';

/** Chosen choice ids per question (or per activity item): the learner's answers. */
export type Answers = Record<string, string[]>;

export interface QuestionResult {
  question: string;
  right: boolean;
  chosen: string[];
}

export interface QuizResult {
  module: string;
  /** 0 to 100. */
  score: number;
  passed: boolean;
  right: number;
  total: number;
  questions: QuestionResult[];
}

export interface CourseResult {
  score: number;
  /** 'failed' when a quiz has used every allowed attempt without a pass. */
  status: 'incomplete' | 'passed' | 'failed';
}

/* ---------- Quiz ---------- */

/** A question is right when the chosen set is exactly the set of correct choices. */
export function isQuestionRight(question: Question, chosen: readonly string[]): boolean {
  const correct = new Set(question.choices.filter((c) => c.correct).map((c) => c.id));
  const picked = new Set(chosen);
  return picked.size === correct.size && [...picked].every((id) => correct.has(id));
}

export function isPassing(score: number, passMark: number): boolean {
  return score >= passMark;
}

/** The bank's questions with these ids, in the order of the ids (unknown ids are skipped). */
export function sheetQuestions(module: CourseModule, ids: readonly string[]): Question[] {
  return ids.flatMap((id) => module.quiz.questions.filter((q) => q.id === id));
}

/** Scores the questions of one sheet (`asked`, question ids) against the answers. */
export function scoreQuiz(module: CourseModule, asked: readonly string[], answers: Answers, passMark: number): QuizResult {
  const questions = sheetQuestions(module, asked).map((q) => {
    const chosen = answers[q.id] ?? [];
    return { question: q.id, right: isQuestionRight(q, chosen), chosen: [...chosen] };
  });
  const right = questions.filter((q) => q.right).length;
  const total = questions.length;
  const score = total === 0 ? 0 : Math.round((100 * right) / total);
  return { module: module.id, score, passed: isPassing(score, passMark), right, total, questions };
}

export function unansweredQuestions(module: CourseModule, asked: readonly string[], answers: Answers): string[] {
  return sheetQuestions(module, asked)
    .filter((q) => (answers[q.id] ?? []).length === 0)
    .map((q) => q.id);
}

/** The lessons to read again after an attempt: those of the questions answered wrong, in course order. */
export function lessonsToRevisit(module: CourseModule, result: QuizResult): string[] {
  const wrong = new Set(result.questions.filter((q) => !q.right).map((q) => q.question));
  const lessons = new Set(module.quiz.questions.filter((q) => wrong.has(q.id)).map((q) => q.lesson));
  return module.lessons.filter((l) => lessons.has(l.id)).map((l) => l.id);
}

/** Attempts left at a module's quiz, or null when there is no limit. */
export function attemptsLeft(progress: CourseProgress, module: string, policy: CoursePolicy): number | null {
  if (policy.maxAttempts === null) return null;
  return Math.max(0, policy.maxAttempts - (progress.quizzes[module]?.attempts ?? 0));
}

/** A quiz that used every allowed attempt without a pass: it takes no more attempts. */
export function quizExhausted(progress: CourseProgress, module: string, policy: CoursePolicy): boolean {
  return !modulePassed(progress, module) && attemptsLeft(progress, module, policy) === 0;
}

/**
 * The answer key (which choices are right) is shown only once it can no longer be copied into a later
 * attempt: after a pass, or after the last allowed attempt.
 */
export function answerKeyShown(result: QuizResult, progress: CourseProgress, policy: CoursePolicy): boolean {
  return result.passed || modulePassed(progress, result.module) || quizExhausted(progress, result.module, policy);
}

/* ---------- Progress records ---------- */

function addOnce(list: readonly string[], id: string): string[] {
  return list.includes(id) ? [...list] : [...list, id];
}

export function markLessonRead(progress: CourseProgress, lesson: string): CourseProgress {
  return { ...progress, lessonsDone: addOnce(progress.lessonsDone, lesson) };
}

export function markActivityDone(progress: CourseProgress, activity: string): CourseProgress {
  return { ...progress, activitiesDone: addOnce(progress.activitiesDone, activity) };
}

/** Keeps the best score; a module once passed stays passed. */
export function recordQuiz(progress: CourseProgress, result: QuizResult): CourseProgress {
  const before = progress.quizzes[result.module];
  const record = {
    best: Math.max(before?.best ?? 0, result.score),
    attempts: (before?.attempts ?? 0) + 1,
    passed: (before?.passed ?? false) || result.passed,
  };
  return { ...progress, quizzes: { ...progress.quizzes, [result.module]: record } };
}

export function modulePassed(progress: CourseProgress, module: string): boolean {
  return progress.quizzes[module]?.passed ?? false;
}

export function allModulesPassed(course: Course, progress: CourseProgress): boolean {
  return course.modules.every((m) => modulePassed(progress, m.id));
}

/** A module is complete when its quiz is passed, and under the 'all' rule its lessons and activity are done too. */
export function moduleComplete(module: CourseModule, progress: CourseProgress, policy: CoursePolicy): boolean {
  if (!modulePassed(progress, module.id)) return false;
  if (policy.completion === 'quizzes') return true;
  return module.lessons.every((l) => progress.lessonsDone.includes(l.id)) && progress.activitiesDone.includes(module.activity.id);
}

export function courseComplete(course: Course, progress: CourseProgress, policy: CoursePolicy): boolean {
  return course.modules.every((m) => moduleComplete(m, progress, policy));
}

/** What a module still needs under the policy once its quiz is passed: unread lessons, the activity. */
export function missingForCompletion(
  module: CourseModule,
  progress: CourseProgress,
  policy: CoursePolicy,
): { lessons: string[]; activity: boolean } {
  if (policy.completion === 'quizzes') return { lessons: [], activity: false };
  return {
    lessons: module.lessons.filter((l) => !progress.lessonsDone.includes(l.id)).map((l) => l.id),
    activity: !progress.activitiesDone.includes(module.activity.id),
  };
}

/** Mean of the modules' best quiz scores (a quiz not taken counts 0), rounded. */
export function courseScore(course: Course, progress: CourseProgress): number {
  if (course.modules.length === 0) return 0;
  const sum = course.modules.reduce((total, m) => total + (progress.quizzes[m.id]?.best ?? 0), 0);
  return Math.round(sum / course.modules.length);
}

export function courseResult(course: Course, progress: CourseProgress, policy: CoursePolicy): CourseResult {
  const score = courseScore(course, progress);
  if (progress.completedAt || courseComplete(course, progress, policy)) return { score, status: 'passed' };
  const failed = course.modules.some((m) => quizExhausted(progress, m.id, policy));
  return { score, status: failed ? 'failed' : 'incomplete' };
}

/** Dates the completion the first time the course is complete under the policy; later visits keep that date. */
export function completeIfDone(course: Course, progress: CourseProgress, policy: CoursePolicy, now: Date): CourseProgress {
  if (progress.completedAt || !courseComplete(course, progress, policy)) return progress;
  return { ...progress, completedAt: now.toISOString() };
}

/** Steps of a module (its lessons, its activity, its quiz) and how many are done. */
export function moduleSteps(module: CourseModule, progress: CourseProgress): { done: number; total: number } {
  const lessons = module.lessons.filter((l) => progress.lessonsDone.includes(l.id)).length;
  const activity = progress.activitiesDone.includes(module.activity.id) ? 1 : 0;
  const quiz = modulePassed(progress, module.id) ? 1 : 0;
  return { done: lessons + activity + quiz, total: module.lessons.length + 2 };
}

/* ---------- Pages and locations ---------- */

export type CoursePage =
  | { kind: 'overview' }
  | { kind: 'essentials' }
  | { kind: 'progress' }
  | { kind: 'certificate' }
  | { kind: 'module'; module: string }
  | { kind: 'lesson'; module: string; lesson: string }
  | { kind: 'activity'; module: string }
  | { kind: 'quiz'; module: string }
  | { kind: 'summary'; module: string };

/** The page for the route's segments after "course", or null when they name nothing. */
export function pageFromSegments(course: Course, segments: readonly string[]): CoursePage | null {
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return null;
  if (first === undefined) return { kind: 'overview' };
  if (second === undefined && (first === 'progress' || first === 'certificate' || first === 'essentials')) {
    return { kind: first };
  }
  const module = course.modules.find((m) => m.id === first);
  if (!module) return null;
  if (second === undefined) return { kind: 'module', module: module.id };
  if (second === 'activity' || second === 'quiz' || second === 'summary') return { kind: second, module: module.id };
  return module.lessons.some((l) => l.id === second) ? { kind: 'lesson', module: module.id, lesson: second } : null;
}

/** Where a page is kept as the learner's location ("<module>/<lesson>", "certificate"...), or null. */
export function pageLocation(page: CoursePage): string | null {
  switch (page.kind) {
    case 'lesson':
      return `${page.module}/${page.lesson}`;
    case 'activity':
    case 'quiz':
      return `${page.module}/${page.kind}`;
    case 'certificate':
      return 'certificate';
    default:
      return null;
  }
}

export function pageFromLocation(course: Course, location: string): CoursePage | null {
  if (!location) return null;
  const page = pageFromSegments(course, location.split('/'));
  return page && pageLocation(page) !== null ? page : null;
}

export function pageHref(page: CoursePage): string {
  switch (page.kind) {
    case 'overview':
      return '#/course';
    case 'progress':
    case 'certificate':
    case 'essentials':
      return `#/course/${page.kind}`;
    case 'module':
      return `#/course/${page.module}`;
    case 'summary':
      return `#/course/${page.module}/summary`;
    default:
      return `#/course/${pageLocation(page)}`;
  }
}

/** The course in reading order: each module's lessons, then its activity, then its quiz. */
export function coursePath(course: Course): CoursePage[] {
  return course.modules.flatMap((m): CoursePage[] => [
    ...m.lessons.map((l): CoursePage => ({ kind: 'lesson', module: m.id, lesson: l.id })),
    { kind: 'activity', module: m.id },
    { kind: 'quiz', module: m.id },
  ]);
}

function indexInPath(course: Course, page: CoursePage): number {
  const location = pageLocation(page);
  return location === null ? -1 : coursePath(course).findIndex((p) => pageLocation(p) === location);
}

export function nextPage(course: Course, page: CoursePage): CoursePage | null {
  const i = indexInPath(course, page);
  return i < 0 ? null : (coursePath(course)[i + 1] ?? null);
}

export function previousPage(course: Course, page: CoursePage): CoursePage | null {
  const i = indexInPath(course, page);
  return i <= 0 ? null : (coursePath(course)[i - 1] ?? null);
}

export function firstPage(course: Course): CoursePage {
  return coursePath(course)[0] ?? { kind: 'overview' };
}
