/** #/test/review: counts per dimension, the unanswered questions, a way back to any dimension, then the results. */
import { localize, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { isAskedOf, wordingFor } from './content.ts';
import type { TestPage, TestPageDeps } from './page.ts';
import { scoreDimensions } from './scoring.ts';

export function renderReview(target: HTMLElement, deps: TestPageDeps): TestPage {
  const { controller, content } = deps;
  const { answers, respondent } = controller.snapshot().context;
  const results = scoreDimensions(content, answers, respondent);
  const total = results.reduce((n, d) => n + d.questions, 0);
  const answered = results.reduce((n, d) => n + d.answered, 0);
  const unknown = results.reduce((n, d) => n + d.unknown, 0);
  const unanswered = results.reduce((n, d) => n + d.unanswered, 0);

  const sections = results.map((result) => {
    const dimension = content.dimensions.find((d) => d.id === result.dimension);
    const name = dimension ? localize(dimension.name) : result.dimension;
    const missing = content.questions.filter(
      (q) => q.dimension === result.dimension && isAskedOf(q, respondent) && answers[q.id] === undefined,
    );
    const headingId = `review-${result.dimension}`;
    return h(
      'section',
      { class: 'test-review-dimension', 'aria-labelledby': headingId, 'data-dimension': result.dimension },
      h('h2', { id: headingId }, name),
      h(
        'p',
        {},
        t('test:review.counts', { count: result.answered + result.unknown, total: result.questions, unknown: result.unknown }),
      ),
      result.score === null ? h('p', { class: 'notice' }, t('test:review.notEnough')) : null,
      missing.length > 0
        ? h(
            'div',
            {},
            h('p', {}, t('test:review.unansweredTitle')),
            h(
              'ul',
              { class: 'test-review-missing' },
              ...missing.map((q) => h('li', {}, localize(wordingFor(q, respondent).prompt))),
            ),
          )
        : h('p', {}, t('test:review.allAnswered')),
      h(
        'p',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'button-quiet',
            'aria-label': t('test:review.editLabel', { dimension: name }),
            onclick: () => controller.send({ type: 'GOTO_DIMENSION', dimension: result.dimension }),
          },
          t('test:review.edit'),
        ),
      ),
    );
  });

  target.append(
    h(
      'div',
      { class: 'test test-review' },
      h('h1', { id: 'page-title' }, t('test:review.title')),
      h('p', { class: 'lead' }, t('test:review.summary', { count: answered + unknown, total, unknown, unanswered })),
      ...sections,
      h(
        'div',
        { class: 'test-actions test-nav-buttons' },
        h(
          'button',
          { type: 'button', class: 'button-quiet', onclick: () => controller.send({ type: 'BACK' }) },
          t('test:review.back'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            onclick: () => controller.send({ type: 'FINISH', finishedAt: new Date().toISOString() }),
          },
          t('test:review.finish'),
        ),
      ),
    ),
  );
  return { title: `${t('test:review.title')} · ${t('test:title')}` };
}
