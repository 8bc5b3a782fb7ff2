/** #/course: the six modules with their time, progress and a way in (Resume or Start). */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { courseComplete, firstPage, moduleSteps, pageFromLocation, pageHref } from '../logic.ts';
import { courseMinutes, courseRemainingMinutes, moduleRemainingMinutes } from '../time.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { doneMark, minutesText, moduleNumber, pageHeading, pageName, progressBar } from './widgets.ts';

/** "Your progress stays on this device" or "goes to your learning platform": the truth for this backend. */
export function storageText(args: PageArgs): string {
  return t(`course:storage.${args.backend.where ?? 'device'}`);
}

/** The completion rule the deployer chose, and the attempt limit if there is one. */
export function completionRuleText({ course, policy }: PageArgs): string {
  const rule = t(`course:overview.rule.${policy.completion}`, { passMark: course.passMark });
  return policy.maxAttempts === null ? rule : `${rule} ${t('course:overview.attempts', { count: policy.maxAttempts })}`;
}

export function overviewPage(args: PageArgs): RenderedPage {
  const { course, snapshot, policy } = args;
  const progress = snapshot.context.progress;
  const resume = pageFromLocation(course, progress.location);
  const steps = course.modules.map((m) => moduleSteps(m, progress));
  const done = steps.reduce((sum, s) => sum + s.done, 0);
  const total = steps.reduce((sum, s) => sum + s.total, 0);

  const start = resume
    ? h(
        'p',
        { class: 'course-start' },
        h('a', { class: 'button', href: pageHref(resume), id: 'course-resume' }, t('course:overview.resume')),
        h('span', { class: 'course-start-where' }, t('course:overview.resumeWhere', { page: pageName(course, resume) })),
      )
    : h(
        'p',
        { class: 'course-start' },
        h('a', { class: 'button', href: pageHref(firstPage(course)), id: 'course-start' }, t('course:overview.start')),
      );

  const modules = h(
    'ol',
    { class: 'course-modules' },
    ...course.modules.map((module, i) => {
      const number = moduleNumber(course, module);
      const s = steps[i] ?? { done: 0, total: 0 };
      const quiz = progress.quizzes[module.id];
      return h(
        'li',
        { class: 'course-module-card' },
        h('h3', {}, h('a', { href: pageHref({ kind: 'module', module: module.id }) }, `${number}. ${localize(module.title)}`)),
        h('p', {}, localize(module.summary)),
        h(
          'p',
          { class: 'course-meta' },
          t('course:time.module', {
            total: minutesText(module.minutes),
            left: minutesText(moduleRemainingMinutes(module, progress)),
          }),
        ),
        progressBar(`course-progress-${module.id}`, t('course:overview.moduleProgress', { n: number }), s.done, s.total),
        quiz?.passed ? h('p', {}, doneMark(t('course:overview.passed', { score: quiz.best }))) : null,
      );
    }),
  );

  const node = h(
    'div',
    { class: 'course-page course-overview' },
    pageHeading(t('course:title')),
    h('p', { class: 'lead' }, t('course:overview.intro')),
    h('p', { class: 'course-rule', id: 'course-rule' }, completionRuleText(args)),
    h('p', { class: 'course-storage', id: 'course-storage' }, storageText(args)),
    h(
      'p',
      { class: 'course-meta' },
      t('course:time.course', {
        total: minutesText(courseMinutes(course)),
        left: minutesText(courseRemainingMinutes(course, progress)),
      }),
    ),
    start,
    h('p', { class: 'course-essentials-link' }, h('a', { href: '#/course/essentials' }, t('course:overview.essentials'))),
    progressBar('course-progress-all', t('course:overview.allProgress'), done, total),
    h('h2', {}, t('course:overview.modules')),
    modules,
    h(
      'p',
      { class: 'course-links' },
      h('a', { href: '#/course/progress' }, t('course:overview.progressLink')),
      courseComplete(course, progress, policy) || progress.completedAt
        ? h('a', { href: '#/course/certificate' }, t('course:overview.certificateLink'))
        : null,
    ),
  );
  return { title: t('course:title'), node };
}
