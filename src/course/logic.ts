/**
 * The course's rules as pure functions: quiz scoring, progress records, completion, the order of the
 * course's pages and time estimates. The machine and the views call these; nothing here touches the DOM.
 */
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
  status: 'incomplete' | 'passed';
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

export function scoreQuiz(module: CourseModule, answers: Answers, passMark: number): QuizResult {
  const questions = module.quiz.questions.map((q) => {
    const chosen = answers[q.id] ?? [];
    return { question: q.id, right: isQuestionRight(q, chosen), chosen: [...chosen] };
  });
  const right = questions.filter((q) => q.right).length;
  const total = questions.length;
  const score = total === 0 ? 0 : Math.round((100 * right) / total);
  return { module: module.id, score, passed: isPassing(score, passMark), right, total, questions };
}

export function unansweredQuestions(module: CourseModule, answers: Answers): string[] {
  return module.quiz.questions.filter((q) => (answers[q.id] ?? []).length === 0).map((q) => q.id);
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

/** Mean of the modules' best quiz scores (a quiz not taken counts 0), rounded. */
export function courseScore(course: Course, progress: CourseProgress): number {
  if (course.modules.length === 0) return 0;
  const sum = course.modules.reduce((total, m) => total + (progress.quizzes[m.id]?.best ?? 0), 0);
  return Math.round(sum / course.modules.length);
}

export function courseResult(course: Course, progress: CourseProgress): CourseResult {
  return { score: courseScore(course, progress), status: allModulesPassed(course, progress) ? 'passed' : 'incomplete' };
}

/** Dates the completion the first time every module is passed; later attempts keep that date. */
export function completeIfAllPassed(course: Course, progress: CourseProgress, now: Date): CourseProgress {
  if (progress.completedAt || !allModulesPassed(course, progress)) return progress;
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
  | { kind: 'progress' }
  | { kind: 'certificate' }
  | { kind: 'module'; module: string }
  | { kind: 'lesson'; module: string; lesson: string }
  | { kind: 'activity'; module: string }
  | { kind: 'quiz'; module: string };

/** The page for the route's segments after "course", or null when they name nothing. */
export function pageFromSegments(course: Course, segments: readonly string[]): CoursePage | null {
  const [first, second, ...rest] = segments;
  if (rest.length > 0) return null;
  if (first === undefined) return { kind: 'overview' };
  if (second === undefined && (first === 'progress' || first === 'certificate')) return { kind: first };
  const module = course.modules.find((m) => m.id === first);
  if (!module) return null;
  if (second === undefined) return { kind: 'module', module: module.id };
  if (second === 'activity' || second === 'quiz') return { kind: second, module: module.id };
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
      return `#/course/${page.kind}`;
    case 'module':
      return `#/course/${page.module}`;
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

/* ---------- Time estimates ---------- */

/**
 * A module's minutes beyond its lessons go to practice: the quiz gets the larger half, the activity the
 * rest (course.json gives one figure per module).
 */
export function practiceMinutes(module: CourseModule): { activity: number; quiz: number } {
  const extra = Math.max(0, module.minutes - module.lessons.reduce((sum, l) => sum + l.minutes, 0));
  const quiz = Math.ceil(extra / 2);
  return { activity: extra - quiz, quiz };
}

export function moduleRemainingMinutes(module: CourseModule, progress: CourseProgress): number {
  const practice = practiceMinutes(module);
  const lessons = module.lessons.filter((l) => !progress.lessonsDone.includes(l.id)).reduce((sum, l) => sum + l.minutes, 0);
  const activity = progress.activitiesDone.includes(module.activity.id) ? 0 : practice.activity;
  const quiz = modulePassed(progress, module.id) ? 0 : practice.quiz;
  return lessons + activity + quiz;
}

export function courseMinutes(course: Course): number {
  return course.modules.reduce((sum, m) => sum + m.minutes, 0);
}

export function courseRemainingMinutes(course: Course, progress: CourseProgress): number {
  return course.modules.reduce((sum, m) => sum + moduleRemainingMinutes(m, progress), 0);
}
