/** The form that names a finished attempt (structure, commune, respondent: all optional), on its results page. */
import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { TestPageDeps } from './page.ts';
import { type Attempt, type AttemptName, MAX_NAME_PART, renameAttempt } from './storage.ts';

const PARTS = ['structure', 'commune', 'respondent'] as const;

export function nameForm(deps: TestPageDeps, attempt: Attempt): HTMLElement {
  const inputs = PARTS.map((part) =>
    h('input', {
      type: 'text',
      id: `attempt-name-${part}`,
      name: part,
      maxlength: String(MAX_NAME_PART * 2),
      autocomplete: 'off',
      value: attempt.name?.[part] ?? '',
    }),
  );
  inputs.forEach((input, i) => {
    input.value = attempt.name?.[PARTS[i] ?? 'structure'] ?? '';
  });
  const status = h('p', { class: 'test-inline-status', role: 'status', id: 'attempt-name-status' });
  return h(
    'form',
    {
      class: 'attempt-name test-no-print',
      'aria-labelledby': 'attempt-name-title',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const name: AttemptName = {};
        PARTS.forEach((part, i) => {
          name[part] = inputs[i]?.value ?? '';
        });
        const result = renameAttempt(deps.ctx.store, deps.content, attempt.id, name);
        if (!result) {
          status.textContent = t('test:name.missing');
          return;
        }
        deps.ctx.reportStore(result);
        if (result.ok) deps.refresh(t('test:name.saved'));
      },
    },
    h('h2', { id: 'attempt-name-title' }, t('test:name.title')),
    h('p', { class: 'hint' }, t('test:name.hint')),
    h(
      'div',
      { class: 'attempt-name-fields' },
      ...PARTS.map((part, i) =>
        h('p', { class: 'field' }, h('label', { for: `attempt-name-${part}` }, t(`test:name.${part}`)), inputs[i] ?? null),
      ),
    ),
    h('p', { class: 'test-actions' }, h('button', { type: 'submit', class: 'button-quiet' }, t('test:name.save'))),
    status,
  );
}
