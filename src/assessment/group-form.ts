/** On the test's home: choose the attempts of several respondents to merge into a group result. */
import { t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { Assessment } from './content.ts';
import { attemptLabel } from './format.ts';
import { groupHref, MAX_GROUP, MIN_GROUP } from './group.ts';
import type { Attempt } from './storage.ts';

export function groupForm(content: Assessment, attempts: readonly Attempt[], go: (href: string) => void): HTMLElement | null {
  if (attempts.length < MIN_GROUP) return null;
  const boxes = attempts.map((a) => h('input', { type: 'checkbox', id: `group-${a.id}`, value: a.id }));
  const status = h('p', { class: 'test-inline-status status-error', id: 'group-status', role: 'status' });
  return h(
    'form',
    {
      class: 'test-group-form',
      'aria-labelledby': 'group-form-title',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const ids = boxes.filter((b) => b.checked).map((b) => b.value);
        if (ids.length < MIN_GROUP || ids.length > MAX_GROUP) {
          status.textContent = t('test:group.choose', { min: MIN_GROUP, max: MAX_GROUP });
          boxes[0]?.focus();
          return;
        }
        go(groupHref(ids));
      },
    },
    h('h2', { id: 'group-form-title' }, t('test:group.formTitle')),
    h('p', {}, t('test:group.formIntro')),
    h(
      'fieldset',
      {},
      h('legend', {}, t('test:group.legend')),
      ...attempts.map((a, i) =>
        h('p', { class: 'field-check' }, boxes[i] ?? null, h('label', { for: `group-${a.id}` }, attemptLabel(content, a))),
      ),
    ),
    h('p', { class: 'test-actions' }, h('button', { type: 'submit', class: 'button-quiet' }, t('test:group.submit'))),
    status,
  );
}
