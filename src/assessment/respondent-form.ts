/**
 * "I answer for": the choice of respondent on the test's home, before question
 * 1, and the way to change it while an attempt is under way. Every choice is an
 * event to the assessment machine; the form only shows what the machine holds.
 */
import { t } from '../i18n/index.ts';
import { confirmDialog } from '../ui/dialog.ts';
import { h } from '../ui/dom.ts';
import { askedQuestions, isRespondent, RESPONDENTS, type Respondent } from './content.ts';
import type { AssessmentSnapshot } from './controller.ts';
import { respondentFor } from './format.ts';
import { startNewAttempt, type TestPageDeps } from './page.ts';
import { answeredCount, answersKept } from './progress.ts';

export interface RespondentForm {
  element: HTMLElement;
  /** Shows the machine's respondent and its notice. */
  update(snapshot: AssessmentSnapshot): void;
}

/** Changes who answers, after saying which answers go and which stay (none go: no question asked). */
async function change(deps: TestPageDeps, to: Respondent): Promise<void> {
  const { controller } = deps;
  const { answers, respondent: from } = controller.snapshot().context;
  if (from === to) return;
  const given = answeredCount(answers);
  const kept = answeredCount(answersKept(controller.pages, answers, from, to));
  const who = respondentFor(to);
  const message = t('test:respondent.confirmChange', { count: given - kept, kept, who });
  if (given > kept && !(await confirmDialog(message))) return;
  controller.send({ type: 'CHOOSE_RESPONDENT', respondent: to });
  deps.refresh(t('test:respondent.changed', { count: kept, who }));
}

export function respondentForm(deps: TestPageDeps, underWay: boolean): RespondentForm {
  const { controller, content } = deps;
  const radios = RESPONDENTS.map((r) =>
    h('input', {
      type: 'radio',
      name: 'respondent',
      id: `respondent-${r}`,
      value: r,
      'aria-describedby': `respondent-${r}-desc`,
    }),
  );
  const notice = h(
    'p',
    { class: 'notice test-respondent-notice', id: 'respondent-notice', tabindex: -1, hidden: true },
    t('test:respondent.missing'),
  );
  // Before an attempt, a choice is sent at once (nothing to lose); under way, only on "Change", after a warning.
  if (!underWay)
    for (const radio of radios)
      radio.addEventListener('change', () => {
        if (radio.checked && isRespondent(radio.value)) controller.send({ type: 'CHOOSE_RESPONDENT', respondent: radio.value });
      });
  const options = RESPONDENTS.map((r, i) =>
    h(
      'div',
      { class: 'answer-option' },
      radios[i] ?? null,
      h(
        'label',
        { for: `respondent-${r}` },
        h('span', { class: 'answer-level' }, t(`test:respondent.label.${r}`)),
        h(
          'span',
          { class: 'answer-text', id: `respondent-${r}-desc` },
          `${t(`test:respondent.describe.${r}`)} ${t('test:respondent.count', { count: askedQuestions(content, r).length })}`,
        ),
      ),
    ),
  );
  const start = h('button', { type: 'submit', class: 'button' }, t('test:intro.start'));
  const changeButton = h('button', { type: 'submit', class: 'button-quiet' }, t('test:respondent.change'));
  const element = h(
    'form',
    {
      class: 'test-respondent-form',
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (!underWay) {
          if (!startNewAttempt(controller)) notice.focus();
          return;
        }
        const chosen = radios.find((r) => r.checked)?.value;
        if (isRespondent(chosen)) void change(deps, chosen);
      },
    },
    h(
      'fieldset',
      { class: 'question', 'aria-describedby': 'respondent-hint' },
      h('legend', {}, t('test:respondent.legend')),
      h(
        'p',
        { class: 'question-help', id: 'respondent-hint' },
        t(underWay ? 'test:respondent.hintUnderWay' : 'test:respondent.hint'),
      ),
      h('div', { class: 'answer-options' }, ...options),
    ),
    notice,
    h('p', { class: 'test-actions' }, underWay ? changeButton : start),
  );
  const update = (snapshot: AssessmentSnapshot) => {
    const { respondent, respondentNotice } = snapshot.context;
    radios.forEach((radio) => {
      radio.checked = radio.value === respondent;
    });
    notice.hidden = !respondentNotice || respondent !== null;
    // The notice is part of the group's description while it shows, so a screen reader hears it on the radios.
    element
      .querySelector('fieldset')
      ?.setAttribute('aria-describedby', notice.hidden ? 'respondent-hint' : 'respondent-hint respondent-notice');
  };
  update(controller.snapshot());
  return { element, update };
}
