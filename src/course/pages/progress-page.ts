/** #/course/progress: a table of every module's lessons, activity and quiz, with the overall score and time left. */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { courseComplete, courseScore, moduleSteps, pageHref } from '../logic.ts';
import { courseRemainingMinutes, moduleRemainingMinutes } from '../time.ts';
import { completionRuleText, storageText } from './overview.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, minutesText, moduleNumber, pageHeading, progressBar } from './widgets.ts';

export function progressPage(args: PageArgs): RenderedPage {
  const { course, snapshot, policy } = args;
  const progress = snapshot.context.progress;
  const title = t('course:progress.title');
  const steps = course.modules.map((m) => moduleSteps(m, progress));
  const done = steps.reduce((sum, s) => sum + s.done, 0);
  const total = steps.reduce((sum, s) => sum + s.total, 0);
  const complete = progress.completedAt !== null || courseComplete(course, progress, policy);

  const head = ['module', 'lessons', 'activity', 'quiz', 'left'].map((key) =>
    h('th', { scope: 'col' }, t(`course:progress.columns.${key}`)),
  );
  const rows = course.modules.map((module) => {
    const quiz = progress.quizzes[module.id];
    const read = module.lessons.filter((l) => progress.lessonsDone.includes(l.id)).length;
    return h(
      'tr',
      {},
      h(
        'th',
        { scope: 'row' },
        h(
          'a',
          { href: pageHref({ kind: 'module', module: module.id }) },
          `${moduleNumber(course, module)}. ${localize(module.title)}`,
        ),
      ),
      h('td', {}, t('course:progress.lessonsRead', { read, total: module.lessons.length })),
      h('td', {}, t(progress.activitiesDone.includes(module.activity.id) ? 'course:progress.done' : 'course:progress.notDone')),
      h(
        'td',
        {},
        quiz
          ? t(quiz.passed ? 'course:progress.quizPassed' : 'course:progress.quizNotPassed', {
              best: quiz.best,
              count: quiz.attempts,
            })
          : t('course:progress.quizNotTaken'),
      ),
      h('td', {}, minutesText(moduleRemainingMinutes(module, progress))),
    );
  });

  const node = h(
    'div',
    { class: 'course-page course-progress-page' },
    breadcrumb([courseCrumb(), { label: title }]),
    pageHeading(title),
    progressBar('course-progress-all', t('course:overview.allProgress'), done, total),
    h(
      'p',
      {},
      t('course:progress.summary', {
        score: courseScore(course, progress),
        passMark: course.passMark,
        left: minutesText(courseRemainingMinutes(course, progress)),
      }),
    ),
    h(
      'div',
      { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'course-progress-caption' },
      h(
        'table',
        { class: 'course-table' },
        h('caption', { id: 'course-progress-caption' }, t('course:progress.caption')),
        h('thead', {}, h('tr', {}, ...head)),
        h('tbody', {}, ...rows),
      ),
    ),
    complete
      ? h('p', {}, h('a', { class: 'button', href: '#/course/certificate' }, t('course:overview.certificateLink')))
      : h('p', {}, completionRuleText(args)),
    h('p', { class: 'course-storage' }, storageText(args)),
  );
  return { title, node };
}
