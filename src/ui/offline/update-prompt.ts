/** The prompt shown when a new version of the kit is waiting: it changes nothing until asked. */
import { t } from '../../i18n/index.ts';
import { clear, h } from '../dom.ts';

export interface UpdatePrompt {
  show(apply: () => Promise<void>): void;
  relocalize(): void;
}

export function createUpdatePrompt(slot: HTMLElement, announce: (message: string) => void): UpdatePrompt {
  let apply: (() => Promise<void>) | null = null;

  function render() {
    clear(slot);
    if (!apply) {
      slot.hidden = true;
      return;
    }
    const run = apply;
    slot.hidden = false;
    const now = h('button', { type: 'button', class: 'button' }, t('offline:update.apply'));
    now.addEventListener('click', () => {
      now.disabled = true;
      void run();
    });
    const later = h('button', { type: 'button', class: 'button-quiet' }, t('offline:update.later'));
    later.addEventListener('click', () => {
      apply = null;
      render();
      announce(t('offline:update.postponed'));
    });
    slot.append(
      h(
        'section',
        { class: 'update-prompt', 'aria-labelledby': 'update-title' },
        h('h2', { id: 'update-title' }, t('offline:update.title')),
        h('p', {}, t('offline:update.text')),
        h('div', { class: 'dialog-actions' }, now, later),
      ),
    );
  }

  slot.hidden = true;
  return {
    show(next) {
      apply = next;
      render();
      announce(t('offline:update.title'));
    },
    relocalize: render,
  };
}
