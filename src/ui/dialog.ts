/** Accessible confirmation and information dialogs built on <dialog>. */
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

export function confirmDialog(message: string): Promise<boolean> {
  return new Promise((resolve) => {
    const opener = document.activeElement as HTMLElement | null;
    const dialog = h('dialog', { class: 'confirm-dialog', 'aria-describedby': 'confirm-message' });
    const finish = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      opener?.focus();
      resolve(answer);
    };
    const ok = h('button', { type: 'button', class: 'button', onclick: () => finish(true) }, t('game:actions.confirm'));
    const cancel = h('button', { type: 'button', class: 'button-quiet', onclick: () => finish(false) }, t('game:actions.cancel'));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.append(h('p', { id: 'confirm-message' }, message), h('div', { class: 'dialog-actions' }, cancel, ok));
    document.body.append(dialog);
    dialog.showModal();
    // Every confirmation here guards something that cannot be undone (a deletion, the end of a game, a seat
    // taken away): a stray Enter must not confirm it.
    cancel.focus();
  });
}

/** Offers a text as a file download, without any network request. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
