/**
 * #/course/<module>/quiz: the attempt's sheet (questions drawn from the module's bank, choices shuffled),
 * one fieldset per question, Submit, then the score and pass or fail at the pass mark. The answer key
 * (which choices are right, with the explanation of each) is shown only after a pass or after the last
 * allowed attempt; a failed attempt shows its score and the lessons to read again, nothing per question.
 */
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { answerKeyShown, attemptsLeft, lessonsToRevisit, pageHref, type QuizResult } from '../logic.ts';
import type { QuizSheet, SheetQuestion } from '../quiz-sheet.ts';
import { quizSheet } from '../quiz-sheet.ts';
import type { CourseModule, Question } from '../schema.ts';
import { practiceMinutes } from '../time.ts';
import { pager } from './lesson-page.ts';
import type { PageArgs, RenderedPage } from './page.ts';
import { breadcrumb, courseCrumb, kicker, minutesText, missingSummary, moduleCrumb, pageHeading, pageName } from './widgets.ts';

interface Asked {
  question: Question;
  /** Choices in the sheet's order. */
  choices: Question['choices'];
}

function askedQuestions(module: CourseModule, sheet: QuizSheet): Asked[] {
  return sheet.questions.flatMap((s: SheetQuestion) => {
    const question = module.quiz.questions.find((q) => q.id === s.id);
    if (!question) return [];
    const choices = s.choices.flatMap((id) => question.choices.filter((c) => c.id === id));
    return [{ question, choices }];
  });
}

function questionFieldset({ question, choices }: Asked, n: number, total: number, chosen: string[], args: PageArgs) {
  const hintId = `${question.id}--hint`;
  return h(
    'fieldset',
    { class: 'course-question', id: question.id, 'aria-describedby': hintId },
    h('legend', {}, t('course:quiz.question', { n, total, prompt: localize(question.prompt) })),
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

function verdict(right: boolean): HTMLElement {
  return h(
    'span',
    { class: right ? 'course-verdict is-right' : 'course-verdict is-wrong' },
    h('span', { 'aria-hidden': 'true' }, right ? '✓ ' : '✗ '),
    t(right ? 'course:feedback.right' : 'course:feedback.wrong'),
  );
}

/** The answer key of one question: every choice, the right ones marked, with its explanation. */
function questionKey({ question, choices }: Asked, n: number, total: number, result: QuizResult | null): HTMLElement {
  const answered = result?.questions.find((q) => q.question === question.id);
  const chosen = answered?.chosen ?? [];
  return h(
    'section',
    {
      class: `course-question-feedback ${answered ? (answered.right ? 'is-right' : 'is-wrong') : ''}`,
      'aria-labelledby': `${question.id}--result`,
    },
    h(
      'h3',
      { id: `${question.id}--result` },
      t('course:quiz.questionResult', { n, total }),
      answered ? ' ' : '',
      answered ? verdict(answered.right) : '',
    ),
    h('p', {}, localize(question.prompt)),
    h(
      'ul',
      { class: 'course-feedback' },
      ...choices.map((choice) =>
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

function revisitList(module: CourseModule, lessons: string[]): HTMLElement | null {
  if (lessons.length === 0) return null;
  return h(
    'section',
    { class: 'course-revisit', 'aria-labelledby': 'course-revisit-title' },
    h('h2', { id: 'course-revisit-title' }, t('course:quiz.revisit')),
    h(
      'ul',
      {},
      ...lessons.map((id) => {
        const lesson = module.lessons.find((l) => l.id === id);
        return h(
          'li',
          {},
          h('a', { href: pageHref({ kind: 'lesson', module: module.id, lesson: id }) }, lesson ? localize(lesson.title) : id),
        );
      }),
    ),
  );
}

function attemptsText(args: PageArgs, module: CourseModule): string {
  const left = attemptsLeft(args.snapshot.context.progress, module.id, args.policy);
  return left === null ? t('course:quiz.attemptsFree') : t('course:quiz.attemptsLeft', { count: left });
}

function resultSummary(result: QuizResult, module: CourseModule, args: PageArgs, keyShown: boolean): HTMLElement {
  const { course, policy, send } = args;
  const left = attemptsLeft(args.snapshot.context.progress, module.id, policy);
  const verdictKey = result.passed ? 'course:quiz.passed' : left === 0 ? 'course:quiz.failedLast' : 'course:quiz.failed';
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
    h('p', { class: 'course-result-verdict' }, t(verdictKey, { passMark: course.passMark })),
    result.passed || keyShown ? null : h('p', {}, t('course:quiz.keyLater')),
    left === null || result.passed ? null : h('p', {}, attemptsText(args, module)),
    h(
      'p',
      { class: 'course-actions' },
      result.passed
        ? h('button', { type: 'button', class: 'button', onclick: () => send({ type: 'CONTINUE' }) }, t('course:quiz.continue'))
        : null,
      left !== 0
        ? h(
            'button',
            { type: 'button', class: result.passed ? 'button-quiet' : 'button', onclick: () => send({ type: 'RETRY' }) },
            t(result.passed ? 'course:quiz.retry' : 'course:quiz.retryNew'),
          )
        : null,
    ),
  );
}

export function quizPage(args: PageArgs, module: CourseModule): RenderedPage {
  const { course, snapshot, policy } = args;
  const progress = snapshot.context.progress;
  const title = pageName(course, { kind: 'quiz', module: module.id });
  const record = progress.quizzes[module.id];
  const sheet = snapshot.context.sheet ?? quizSheet(module, progress.seed ?? 0, record?.attempts ?? 0);
  const asked = askedQuestions(module, sheet);
  const total = asked.length;
  const result = snapshot.matches({ quiz: 'submitted' }) ? snapshot.context.quizResult : null;
  const body: (HTMLElement | null)[] = [];

  if (snapshot.matches({ quiz: 'exhausted' })) {
    // The key of the last attempt's sheet: nothing is left to copy it into.
    const last = askedQuestions(module, quizSheet(module, progress.seed ?? 0, Math.max(0, (record?.attempts ?? 1) - 1)));
    body.push(
      h('p', { class: 'notice', role: 'note' }, t('course:quiz.exhausted', { count: policy.maxAttempts ?? 0 })),
      h('h2', {}, t('course:feedback.key')),
      ...last.map((a, i) => questionKey(a, i + 1, last.length, null)),
    );
  } else if (result) {
    const keyShown = answerKeyShown(result, progress, policy);
    body.push(resultSummary(result, module, args, keyShown));
    if (keyShown) {
      body.push(h('h2', {}, t('course:feedback.key')), ...asked.map((a, i) => questionKey(a, i + 1, total, result)));
    } else {
      // Not even which questions were right: that would be the key of those questions for a later sheet.
      body.push(revisitList(module, lessonsToRevisit(module, result)));
    }
  } else {
    const draft = snapshot.context.draft;
    const missing = snapshot.context.missing;
    if (missing.length > 0) {
      body.push(
        missingSummary(
          t('course:quiz.missing'),
          missing.map((id) => ({
            id,
            label: t('course:quiz.questionShort', { n: asked.findIndex((a) => a.question.id === id) + 1 }),
          })),
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
        ...asked.map((a, i) => questionFieldset(a, i + 1, total, draft[a.question.id] ?? [], args)),
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
    h(
      'p',
      { class: 'lead' },
      t('course:quiz.intro', { total: module.quiz.draw, bank: module.quiz.questions.length, passMark: course.passMark }),
      ' ',
      attemptsText(args, module),
    ),
    record ? h('p', { class: 'course-meta' }, t('course:quiz.record', { best: record.best, count: record.attempts })) : null,
    ...body,
    pager(args, { kind: 'quiz', module: module.id }, 'course:nav.next'),
  );
  return { title, node };
}
