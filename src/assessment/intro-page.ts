/** #/test: what the test is, who answers, the attempt under way (Resume), earlier results, import. */
import { localize, t } from '../i18n/index.ts';
import { confirmDialog } from '../ui/dialog.ts';
import { h } from '../ui/dom.ts';
import { earlierResults } from './earlier-results.ts';
import { startNewAttempt, type TestPage, type TestPageDeps } from './page.ts';
import { answeredCount, askedCount } from './progress.ts';
import { respondentForm } from './respondent-form.ts';

function underWay(deps: TestPageDeps): HTMLElement | null {
  const { controller, content } = deps;
  const { state, context } = controller.snapshot();
  if (state !== 'questions' && state !== 'review') return null;
  const total = askedCount(controller.pages, context.respondent);
  const answered = answeredCount(context.answers);
  const dimension = content.dimensions[context.page];
  const info =
    state === 'review'
      ? t('test:intro.underWayReview', { count: answered, total })
      : t('test:intro.underWay', {
          count: answered,
          total,
          index: context.page + 1,
          dimensions: content.dimensions.length,
          dimension: dimension ? localize(dimension.name) : '',
        });
  return h(
    'section',
    { class: 'test-under-way', 'aria-labelledby': 'under-way-title' },
    h('h2', { id: 'under-way-title' }, t('test:intro.underWayTitle')),
    h('p', {}, info),
    h(
      'p',
      { class: 'test-actions' },
      h('button', { type: 'button', class: 'button', onclick: () => deps.go(controller.href()) }, t('test:intro.resume')),
      h(
        'button',
        {
          type: 'button',
          class: 'button-quiet',
          onclick: async () => {
            if (await confirmDialog(t('test:intro.confirmStartOver'))) startNewAttempt(controller);
          },
        },
        t('test:intro.startOver'),
      ),
    ),
  );
}

export function renderIntro(target: HTMLElement, deps: TestPageDeps): TestPage {
  const { content } = deps;
  const resume = underWay(deps);
  const choice = respondentForm(deps, resume !== null);
  target.append(
    h(
      'div',
      { class: 'test test-intro' },
      h('h1', { id: 'page-title' }, t('test:title')),
      h('p', { class: 'lead' }, t('test:intro.lead')),
      resume,
      choice.element,
      h(
        'section',
        { 'aria-labelledby': 'how-title' },
        h('h2', { id: 'how-title' }, t('test:intro.howTitle')),
        h(
          'ul',
          {},
          h(
            'li',
            {},
            t('test:intro.howQuestions', { questions: content.questions.length, dimensions: content.dimensions.length }),
          ),
          h('li', {}, t('test:intro.howLevels')),
          h('li', {}, t('test:intro.howUnknown')),
          h('li', {}, t('test:intro.howPrivate')),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'dimensions-title' },
        h('h2', { id: 'dimensions-title' }, t('test:intro.dimensionsTitle')),
        h(
          'dl',
          { class: 'test-dimensions' },
          ...content.dimensions.flatMap((d) => [h('dt', {}, localize(d.name)), h('dd', {}, localize(d.description))]),
        ),
      ),
      earlierResults(deps.ctx, content, deps.go),
    ),
  );
  return { title: `${t('test:title')} · ${t('app.name')}`, update: choice.update };
}
