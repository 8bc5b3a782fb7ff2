/** #/course/<module>/<lesson>: the lesson, then Previous and "Mark as read, next". */
import { currentLanguage, localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { renderLesson, unlinkMissingParts } from '../lesson-content.ts';
import { type CoursePage, nextPage, pageHref, previousPage } from '../logic.ts';
import type { CourseModule, Lesson } from '../schema.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, doneMark, kicker, minutesText, moduleCrumb, pageHeading, pageName } from './widgets.ts';

/** The pager under a lesson, the activity or the quiz. `onNext` runs before the link navigates. */
export function pager(args: PageArgs, page: CoursePage, nextLabel: string, onNext?: () => void): HTMLElement {
  const previous = previousPage(args.course, page);
  const next = nextPage(args.course, page);
  return h(
    'nav',
    { class: 'course-pager', 'aria-label': t('course:nav.pager') },
    previous
      ? h(
          'a',
          { class: 'button-quiet course-previous', href: pageHref(previous), rel: 'prev' },
          h('span', { 'aria-hidden': 'true' }, '←'),
          t('course:nav.previous', { page: pageName(args.course, previous) }),
        )
      : null,
    next
      ? h(
          'a',
          { class: 'button course-next', href: pageHref(next), rel: 'next', onclick: () => onNext?.() },
          t(nextLabel, { page: pageName(args.course, next) }),
          h('span', { 'aria-hidden': 'true' }, '→'),
        )
      : h('a', { class: 'button course-next', href: '#/course/progress' }, t('course:nav.toProgress')),
  );
}

export function lessonPage(args: PageArgs, module: CourseModule, lesson: Lesson): RenderedPage {
  const { course } = args;
  const progress = args.snapshot.context.progress;
  const page: CoursePage = { kind: 'lesson', module: module.id, lesson: lesson.id };
  const index = module.lessons.indexOf(lesson) + 1;
  const title = localize(lesson.title);
  const read = progress.lessonsDone.includes(lesson.id);
  const content = renderLesson(lesson.id, currentLanguage());

  const article = h('article', { class: 'markdown course-lesson', 'aria-labelledby': 'page-title' });
  article.append(
    h(
      'header',
      {},
      kicker(
        localize(module.title),
        t('course:lesson.number', { n: index, total: module.lessons.length }),
        minutesText(lesson.minutes),
        lesson.id === module.case.lesson ? t('course:lesson.case') : '',
      ),
      pageHeading(title),
      read ? h('p', {}, doneMark(t('course:lesson.read'))) : null,
    ),
  );
  if (content) {
    unlinkMissingParts(content, args.parts, t('course:lesson.notInPackage'));
    article.append(content);
  } else article.append(h('p', { class: 'notice' }, t('course:errors.missingLesson')));

  const node = h(
    'div',
    { class: 'course-page course-lesson-page' },
    breadcrumb([courseCrumb(), moduleCrumb(course, module), { label: title }]),
    article,
    pager(args, page, 'course:nav.readNext', () => args.send({ type: 'MARK_READ' })),
  );
  return { title, node };
}
