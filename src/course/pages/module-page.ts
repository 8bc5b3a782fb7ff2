/** #/course/<module>: the module's lessons with their minutes and done marks, then its activity and quiz. */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { type CoursePage, modulePassed, moduleSteps, pageHref } from '../logic.ts';
import type { CourseModule } from '../schema.ts';
import { moduleRemainingMinutes, practiceMinutes } from '../time.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, doneMark, kicker, minutesText, moduleNumber, pageHeading, progressBar } from './widgets.ts';

/** The first step of the module the learner has not done yet (its first lesson when all are done). */
function nextStep(module: CourseModule, args: PageArgs): CoursePage {
  const progress = args.snapshot.context.progress;
  const lesson = module.lessons.find((l) => !progress.lessonsDone.includes(l.id));
  if (lesson) return { kind: 'lesson', module: module.id, lesson: lesson.id };
  if (!progress.activitiesDone.includes(module.activity.id)) return { kind: 'activity', module: module.id };
  if (!modulePassed(progress, module.id)) return { kind: 'quiz', module: module.id };
  return { kind: 'lesson', module: module.id, lesson: module.lessons[0]?.id ?? '' };
}

export function modulePage(args: PageArgs, module: CourseModule): RenderedPage {
  const { course } = args;
  const progress = args.snapshot.context.progress;
  const number = moduleNumber(course, module);
  const steps = moduleSteps(module, progress);
  const practice = practiceMinutes(module);
  const quiz = progress.quizzes[module.id];
  const title = localize(module.title);

  const lessons = h(
    'ol',
    { class: 'course-steps' },
    ...module.lessons.map((lesson) =>
      h(
        'li',
        {},
        h('a', { href: pageHref({ kind: 'lesson', module: module.id, lesson: lesson.id }) }, localize(lesson.title)),
        h('span', { class: 'course-meta' }, ` · ${minutesText(lesson.minutes)}`),
        lesson.id === module.case.lesson ? h('span', { class: 'course-badge' }, t('course:lesson.case')) : null,
        progress.lessonsDone.includes(lesson.id) ? doneMark(t('course:lesson.read')) : null,
      ),
    ),
  );

  const practiceList = h(
    'ul',
    { class: 'course-steps' },
    h(
      'li',
      {},
      h('a', { href: pageHref({ kind: 'activity', module: module.id }) }, t(`course:activity.type.${module.activity.type}`)),
      h('span', { class: 'course-meta' }, ` · ${minutesText(practice.activity)}`),
      progress.activitiesDone.includes(module.activity.id) ? doneMark(t('course:activity.done')) : null,
    ),
    h(
      'li',
      {},
      h('a', { href: pageHref({ kind: 'quiz', module: module.id }) }, t('course:quiz.short')),
      h('span', { class: 'course-meta' }, ` · ${minutesText(practice.quiz)}`),
      quiz
        ? quiz.passed
          ? doneMark(t('course:quiz.passedBest', { score: quiz.best }))
          : h('span', { class: 'course-meta' }, ` · ${t('course:quiz.notPassedBest', { score: quiz.best })}`)
        : null,
    ),
  );

  const node = h(
    'div',
    { class: 'course-page course-module' },
    breadcrumb([courseCrumb(), { label: title }]),
    kicker(t('course:module.number', { n: number, total: course.modules.length })),
    pageHeading(title),
    h('p', { class: 'lead' }, localize(module.summary)),
    h(
      'p',
      { class: 'course-meta' },
      t('course:time.module', {
        total: minutesText(module.minutes),
        left: minutesText(moduleRemainingMinutes(module, progress)),
      }),
    ),
    progressBar(`course-progress-${module.id}`, t('course:module.progress'), steps.done, steps.total),
    h('p', {}, h('a', { class: 'button', href: pageHref(nextStep(module, args)) }, t('course:module.go'))),
    h('h2', {}, t('course:module.lessons')),
    lessons,
    h('h2', {}, t('course:module.practice')),
    practiceList,
    h('p', {}, h('a', { href: pageHref({ kind: 'summary', module: module.id }) }, t('course:module.summarySheet'))),
  );
  return { title, node };
}
