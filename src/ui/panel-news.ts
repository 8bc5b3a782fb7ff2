/**
 * Status lines in a panel drawn afresh at each change. A live region that
 * arrives in the page with its text already in it is not read out by screen
 * readers, so such a line is shown in its panel but not live there
 * (`panelStatus`), and a PanelNews, one live region that stays in the page,
 * says each line that was not there the time before.
 */
import { h } from './dom.ts';

export function panelStatus(text: string): HTMLElement {
  return h('p', { role: 'status', 'aria-live': 'off', 'data-news': '' }, text);
}

export class PanelNews {
  readonly region = h('p', { class: 'visually-hidden panel-news', role: 'status' });
  /** Each line shown after the last drawing, with how many times it is shown (two levers may say the same). */
  private shown = new Map<string, number>();

  private first = true;

  /**
   * After the panels were drawn: says what their status lines say anew. What
   * the page opens on, and lines written again in another language, are
   * recorded without being said (`say` false).
   */
  observe(panels: readonly HTMLElement[], say = true): void {
    const now = new Map<string, number>();
    const fresh: string[] = [];
    for (const panel of panels) {
      for (const line of panel.querySelectorAll('[data-news]')) {
        const text = line.textContent ?? '';
        if (!text) continue;
        const count = (now.get(text) ?? 0) + 1;
        now.set(text, count);
        if (count > (this.shown.get(text) ?? 0)) fresh.push(text);
      }
    }
    this.shown = now;
    if (fresh.length > 0 && say && !this.first) this.region.textContent = fresh.join(' ');
    this.first = false;
  }
}
