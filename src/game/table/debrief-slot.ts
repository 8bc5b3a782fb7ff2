/**
 * Where a finished game's debrief goes on each face: the projector shows the
 * room one group summary; the table, the seats and the console the full
 * debrief (with the facilitator's notes on the table and the console). Both
 * load, with the debrief's words, when a game reaches its end.
 */
import type { GameState, Scenario } from '../../engine/types.ts';
import { loadNamespace, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { Face } from './faces.ts';

/** `focus`: the debrief's title takes the keyboard focus once shown (the game just ended under the player's hands). */
export function showDebrief(
  slot: HTMLElement,
  face: Face,
  game: GameState,
  scenario: Scenario,
  gone: () => boolean,
  focus = false,
): void {
  slot.replaceChildren();
  const focusTitle = () => {
    if (focus) slot.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus({ preventScroll: true });
  };
  if (face.kind === 'screen') {
    void Promise.all([import('../debrief/group-summary.ts'), loadNamespace('debrief')]).then(([{ groupSummary }]) => {
      if (gone()) return;
      slot.replaceChildren(groupSummary(game, scenario));
      focusTitle();
    });
    return;
  }
  void Promise.all([import('../debrief/debrief-view.ts'), loadNamespace('debrief')]).then(([{ renderDebrief }]) => {
    if (gone()) return;
    slot.replaceChildren();
    renderDebrief(slot, { game, scenario, notes: face.kind === 'table' || face.kind === 'facilitator' });
    slot.append(
      h('p', { class: 'panel-actions' }, h('a', { href: '#/game', class: 'button' }, t('game:debriefActions.newGame'))),
    );
    focusTitle();
  });
}
