/**
 * #/test/questions/<dimension>: one dimension per page, each question a
 * fieldset of five radios (four described levels and "don't know"), its help,
 * a disclosure with its note (evidence, who knows) and a link to its guide
 * section. Only the questions put to the respondent show, in the words put to
 * it. Answers go to the machine as they change.
 */
import { guideHref } from '../guide/links.ts';
import { currentLanguage, localize, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import { ANSWER_VALUES, type Answer, isAskedOf, type Question, questionsOf, type Respondent, wordingFor } from './content.ts';
import type { AssessmentSnapshot } from './controller.ts';
import { respondentFor } from './format.ts';
import { loadLinkTitles } from './link-titles.ts';
import type { TestPage, TestPageDeps } from './page.ts';
import { questionsHref, TEST_HREF } from './paths.ts';
import { answeredCount, askedCount, askedOn, unansweredOn } from './progress.ts';

function answerId(question: string, value: Answer): string {
  return `${question}-${value}`;
}

/** A disclosure after the answers, so it never covers or pushes them away unasked. */
function noteDisclosure(question: Question): HTMLElement {
  return h(
    'details',
    { class: 'question-note' },
    h('summary', {}, t('test:questions.noteSummary')),
    h(
      'dl',
      {},
      h('dt', {}, t('test:questions.evidence')),
      h('dd', {}, localize(question.note.evidence)),
      h('dt', {}, t('test:questions.whoKnows')),
      h('dd', {}, localize(question.note.whoKnows)),
    ),
  );
}

function questionFieldset(
  deps: TestPageDeps,
  question: Question,
  respondent: Respondent | null,
  position: { index: number; count: number },
  guideTitle: string,
) {
  const { controller, content } = deps;
  const current = controller.snapshot().context.answers[question.id];
  const wording = wordingFor(question, respondent);
  const helpId = `help-${question.id}`;
  const options = ANSWER_VALUES.map((value) => {
    const id = answerId(question.id, value);
    const input = h('input', {
      type: 'radio',
      name: `answer-${question.id}`,
      id,
      value: String(value),
      checked: current === value,
    });
    input.addEventListener('change', () => {
      if (input.checked) controller.send({ type: 'ANSWER', question: question.id, value });
    });
    const label =
      value === 'unknown'
        ? h('label', { for: id }, h('span', { class: 'answer-level' }, t('test:questions.unknown')))
        : h(
            'label',
            { for: id },
            h('span', { class: 'answer-level' }, localize(content.levels[value]?.label ?? { fr: '', en: '' })),
            h('span', { class: 'answer-text' }, localize(wording.answers[value] ?? { fr: '', en: '' })),
          );
    return h('div', { class: `answer-option${value === 'unknown' ? ' answer-unknown' : ''}` }, input, label);
  });
  return h(
    'fieldset',
    { class: 'question', id: `question-${question.id}`, 'aria-describedby': helpId, 'data-question': question.id },
    h(
      'legend',
      {},
      h(
        'span',
        { class: 'question-number' },
        t('test:questions.questionNumber', { index: position.index + 1, total: position.count }),
      ),
      h('span', { class: 'question-prompt' }, localize(wording.prompt)),
    ),
    h('p', { class: 'question-help', id: helpId }, localize(wording.help)),
    h('div', { class: 'answer-options' }, ...options),
    noteDisclosure(question),
    h(
      'p',
      { class: 'question-guide' },
      h('a', { href: guideHref(question.guide) }, t('test:questions.guide', { title: guideTitle })),
    ),
  );
}

export async function renderQuestions(target: HTMLElement, deps: TestPageDeps, page: number): Promise<TestPage> {
  const { controller, content } = deps;
  const dimension = content.dimensions[page];
  if (!dimension) return { title: t('test:title') };
  const respondent = controller.snapshot().context.respondent;
  const questions = questionsOf(content, dimension.id).filter((q) => isAskedOf(q, respondent));
  const titles = await loadLinkTitles(
    currentLanguage(),
    questions.map((q) => q.guide),
    false,
  );
  const count = content.dimensions.length;
  const last = page === count - 1;

  const answered = h('p', { class: 'test-answered' });
  const steps = h('ol', { class: 'test-steps' });
  const notice = h('div', { class: 'notice test-unanswered', id: 'unanswered-notice', tabindex: -1, hidden: true });

  const update = (snapshot: AssessmentSnapshot) => {
    const { answers, unansweredNotice } = snapshot.context;
    const total = askedCount(controller.pages, respondent);
    answered.textContent = t('test:questions.answered', { count: answeredCount(answers), total });
    steps.replaceChildren(
      ...controller.pages.map((p, i) => {
        const asked = askedOn(controller.pages, i, respondent);
        const done = asked.filter((q) => answers[q] !== undefined).length;
        const name = localize(content.dimensions[i]?.name ?? { fr: p.dimension, en: p.dimension });
        return h(
          'li',
          {},
          h('a', { href: questionsHref(p.dimension), 'aria-current': i === page ? 'step' : undefined }, `${i + 1}. ${name}`),
          h(
            'span',
            { class: 'test-step-status' },
            ` (${t('test:questions.stepStatus', { answered: done, total: asked.length })})`,
          ),
        );
      }),
    );
    const missing = unansweredOn(controller.pages, page, answers, respondent);
    notice.hidden = !unansweredNotice || missing.length === 0;
    notice.replaceChildren(
      h('p', {}, t('test:questions.unanswered', { count: missing.length })),
      h(
        'ul',
        {},
        ...missing.map((id) => {
          const index = questions.findIndex((q) => q.id === id);
          const button = h(
            'button',
            { type: 'button', class: 'button-quiet', onclick: () => document.getElementById(answerId(id, 0))?.focus() },
            t('test:questions.goToQuestion', { index: index + 1 }),
          );
          return h('li', {}, button);
        }),
      ),
    );
  };

  const back = h(
    'button',
    { type: 'button', class: 'button-quiet', onclick: () => controller.send({ type: 'BACK' }) },
    t('test:questions.back'),
  );
  const skip = h(
    'button',
    { type: 'button', class: 'button-quiet', onclick: () => controller.send({ type: 'SKIP' }) },
    t('test:questions.skip'),
  );
  const next = h(
    'button',
    {
      type: 'button',
      class: 'button',
      onclick: () => {
        controller.send({ type: 'NEXT' });
        // Still here: NEXT was refused, the notice says why.
        if (controller.snapshot().context.unansweredNotice && !notice.hidden) notice.focus();
      },
    },
    last ? t('test:questions.toReview') : t('test:questions.next'),
  );
  const form = h(
    'form',
    { class: 'test-questions', novalidate: true },
    ...questions.map((q, i) =>
      questionFieldset(deps, q, respondent, { index: i, count: questions.length }, titles.guide(q.guide)),
    ),
  );
  form.addEventListener('submit', (event) => event.preventDefault());

  update(controller.snapshot());
  target.append(
    h(
      'div',
      { class: 'test test-page', 'data-dimension': dimension.id },
      h('p', { class: 'test-progress' }, t('test:questions.progress', { index: page + 1, total: count })),
      h('h1', { id: 'page-title' }, localize(dimension.name)),
      h('p', { class: 'lead' }, localize(dimension.description)),
      respondent
        ? h(
            'p',
            { class: 'test-respondent' },
            `${t('test:questions.answeringFor', { who: respondentFor(respondent) })} `,
            h('a', { href: TEST_HREF }, t('test:questions.changeRespondent')),
          )
        : null,
      answered,
      h('nav', { class: 'test-steps-nav', 'aria-label': t('test:questions.stepsLabel') }, steps),
      form,
      notice,
      h('div', { class: 'test-actions test-nav-buttons' }, page > 0 ? back : null, skip, next),
    ),
  );
  return {
    title: `${t('test:questions.progress', { index: page + 1, total: count })} · ${localize(dimension.name)} · ${t('test:title')}`,
    update,
  };
}
