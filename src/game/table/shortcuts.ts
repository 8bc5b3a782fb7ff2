/**
 * Keyboard shortcuts of the game as one table of actions: its key, its label,
 * when it applies; the handler and the help dialog both read it.
 */
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { GameView } from '../session/controller.ts';

export type ShortcutAction = 'continue' | 'pass' | 'back' | 'facilitator' | 'pause' | 'map' | 'help';

export interface ShortcutContext {
  view: GameView;
  /** The facilitator's controls are shown on this screen. */
  facilitator: boolean;
  /** Which face of the game this window is (the table when absent). */
  face?: 'table' | 'screen' | 'facilitator' | 'team';
  /** The round's own panel is this face's now (always on the table). */
  plays?: boolean;
}

export interface Shortcut {
  key: string;
  action: ShortcutAction;
  /** Locale key of its line in the help. */
  label: string;
  when(ctx: ShortcutContext): boolean;
}

const playing = ({ view }: ShortcutContext) => view.status === 'playing';
const moving = (ctx: ShortcutContext) => playing(ctx) && !ctx.view.paused && ctx.plays !== false;
// N moves the round on where everyone reads together; a team's own choices (plan, funding) take their own keys.
const SHARED_PHASES = new Set(['diagnose', 'implement', 'shock', 'evaluate']);

export const GAME_SHORTCUTS: readonly Shortcut[] = [
  { key: 'n', action: 'continue', label: 'game:help.continue', when: (c) => moving(c) && SHARED_PHASES.has(c.view.phase ?? '') },
  {
    key: 'p',
    action: 'pass',
    label: 'game:help.pass',
    when: (c) => moving(c) && (c.view.phase === 'plan' || c.view.phase === 'fund'),
  },
  { key: 'b', action: 'back', label: 'game:help.back', when: (c) => moving(c) && c.view.phase === 'fund' },
  { key: 'f', action: 'facilitator', label: 'game:help.facilitator', when: (c) => playing(c) && (c.face ?? 'table') === 'table' },
  { key: 'k', action: 'pause', label: 'game:help.pause', when: (c) => playing(c) && c.facilitator },
  { key: 'm', action: 'map', label: 'game:help.map', when: () => true },
  { key: '?', action: 'help', label: 'game:help.help', when: () => true },
];

/** The shortcut a key runs now, if any applies. */
export function shortcutFor(key: string, ctx: ShortcutContext): Shortcut | null {
  const shortcut = GAME_SHORTCUTS.find((s) => s.key === key);
  return shortcut?.when(ctx) ? shortcut : null;
}

/** Inputs that take no typed letter (a ticked lever, a partner's box): the shortcuts work from them. */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

function typesText(target: HTMLElement | null): boolean {
  return target instanceof HTMLInputElement && !NOT_TYPED.has(target.type);
}

/** Single-key shortcuts, ignored while typing in a field or with a modifier held. */
export function installShortcuts(handler: { run(key: string): boolean }): () => void {
  const listener = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('select, textarea, [contenteditable="true"], dialog') || typesText(target)) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : '';
    if (key && handler.run(key)) event.preventDefault();
  };
  document.addEventListener('keydown', listener);
  return () => document.removeEventListener('keydown', listener);
}

export function helpDialog(ctx: ShortcutContext): void {
  const opener = document.activeElement as HTMLElement | null;
  const close = h('button', { type: 'button', class: 'button' }, t('game:actions.close'));
  const dialog = h(
    'dialog',
    { class: 'help-dialog', 'aria-labelledby': 'help-title' },
    h('h2', { id: 'help-title' }, t('game:help.title')),
    h('p', {}, t('game:help.intro')),
    h(
      'ul',
      {},
      ...GAME_SHORTCUTS.map((s) =>
        h(
          'li',
          { 'data-key': s.key, class: s.when(ctx) ? undefined : 'shortcut-unavailable' },
          t(s.label),
          s.when(ctx) ? null : ` (${t('game:help.notNow')})`,
        ),
      ),
    ),
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
