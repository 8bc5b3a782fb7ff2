/**
 * #/course/essentials: the path for busy officials, about twenty minutes: one key lesson per module and the
 * module's one-page summary, with the path's own progress (key lessons read) and time.
 */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { pageHref } from '../logic.ts';
import { essentialLessons, essentialsProgress, SUMMARY_MINUTES } from '../time.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, doneMark, minutesText, moduleNumber, pageHeading, progressBar } from './widgets.ts';

export function essentialsPage({ course, snapshot }: PageArgs): RenderedPage {
  const progress = snapshot.context.progress;
  const title = t('course:essentials.title');
  const path = essentialsProgress(course, progress);
  const steps = h(
    'ol',
    { class: 'course-essentials' },
    ...essentialLessons(course).map(({ module, lesson }) =>
      h(
        'li',
        { class: 'course-module-card' },
        h('h2', {}, t('course:essentials.module', { n: moduleNumber(course, module), module: localize(module.title) })),
        h(
          'ul',
          { class: 'course-steps' },
          h(
            'li',
            {},
            h('a', { href: pageHref({ kind: 'lesson', module: module.id, lesson: lesson.id }) }, localize(lesson.title)),
            h('span', { class: 'course-meta' }, ` · ${minutesText(lesson.minutes)}`),
            progress.lessonsDone.includes(lesson.id) ? doneMark(t('course:lesson.read')) : null,
          ),
          h(
            'li',
            {},
            h('a', { href: pageHref({ kind: 'summary', module: module.id }) }, t('course:essentials.summary')),
            h('span', { class: 'course-meta' }, ` · ${minutesText(SUMMARY_MINUTES)}`),
          ),
        ),
      ),
    ),
  );
  const node = h(
    'div',
    { class: 'course-page course-essentials-page' },
    breadcrumb([courseCrumb(), { label: title }]),
    pageHeading(title),
    h('p', { class: 'lead' }, t('course:essentials.intro')),
    h('p', { class: 'course-meta' }, t('course:time.course', { total: minutesText(path.minutes), left: minutesText(path.left) })),
    progressBar('course-essentials-progress', t('course:essentials.progress'), path.done, path.total),
    steps,
    h('p', {}, t('course:essentials.more'), ' ', h('a', { href: '#/course' }, t('course:essentials.whole'))),
  );
  return { title, node };
}
