/** Small pieces shared by the course's pages: breadcrumb, progress bar, done marks, time, page titles. */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { CoursePage } from '../logic.ts';
import type { Course, CourseModule } from '../schema.ts';

export function minutesText(minutes: number): string {
  if (minutes < 60) return t('course:time.minutes', { count: minutes });
  const rest = minutes % 60;
  return rest === 0
    ? t('course:time.hours', { hours: Math.floor(minutes / 60) })
    : t('course:time.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: String(rest).padStart(2, '0') });
}

export function moduleNumber(course: Course, module: CourseModule): number {
  return course.modules.indexOf(module) + 1;
}

/** A page's name, as the pager and the document title show it. */
export function pageName(course: Course, page: CoursePage): string {
  const module = 'module' in page ? course.modules.find((m) => m.id === page.module) : undefined;
  switch (page.kind) {
    case 'overview':
      return t('course:title');
    case 'progress':
      return t('course:progress.title');
    case 'essentials':
      return t('course:essentials.title');
    case 'summary':
      return t('course:summary.title', { module: module ? localize(module.title) : '' });
    case 'certificate':
      return t('course:certificate.title');
    case 'module':
      return module ? localize(module.title) : '';
    case 'lesson': {
      const lesson = module?.lessons.find((l) => l.id === page.lesson);
      return lesson ? localize(lesson.title) : '';
    }
    case 'activity':
      return t('course:activity.title', { module: module ? localize(module.title) : '' });
    case 'quiz':
      return t('course:quiz.title', { module: module ? localize(module.title) : '' });
  }
}

export interface Crumb {
  label: string;
  href?: string;
}

/** "Course › Module › Lesson": the last crumb is the current page. */
export function breadcrumb(crumbs: Crumb[]): HTMLElement {
  return h(
    'nav',
    { class: 'course-breadcrumb', 'aria-label': t('course:nav.breadcrumb') },
    h(
      'ol',
      {},
      ...crumbs.map((crumb, i) =>
        h(
          'li',
          {},
          i === crumbs.length - 1 || !crumb.href
            ? h('span', { 'aria-current': i === crumbs.length - 1 ? 'page' : undefined }, crumb.label)
            : h('a', { href: crumb.href }, crumb.label),
        ),
      ),
    ),
  );
}

export function courseCrumb(): Crumb {
  return { label: t('course:title'), href: '#/course' };
}

export function moduleCrumb(course: Course, module: CourseModule): Crumb {
  return { label: t('course:module.short', { n: moduleNumber(course, module) }), href: `#/course/${module.id}` };
}

/** A labelled progress bar with its figures in text next to it (colour is never the only cue). */
export function progressBar(id: string, label: string, done: number, total: number): HTMLElement {
  const percent = total === 0 ? 0 : Math.round((100 * done) / total);
  return h(
    'div',
    { class: 'course-progress' },
    h('span', { class: 'course-progress-label', id: `${id}-label` }, label),
    h('progress', { id, max: total, value: done, 'aria-labelledby': `${id}-label`, 'aria-describedby': `${id}-text` }),
    h('span', { class: 'course-progress-text', id: `${id}-text` }, t('course:progressBar.text', { done, total, percent })),
  );
}

/** "✓ Read": a visible word with the mark, so it does not rest on a symbol or a colour. */
export function doneMark(text: string): HTMLElement {
  return h('span', { class: 'course-done' }, h('span', { 'aria-hidden': 'true' }, '✓ '), text);
}

export function pageHeading(text: string): HTMLHeadingElement {
  return h('h1', { id: 'page-title', tabindex: -1 }, text);
}

/** A line above the heading: "Module 1 · Lesson 2 of 4 · 3 min". */
export function kicker(...parts: string[]): HTMLElement {
  return h('p', { class: 'course-kicker' }, parts.filter((p) => p.length > 0).join(' · '));
}

/** The list of questions or items left unanswered, linking to each; it takes the focus when shown. */
export function missingSummary(title: string, missing: { id: string; label: string }[]): HTMLElement {
  return h(
    'div',
    { class: 'course-error-summary', tabindex: -1, 'data-autofocus': 'true', 'aria-labelledby': 'course-missing-title' },
    h('h2', { id: 'course-missing-title' }, title),
    h(
      'ul',
      {},
      ...missing.map((m) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#${m.id}`,
              onclick: (event: Event) => {
                // In-page anchors would replace the route: move the focus instead.
                event.preventDefault();
                const target = document.getElementById(m.id);
                target?.querySelector<HTMLElement>('input, select')?.focus();
              },
            },
            m.label,
          ),
        ),
      ),
    ),
  );
}
