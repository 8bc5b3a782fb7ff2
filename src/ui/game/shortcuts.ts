/** Keyboard shortcuts of the game, and the dialog that lists them. */
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

const KEYS = ['continue', 'pass', 'back', 'facilitator', 'pause', 'map', 'help'] as const;

/** Single-key shortcuts, ignored while typing in a field or with a modifier held. */
export function installShortcuts(handler: { run(key: string): boolean }): () => void {
  const listener = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, select, textarea, [contenteditable="true"], dialog')) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : '';
    if (key && handler.run(key)) event.preventDefault();
  };
  document.addEventListener('keydown', listener);
  return () => document.removeEventListener('keydown', listener);
}

export function helpDialog(): void {
  const opener = document.activeElement as HTMLElement | null;
  const close = h('button', { type: 'button', class: 'button' }, t('game:actions.close'));
  const dialog = h(
    'dialog',
    { class: 'help-dialog', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, t('game:help.title')),
    h('p', {}, t('game:help.intro')),
    h('ul', {}, ...KEYS.map((k) => h('li', {}, t(`game:help.${k}`)))),
    h('div', { class: 'dialog-actions' }, close),
  );
  const finish = () => {
    dialog.close();
    dialog.remove();
    opener?.focus();
  };
  close.addEventListener('click', finish);
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener?.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
