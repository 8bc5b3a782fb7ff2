/**
 * #/course/<module>/quiz: one fieldset per question (radio buttons, or checkboxes when several answers
 * are right), Submit, then the score, pass or fail at the pass mark, feedback on every choice, Retry.
 * After a pass, Continue leads to "module done" (or "course complete" for the last one).
 */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { stableOrder } from '../activity-check.ts';
import { practiceMinutes, type QuizResult } from '../logic.ts';
import type { CourseModule, Question } from '../schema.ts';
import { pager } from './lesson-page.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, kicker, minutesText, missingSummary, moduleCrumb, pageHeading, pageName } from './widgets.ts';

function questionLegend(question: Question, n: number, total: number): string {
  return t('course:quiz.question', { n, total, prompt: localize(question.prompt) });
}

function questionFieldset(question: Question, n: number, total: number, chosen: string[], args: PageArgs): HTMLElement {
  const hintId = `${question.id}--hint`;
  const choices = stableOrder(question.choices, question.id);
  return h(
    'fieldset',
    { class: 'course-question', id: question.id, 'aria-describedby': hintId },
    h('legend', {}, questionLegend(question, n, total)),
    h('p', { class: 'course-hint', id: hintId }, t(question.multiple ? 'course:quiz.several' : 'course:quiz.one')),
    ...choices.map((choice) => {
      const input = h('input', {
        type: question.multiple ? 'checkbox' : 'radio',
        id: choice.id,
        name: question.id,
        value: choice.id,
        checked: chosen.includes(choice.id),
      });
      input.addEventListener('change', () => {
        const form = input.form;
        const picked = form
          ? Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${question.id}"]:checked`)).map((i) => i.value)
          : [];
        args.send({ type: 'ANSWER', key: question.id, values: picked });
      });
      return h('div', { class: 'field-check' }, input, h('label', { for: choice.id }, localize(choice.text)));
    }),
  );
}

function questionFeedback(question: Question, n: number, total: number, result: QuizResult): HTMLElement {
  const answered = result.questions.find((q) => q.question === question.id);
  const chosen = answered?.chosen ?? [];
  const right = answered?.right ?? false;
  return h(
    'section',
    { class: `course-question-feedback ${right ? 'is-right' : 'is-wrong'}`, 'aria-labelledby': `${question.id}--result` },
    h(
      'h3',
      { id: `${question.id}--result` },
      t('course:quiz.questionResult', { n, total }),
      ' ',
      h(
        'span',
        { class: right ? 'course-verdict is-right' : 'course-verdict is-wrong' },
        h('span', { 'aria-hidden': 'true' }, right ? '✓ ' : '✗ '),
        t(right ? 'course:feedback.right' : 'course:feedback.wrong'),
      ),
    ),
    h('p', {}, localize(question.prompt)),
    h(
      'ul',
      { class: 'course-feedback' },
      ...stableOrder(question.choices, question.id).map((choice) =>
        h(
          'li',
          { class: choice.correct ? 'is-correct' : '' },
          h('p', { class: 'course-feedback-head' }, h('strong', {}, localize(choice.text))),
          h(
            'p',
            { class: 'course-markers' },
            chosen.includes(choice.id) ? h('span', { class: 'course-marker' }, t('course:feedback.yourAnswerMark')) : null,
            choice.correct ? h('span', { class: 'course-marker is-correct' }, t('course:feedback.correctMark')) : null,
          ),
          h('p', {}, localize(choice.feedback)),
        ),
      ),
    ),
  );
}

function resultSummary(result: QuizResult, passMark: number, args: PageArgs): HTMLElement {
  return h(
    'section',
    {
      class: `course-result ${result.passed ? 'is-passed' : 'is-failed'}`,
      tabindex: -1,
      'data-autofocus': 'true',
      'aria-labelledby': 'course-result-title',
    },
    h('h2', { id: 'course-result-title' }, t('course:quiz.score', { score: result.score })),
    h('p', {}, t('course:quiz.right', { right: result.right, total: result.total })),
    h('p', { class: 'course-result-verdict' }, t(result.passed ? 'course:quiz.passed' : 'course:quiz.failed', { passMark })),
    h(
      'p',
      { class: 'course-actions' },
      result.passed
        ? h(
            'button',
            { type: 'button', class: 'button', onclick: () => args.send({ type: 'CONTINUE' }) },
            t('course:quiz.continue'),
          )
        : null,
      h(
        'button',
        { type: 'button', class: result.passed ? 'button-quiet' : 'button', onclick: () => args.send({ type: 'RETRY' }) },
        t('course:quiz.retry'),
      ),
    ),
  );
}

export function quizPage(args: PageArgs, module: CourseModule): RenderedPage {
  const { course, snapshot } = args;
  const questions = module.quiz.questions;
  const total = questions.length;
  const title = pageName(course, { kind: 'quiz', module: module.id });
  const record = snapshot.context.progress.quizzes[module.id];
  const result = snapshot.matches({ quiz: 'submitted' }) ? snapshot.context.quizResult : null;
  const body: HTMLElement[] = [];

  if (result) {
    body.push(
      resultSummary(result, course.passMark, args),
      h('h2', {}, t('course:feedback.title')),
      ...questions.map((q, i) => questionFeedback(q, i + 1, total, result)),
    );
  } else {
    const draft = snapshot.context.draft;
    const missing = snapshot.context.missing;
    if (missing.length > 0) {
      body.push(
        missingSummary(
          t('course:quiz.missing'),
          missing.map((id) => {
            const n = questions.findIndex((q) => q.id === id) + 1;
            return { id, label: t('course:quiz.questionShort', { n }) };
          }),
        ),
      );
    }
    body.push(
      h(
        'form',
        {
          class: 'course-quiz-form',
          novalidate: true,
          onsubmit: (event: Event) => {
            event.preventDefault();
            args.send({ type: 'SUBMIT' });
          },
        },
        ...questions.map((q, i) => questionFieldset(q, i + 1, total, draft[q.id] ?? [], args)),
        h('p', { class: 'course-actions' }, h('button', { type: 'submit', class: 'button' }, t('course:quiz.submit'))),
      ),
    );
  }

  const node = h(
    'div',
    { class: 'course-page course-quiz' },
    breadcrumb([courseCrumb(), moduleCrumb(course, module), { label: t('course:quiz.short') }]),
    kicker(localize(module.title), t('course:quiz.short'), minutesText(practiceMinutes(module).quiz)),
    pageHeading(title),
    h('p', { class: 'lead' }, t('course:quiz.intro', { total, passMark: course.passMark })),
    record ? h('p', { class: 'course-meta' }, t('course:quiz.record', { best: record.best, attempts: record.attempts })) : null,
    ...body,
    pager(args, { kind: 'quiz', module: module.id }, 'course:nav.next'),
  );
  return { title, node };
}
