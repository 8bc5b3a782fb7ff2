/**
 * The dismissable messages under a shell's header. A message given as a
 * function is written again when the language changes; a message with a
 * topic replaces the one before it on that topic (a second refused import
 * says why that file was refused, it does not pile up under the first).
 */
import { t } from '../i18n/index.ts';
import { h } from './dom.ts';

/** A translated message, or what translates it again in the language of the moment. */
export type Notice = string | (() => string);

interface Shown {
  item: HTMLElement;
  text: HTMLElement;
  dismiss: HTMLElement;
  message: Notice;
  topic: string | undefined;
}

export class MessageList {
  private shown: Shown[] = [];

  constructor(readonly root: HTMLElement) {}

  add(message: Notice, kind: 'error' | 'info', topic?: string): void {
    const words = typeof message === 'function' ? message() : message;
    // The same words twice, or the same topic again: the new message takes the old one's place.
    for (const old of this.shown.filter((s) => (topic !== undefined && s.topic === topic) || s.text.textContent === words))
      this.remove(old);
    const text = h('span', {}, words);
    const dismiss = h('button', { type: 'button', class: 'button-quiet', 'aria-label': t('errors.dismiss') }, '×');
    const shown: Shown = { item: h('p', { class: `message message-${kind}` }, text, dismiss), text, dismiss, message, topic };
    dismiss.addEventListener('click', () => this.remove(shown));
    this.shown.push(shown);
    this.root.append(shown.item);
  }

  relocalize(): void {
    for (const s of this.shown) {
      if (typeof s.message === 'function') s.text.textContent = s.message();
      s.dismiss.setAttribute('aria-label', t('errors.dismiss'));
    }
  }

  private remove(shown: Shown): void {
    shown.item.remove();
    this.shown = this.shown.filter((s) => s !== shown);
  }
}
