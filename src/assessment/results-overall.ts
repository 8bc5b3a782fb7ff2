/** The overall profile (or why there is none) and the action plan with its CSV export and its own print. */

import { guideHref } from '../guide/links.ts';
import { currentLanguage, localize, t } from '../i18n/index.ts';
import { downloadText } from '../ui/dialog.ts';
import { h } from '../ui/dom.ts';
import { actionRows, toCsv } from './action-plan.ts';
import type { Assessment } from './content.ts';
import { bandLabel, dimensionName } from './format.ts';
import { type AssessmentResults, MIN_SCORED_FOR_OVERALL } from './scoring.ts';

export function overallSection(content: Assessment, results: AssessmentResults): HTMLElement {
  const profile = results.profile;
  const band = content.bands.find((b) => b.id === profile?.band);
  let body: (HTMLElement | null)[];
  if (profile?.score != null)
    body = [
      h(
        'p',
        { class: 'overall-score' },
        t('test:results.overall', { score: profile.score, band: bandLabel(content, profile.band) }),
      ),
      band ? h('p', { class: 'overall-text' }, localize(band.overall)) : null,
      h('p', { class: 'hint' }, t('test:results.overallHelp', { min: MIN_SCORED_FOR_OVERALL })),
    ];
  else if (profile)
    body = [
      h(
        'p',
        { class: 'notice overall-missing' },
        t('test:results.tooFewScored', { count: profile.scored, min: MIN_SCORED_FOR_OVERALL }),
      ),
    ];
  else body = [h('p', { class: 'notice overall-missing' }, t('test:results.noProfile'))];
  return h(
    'section',
    { class: 'results-overall', 'aria-labelledby': 'overall-title' },
    h('h2', { id: 'overall-title' }, t('test:results.overallTitle')),
    ...body,
  );
}

function csvOf(content: Assessment, results: AssessmentResults, label: string): string {
  const sep = currentLanguage() === 'fr' ? ';' : ',';
  const rows = actionRows(content, results).map((row) => [
    dimensionName(content, row.dimension),
    row.score === null ? t('test:results.notEnough') : String(row.score),
    row.kind === 'find-out' ? t('test:plan.findOutKind') : t('test:plan.priority', { priority: row.priority }),
    row.kind === 'find-out' ? t('test:plan.findOutTitle') : localize(row.title),
    localize(row.text),
    guideHref(row.guide),
    '',
    '',
  ]);
  const header = ['dimension', 'score', 'kind', 'action', 'text', 'guide', 'who', 'when'].map((k) => t(`test:plan.col.${k}`));
  return toCsv([[t('test:plan.csvTitle'), label], [], header, ...rows], sep);
}

/** Prints only the action plan: the page is marked while the print dialog is open. */
function printPlan(): void {
  document.documentElement.dataset.print = 'action-plan';
  const done = () => {
    delete document.documentElement.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
  // Browsers whose print() returns after printing fire no afterprint in some cases.
  setTimeout(done, 0);
}

export function actionPlanSection(content: Assessment, results: AssessmentResults, label: string, fileName: string): HTMLElement {
  const rows = actionRows(content, results);
  const table = h(
    'table',
    { class: 'plan-table' },
    h('caption', {}, t('test:plan.caption', { label })),
    h(
      'thead',
      {},
      h('tr', {}, ...['dimension', 'action', 'who', 'when'].map((k) => h('th', { scope: 'col' }, t(`test:plan.col.${k}`)))),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          { 'data-kind': row.kind, 'data-dimension': row.dimension },
          h('th', { scope: 'row' }, dimensionName(content, row.dimension)),
          h(
            'td',
            {},
            h('strong', {}, row.kind === 'find-out' ? t('test:plan.findOutTitle') : localize(row.title)),
            ' ',
            localize(row.text),
          ),
          h('td', { class: 'plan-blank' }),
          h('td', { class: 'plan-blank' }),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'results-action-plan', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, t('test:plan.title')),
    h('p', { class: 'plan-for' }, label),
    rows.length > 0 ? h('p', {}, t('test:plan.intro')) : h('p', {}, t('test:plan.empty')),
    rows.length > 0 ? h('div', { class: 'plan-table-wrap' }, table) : null,
    rows.length > 0
      ? h(
          'p',
          { class: 'test-actions test-no-print' },
          h(
            'button',
            {
              type: 'button',
              class: 'button-quiet',
              onclick: () => downloadText(fileName, csvOf(content, results, label), 'text/csv'),
            },
            t('test:plan.csv'),
          ),
          h('button', { type: 'button', class: 'button-quiet', onclick: printPlan }, t('test:plan.print')),
        )
      : null,
  );
}
