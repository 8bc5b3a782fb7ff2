/**
 * #/test/group?ids=a,b,c: several respondents' attempts as one group result: per dimension who scored
 * what and the spread, then the questions to discuss, where answers differ most; printable as a
 * workshop sheet.
 */
import { localize, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { Answer, Assessment } from './content.ts';
import { attemptShortLabel, dimensionName } from './format.ts';
import { type GroupResult, groupResult, MIN_GROUP, parseGroupIds, TO_DISCUSS_MIN_GAP } from './group.ts';
import type { TestPage, TestPageDeps } from './page.ts';
import { TEST_HREF } from './paths.ts';
import { type Attempt, readAttempt } from './storage.ts';

function answerText(content: Assessment, answer: Answer | null, asked: boolean): string {
  if (!asked) return t('test:group.notAsked');
  if (answer === null) return t('test:group.noAnswer');
  if (answer === 'unknown') return t('test:questions.unknown');
  return t('test:group.level', { level: answer, label: localize(content.levels[answer]?.label ?? { fr: '', en: '' }) });
}

function dimensionsSection(content: Assessment, group: GroupResult, labels: string[]): HTMLElement {
  return h(
    'section',
    { class: 'group-dimensions', 'aria-labelledby': 'group-dimensions-title' },
    h('h2', { id: 'group-dimensions-title' }, t('test:group.dimensionsTitle')),
    h(
      'ul',
      { class: 'group-dimension-list' },
      ...group.dimensions.map((d) =>
        h(
          'li',
          { 'data-dimension': d.dimension, class: 'group-dimension' },
          h('h3', {}, dimensionName(content, d.dimension)),
          h(
            'p',
            { class: 'group-spread' },
            d.spread === null
              ? t('test:group.noSpread')
              : t('test:group.spread', { min: d.min, max: d.max, spread: d.spread, mean: d.mean }),
          ),
          h(
            'ul',
            { class: 'group-who', 'aria-label': t('test:group.whoLabel', { dimension: dimensionName(content, d.dimension) }) },
            ...d.scores.map((score, i) =>
              h(
                'li',
                {},
                t('test:group.who', { who: labels[i] ?? '', score: score === null ? t('test:results.notEnough') : score }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

function toDiscussSection(content: Assessment, group: GroupResult, labels: string[]): HTMLElement {
  const prompt = (id: string) => {
    const q = content.questions.find((x) => x.id === id);
    return q ? localize(q.prompt) : id;
  };
  return h(
    'section',
    { class: 'group-to-discuss', 'aria-labelledby': 'group-discuss-title' },
    h('h2', { id: 'group-discuss-title' }, t('test:group.discussTitle')),
    h('p', {}, t('test:group.discussIntro', { gap: TO_DISCUSS_MIN_GAP })),
    group.toDiscuss.length === 0
      ? h('p', { class: 'notice' }, t('test:group.nothingToDiscuss', { gap: TO_DISCUSS_MIN_GAP }))
      : h(
          'ol',
          { class: 'group-discuss-list' },
          ...group.toDiscuss.map((q) =>
            h(
              'li',
              { 'data-question': q.question },
              h('h3', {}, prompt(q.question)),
              h('p', { class: 'hint' }, t('test:group.gap', { dimension: dimensionName(content, q.dimension), gap: q.gap })),
              h(
                'ul',
                { class: 'group-answers' },
                ...q.answers.map((a, i) =>
                  h(
                    'li',
                    {},
                    t('test:group.answer', { who: labels[i] ?? '', answer: answerText(content, a, q.asked[i] ?? true) }),
                  ),
                ),
              ),
              h('div', { class: 'group-notes', 'aria-hidden': 'true' }, t('test:group.notes')),
            ),
          ),
        ),
  );
}

export function renderGroup(target: HTMLElement, deps: TestPageDeps, rawIds: string | null): TestPage {
  const { ctx, content } = deps;
  const ids = parseGroupIds(rawIds);
  const found = ids.map((id) => readAttempt(ctx.store, content, id)).filter((a): a is Attempt => a !== null);
  // Earliest first, so the columns read in the order the respondents answered.
  const attempts = [...found].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  const title = `${t('test:group.title')} · ${t('test:title')}`;
  const page = h('div', { class: 'test test-group' }, h('h1', { id: 'page-title' }, t('test:group.title')));
  target.append(page);
  if (found.length < ids.length)
    page.append(h('p', { class: 'notice' }, t('test:group.missing', { count: ids.length - found.length })));
  if (attempts.length < MIN_GROUP) {
    page.append(
      h('p', { class: 'notice' }, t('test:group.tooFew', { min: MIN_GROUP })),
      h('p', {}, h('a', { href: TEST_HREF }, t('test:results.backToTest'))),
    );
    return { title };
  }
  const labels = attempts.map(attemptShortLabel);
  const group = groupResult(content, attempts);
  page.append(
    h('p', { class: 'lead' }, t('test:group.lead', { count: attempts.length })),
    h('ul', { class: 'group-respondents' }, ...labels.map((label) => h('li', {}, label))),
    toDiscussSection(content, group, labels),
    dimensionsSection(content, group, labels),
    h(
      'p',
      { class: 'test-actions test-no-print' },
      h('button', { type: 'button', class: 'button', onclick: () => window.print() }, t('test:group.print')),
      h('a', { href: TEST_HREF, class: 'button-quiet' }, t('test:results.backToTest')),
    ),
  );
  return { title };
}
