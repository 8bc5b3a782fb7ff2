/**
 * #/course/<module>/summary: the module on one printable page: what it is about, then each lesson's key
 * points (the "Key points" list that ends every lesson), and where to go further.
 */
import { currentLanguage, localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { lessonKeyPoints, unlinkMissingParts } from '../lesson-content.ts';
import { pageHref } from '../logic.ts';
import type { CourseModule } from '../schema.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, moduleCrumb, moduleNumber, pageHeading, pageName } from './widgets.ts';

export function summaryPage(args: PageArgs, module: CourseModule): RenderedPage {
  const { course } = args;
  const title = pageName(course, { kind: 'summary', module: module.id });
  const sheet = h(
    'article',
    { class: 'course-summary', 'aria-labelledby': 'page-title' },
    h('p', { class: 'course-kicker' }, `${t('app.name')} · ${t('course:module.short', { n: moduleNumber(course, module) })}`),
    pageHeading(title),
    h('p', { class: 'lead' }, localize(module.summary)),
    ...module.lessons.map((lesson) => {
      const points = lessonKeyPoints(lesson.id, currentLanguage());
      if (points) unlinkMissingParts(points, args.parts, t('course:lesson.notInPackage'));
      return h(
        'section',
        { class: 'course-summary-lesson', 'aria-labelledby': `${lesson.id}--summary` },
        h(
          'h2',
          { id: `${lesson.id}--summary` },
          h('a', { href: pageHref({ kind: 'lesson', module: module.id, lesson: lesson.id }) }, localize(lesson.title)),
        ),
        points ?? h('p', {}, t('course:errors.missingLesson')),
      );
    }),
  );
  const print = h('button', { type: 'button', class: 'button', id: 'course-print-summary' }, t('course:summary.print'));
  print.addEventListener('click', () => window.print());
  const node = h(
    'div',
    { class: 'course-page course-summary-page' },
    breadcrumb([courseCrumb(), moduleCrumb(course, module), { label: t('course:summary.crumb') }]),
    h('p', { class: 'course-actions' }, print),
    sheet,
  );
  return { title, node };
}
