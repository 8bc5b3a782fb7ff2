/**
 * #/test/results[/<attempt-id>][?compare=<attempt-id>]: the report of one
 * finished attempt (the latest without an id), optionally compared with an
 * earlier one; printable, exportable.
 */
import { currentLanguage, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { exportFile } from './earlier-results.ts';
import { attemptLabel, attemptName, attemptShortLabel, formatDate, respondentFor } from './format.ts';
import { loadLinkTitles } from './link-titles.ts';
import { nameForm } from './name-form.ts';
import { startNewAttempt, type TestPage, type TestPageDeps } from './page.ts';
import { resultsHref, TEST_HREF } from './paths.ts';
import { actionPlanSection, overallSection } from './results-overall.ts';
import {
  type Compared,
  deltasSection,
  findOutSection,
  profileSection,
  recommendationsSection,
  strengthsSection,
} from './results-sections.ts';
import { type DimensionResult, scoreAssessment, scoreDimensions } from './scoring.ts';
import { type Attempt, listAttempts, readAttempt } from './storage.ts';

/** Offers only the attempts finished before this one, so a comparison always reads forward in time. */
function compareForm(deps: TestPageDeps, attempt: Attempt, others: Attempt[], comparing: string | null): HTMLElement | null {
  if (others.length === 0 && !comparing) return null;
  if (others.length === 0)
    return h(
      'p',
      { class: 'test-no-print' },
      h('a', { href: resultsHref(attempt.id), class: 'button-quiet' }, t('test:results.stopCompare')),
    );
  const select = h(
    'select',
    { id: 'compare-with' },
    ...others.map((a) => h('option', { value: a.id, selected: a.id === comparing }, attemptLabel(deps.content, a))),
  );
  return h(
    'form',
    {
      class: 'results-compare test-no-print',
      onsubmit: (event: Event) => {
        event.preventDefault();
        deps.go(resultsHref(attempt.id, select.value));
      },
    },
    h('p', { class: 'field' }, h('label', { for: 'compare-with' }, t('test:results.compareLabel')), select),
    h(
      'p',
      { class: 'test-actions' },
      h('button', { type: 'submit', class: 'button-quiet' }, t('test:results.compare')),
      comparing ? h('a', { href: resultsHref(attempt.id), class: 'button-quiet' }, t('test:results.stopCompare')) : null,
    ),
  );
}

/** Who the attempt answered for, and how many questions were not theirs to answer (out of every score). */
function respondentNote(dimensions: readonly DimensionResult[], attempt: Attempt): HTMLElement | null {
  if (!attempt.respondent) return null;
  const notAsked = dimensions.reduce((n, d) => n + d.notAsked, 0);
  return h(
    'p',
    { class: 'results-respondent' },
    t('test:results.answeredFor', { who: respondentFor(attempt.respondent) }),
    notAsked > 0 ? ` ${t('test:results.notAsked', { count: notAsked })}` : '',
  );
}

function missing(target: HTMLElement, message: string): TestPage {
  target.append(
    h(
      'div',
      { class: 'test test-results' },
      h('h1', { id: 'page-title' }, t('test:results.title')),
      h('p', { class: 'notice' }, message),
      h('p', {}, h('a', { href: TEST_HREF }, t('test:results.backToTest'))),
    ),
  );
  return { title: `${t('test:results.title')} · ${t('test:title')}` };
}

export async function renderResults(
  target: HTMLElement,
  deps: TestPageDeps,
  attemptId: string | undefined,
  compareId: string | null,
): Promise<TestPage> {
  const { ctx, content, controller } = deps;
  const { attempts } = listAttempts(ctx.store, content);
  const attempt = attemptId ? readAttempt(ctx.store, content, attemptId) : (attempts[0] ?? null);
  if (!attempt) return missing(target, attemptId ? t('test:results.missing') : t('test:results.noResults'));

  const results = scoreAssessment(content, attempt.answers, attempt.respondent);
  const date = formatDate(attempt.finishedAt);
  const label = attemptShortLabel(attempt);
  const otherAttempt = compareId && compareId !== attempt.id ? readAttempt(ctx.store, content, compareId) : null;
  const earlier: Compared | null = otherAttempt
    ? {
        label: attemptShortLabel(otherAttempt),
        dimensions: scoreDimensions(content, otherAttempt.answers, otherAttempt.respondent),
      }
    : null;
  const current: Compared = { label, dimensions: results.dimensions };
  // Later minus earlier by finish time, whatever the order in the address.
  const [before, after] =
    otherAttempt && earlier && otherAttempt.finishedAt > attempt.finishedAt ? [current, earlier] : [earlier, current];
  const titles = await loadLinkTitles(
    currentLanguage(),
    results.recommendations.map((r) => r.guide),
    results.recommendations.length > 0,
  );

  target.append(
    h(
      'div',
      { class: 'test test-results', 'data-attempt': attempt.id },
      h('h1', { id: 'page-title' }, t('test:results.title')),
      attemptName(attempt) ? h('p', { class: 'results-name' }, attemptName(attempt)) : null,
      h('p', { class: 'lead' }, t('test:results.finished', { date })),
      respondentNote(results.dimensions, attempt),
      nameForm(deps, attempt),
      compareId && !earlier ? h('p', { class: 'notice' }, t('test:results.compareMissing')) : null,
      compareForm(
        deps,
        attempt,
        attempts.filter((a) => a.id !== attempt.id && a.finishedAt < attempt.finishedAt),
        earlier ? compareId : null,
      ),
      overallSection(content, results),
      profileSection(content, results, label, earlier),
      before && after ? deltasSection(content, before, after) : null,
      strengthsSection(content, results),
      findOutSection(content, results),
      recommendationsSection(content, results, titles),
      actionPlanSection(content, results, label, `plan-action-${attempt.id}.csv`),
      h(
        'div',
        { class: 'test-actions test-no-print' },
        h('button', { type: 'button', class: 'button', onclick: () => window.print() }, t('test:results.print')),
        h(
          'button',
          {
            type: 'button',
            class: 'button-quiet',
            onclick: () => {
              exportFile(content, [attempt], `autodiagnostic-${attempt.id}.json`);
              ctx.announce(t('test:results.exported'));
            },
          },
          t('test:results.export'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button-quiet',
            onclick: () => {
              // Another attempt under way is never erased from here: its home offers Resume or Start over.
              const state = controller.snapshot().state;
              if (state === 'questions' || state === 'review') deps.go(TEST_HREF);
              // Nobody chosen yet to answer for: the choice is on the test's home.
              else if (!startNewAttempt(controller)) deps.go(TEST_HREF);
            },
          },
          t('test:results.again'),
        ),
        h('a', { href: TEST_HREF, class: 'button-quiet' }, t('test:results.backToTest')),
      ),
    ),
  );
  return { title: `${t('test:results.title')} · ${label} · ${t('test:title')}` };
}
