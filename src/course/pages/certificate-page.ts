/**
 * #/course/certificate: the learner types their name; the certificate shows it with the completion date,
 * each module's score and the overall score. Print puts the certificate alone on the page (course.css).
 */
import { currentLanguage, localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { courseScore } from '../logic.ts';
import { completionRuleText } from './overview.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, moduleNumber, pageHeading } from './widgets.ts';

function formatDate(iso: string | null): string {
  const parsed = iso ? new Date(iso) : new Date();
  const date = Number.isNaN(parsed.getTime()) ? new Date() : parsed;
  const language = currentLanguage();
  const text = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(date);
  // French writes the first day of a month as an ordinal: "1er juin".
  return language === 'fr' && date.getDate() === 1 ? text.replace(/^1 /, '1er ') : text;
}

const HINTS = { device: 'Device', lms: 'Lms', none: 'None', review: 'None' } as const;

/** SCORM's cmi.core.student_name is "Last, First": a certificate reads "First Last". */
export function displayName(lmsName: string): string {
  const [last, first, ...rest] = lmsName.split(',').map((part) => part.trim());
  if (rest.length > 0 || !first || !last) return lmsName.trim();
  return `${first} ${last}`;
}

function lockedPage(args: PageArgs): RenderedPage {
  const title = t('course:certificate.title');
  const node = h(
    'div',
    { class: 'course-page course-certificate-page' },
    breadcrumb([courseCrumb(), { label: title }]),
    pageHeading(title),
    h('p', { class: 'notice', role: 'note' }, completionRuleText(args)),
    h('p', {}, h('a', { href: '#/course/progress' }, t('course:overview.progressLink'))),
  );
  return { title, node };
}

export function certificatePage(args: PageArgs): RenderedPage {
  if (!args.snapshot.matches('certificate')) return lockedPage(args);
  const { course, snapshot, send } = args;
  const progress = snapshot.context.progress;
  const title = t('course:certificate.title');

  const input = h('input', {
    type: 'text',
    id: 'course-learner-name',
    autocomplete: 'name',
    maxlength: 200,
    // The name the learner typed, else the one the LMS knows ("Dupont, Marie" becomes "Marie Dupont").
    value: progress.learnerName || displayName(args.backend.learnerName?.() ?? ''),
    'aria-describedby': 'course-learner-name-hint',
  });
  const shownName = h('p', { class: 'course-certificate-name' }, '');
  shownName.textContent = input.value.trim() || t('course:certificate.noName');
  input.addEventListener('input', () => {
    shownName.textContent = input.value.trim() || t('course:certificate.noName');
  });
  // A name prefilled from the LMS is saved the first time the learner leaves the field or prints.
  let savedName = progress.learnerName;
  const saveName = () => {
    if (input.value === savedName) return;
    savedName = input.value;
    send({ type: 'SET_NAME', name: input.value });
  };
  input.addEventListener('change', saveName);

  const rows = course.modules.map((module) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, `${moduleNumber(course, module)}. ${localize(module.title)}`),
      h('td', {}, t('course:certificate.percent', { score: progress.quizzes[module.id]?.best ?? 0 })),
    ),
  );
  const overall = courseScore(course, progress);

  const certificate = h(
    'section',
    { class: 'course-certificate', 'aria-labelledby': 'course-certificate-title' },
    h('p', { class: 'course-certificate-kit' }, t('app.name')),
    h('h2', { id: 'course-certificate-title' }, t('course:certificate.heading')),
    h('p', {}, t('course:certificate.certifies')),
    shownName,
    h('p', {}, t('course:certificate.completed', { course: t('course:title'), date: formatDate(progress.completedAt) })),
    h(
      'table',
      { class: 'course-table' },
      h('caption', {}, t('course:certificate.caption')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('course:progress.columns.module')),
          h('th', { scope: 'col' }, t('course:certificate.score')),
        ),
      ),
      h('tbody', {}, ...rows),
      h(
        'tfoot',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, t('course:certificate.overall')),
          h('td', {}, t('course:certificate.percent', { score: overall })),
        ),
      ),
    ),
    h('p', { class: 'course-certificate-note' }, t('course:certificate.note', { passMark: course.passMark })),
  );

  const node = h(
    'div',
    { class: 'course-page course-certificate-page' },
    breadcrumb([courseCrumb(), { label: title }]),
    pageHeading(title),
    h('p', { class: 'lead' }, t('course:certificate.intro')),
    h(
      'div',
      { class: 'field course-name-field' },
      h('label', { for: 'course-learner-name' }, t('course:certificate.nameLabel')),
      input,
      h(
        'p',
        { class: 'course-hint', id: 'course-learner-name-hint' },
        t(`course:certificate.nameHint${HINTS[args.backend.where ?? 'device']}`),
      ),
    ),
    h(
      'p',
      { class: 'course-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          id: 'course-print',
          onclick: () => {
            saveName();
            window.print();
          },
        },
        t('course:certificate.print'),
      ),
    ),
    certificate,
  );
  return { title, node };
}
