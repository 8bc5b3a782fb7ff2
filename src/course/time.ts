/**
 * Time estimates, from the measured minutes in course.json: what a module and the course take and what
 * is left, and the essentials path's own time and progress. Pure functions.
 */
import { modulePassed } from './logic.ts';
import type { CourseProgress } from './progress.ts';
import type { Course, CourseModule, Lesson } from './schema.ts';

/** A module's minutes beyond its lessons: the activity's own figure, and the rest for the quiz. */
export function practiceMinutes(module: CourseModule): { activity: number; quiz: number } {
  const extra = Math.max(0, module.minutes - module.lessons.reduce((sum, l) => sum + l.minutes, 0));
  const activity = Math.min(extra, module.activityMinutes);
  return { activity, quiz: extra - activity };
}

/** Reading a module's one-page summary. */
export const SUMMARY_MINUTES = 1;

/** The essentials path: each key lesson with its module, in course order. */
export function essentialLessons(course: Course): { module: CourseModule; lesson: Lesson }[] {
  return course.modules.flatMap((module) =>
    module.lessons.filter((l) => course.essentials.includes(l.id)).map((lesson) => ({ module, lesson })),
  );
}

/** The modules the essentials path goes through (each one's summary is part of the path). */
function essentialModules(course: Course): CourseModule[] {
  return course.modules.filter((m) => m.lessons.some((l) => course.essentials.includes(l.id)));
}

/** The essentials path's own time and progress: its key lessons read, and their summaries. */
export function essentialsProgress(
  course: Course,
  progress: CourseProgress,
): { done: number; total: number; minutes: number; left: number } {
  const lessons = essentialLessons(course);
  const read = lessons.filter(({ lesson }) => progress.lessonsDone.includes(lesson.id));
  const summaries = essentialModules(course).length * SUMMARY_MINUTES;
  const minutes = lessons.reduce((sum, { lesson }) => sum + lesson.minutes, 0) + summaries;
  const left = minutes - read.reduce((sum, { lesson }) => sum + lesson.minutes, 0);
  return { done: read.length, total: lessons.length, minutes, left };
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
