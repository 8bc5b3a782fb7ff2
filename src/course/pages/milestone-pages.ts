/** What follows a passed quiz: "module done" with the next module, or "course complete" with the certificate. */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { courseScore, missingForCompletion, pageHref } from '../logic.ts';
import type { CourseModule } from '../schema.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, moduleCrumb, moduleNumber, pageHeading } from './widgets.ts';

/** "Saved on this device / on the platform", or a warning when the last save did not get there. */
export function savedNote(args: PageArgs): HTMLElement | null {
  const where = args.backend.where ?? 'device';
  if (where === 'none' || where === 'review') return h('p', { class: 'notice', role: 'note' }, t(`course:storage.${where}`));
  if (args.backend.lastSaveOk?.() === false) {
    return h(
      'p',
      { class: 'notice', role: 'alert' },
      t(where === 'lms' ? 'course:done.notSavedLms' : 'course:done.notSavedDevice'),
    );
  }
  return h('p', {}, t(where === 'lms' ? 'course:done.savedLms' : 'course:done.savedDevice'));
}

/** Under the "lessons and activities too" rule, what the module still needs after its quiz. */
function stillToDo(args: PageArgs, module: CourseModule): HTMLElement | null {
  const missing = missingForCompletion(module, args.snapshot.context.progress, args.policy);
  if (missing.lessons.length === 0 && !missing.activity) return null;
  const items = missing.lessons.map((id) => {
    const lesson = module.lessons.find((l) => l.id === id);
    return h(
      'li',
      {},
      h('a', { href: pageHref({ kind: 'lesson', module: module.id, lesson: id }) }, lesson ? localize(lesson.title) : id),
    );
  });
  if (missing.activity) {
    items.push(
      h('li', {}, h('a', { href: pageHref({ kind: 'activity', module: module.id }) }, t('course:done.missingActivity'))),
    );
  }
  return h('div', { class: 'course-still-to-do' }, h('p', {}, t('course:done.missing')), h('ul', {}, ...items));
}

export function moduleDonePage(args: PageArgs, module: CourseModule): RenderedPage {
  const { course } = args;
  const progress = args.snapshot.context.progress;
  const title = t('course:done.title', { module: localize(module.title) });
  // The next module not passed yet, in course order after this one, then from the start.
  const index = course.modules.indexOf(module);
  const ordered = [...course.modules.slice(index + 1), ...course.modules.slice(0, index)];
  const next = ordered.find((m) => !progress.quizzes[m.id]?.passed);
  const node = h(
    'div',
    { class: 'course-page course-milestone' },
    breadcrumb([courseCrumb(), moduleCrumb(course, module), { label: t('course:done.crumb') }]),
    pageHeading(title),
    h('p', { class: 'lead' }, t('course:done.text', { score: progress.quizzes[module.id]?.best ?? 0 })),
    savedNote(args),
    stillToDo(args, module),
    next
      ? h(
          'p',
          {},
          h(
            'a',
            { class: 'button', href: pageHref({ kind: 'module', module: next.id }), 'data-autofocus': 'true' },
            t('course:done.next', { n: moduleNumber(course, next), module: localize(next.title) }),
          ),
        )
      : null,
    h('p', {}, h('a', { href: '#/course' }, t('course:done.overview'))),
  );
  return { title, node };
}

export function completePage(args: PageArgs): RenderedPage {
  const { course } = args;
  const progress = args.snapshot.context.progress;
  const title = t('course:complete.title');
  const node = h(
    'div',
    { class: 'course-page course-milestone' },
    breadcrumb([courseCrumb(), { label: title }]),
    pageHeading(title),
    h('p', { class: 'lead' }, t('course:complete.text', { score: courseScore(course, progress) })),
    savedNote(args),
    h(
      'p',
      {},
      h('a', { class: 'button', href: '#/course/certificate', 'data-autofocus': 'true' }, t('course:complete.certificate')),
    ),
    h('p', {}, h('a', { href: '#/course/progress' }, t('course:overview.progressLink'))),
  );
  return { title, node };
}
