/**
 * The facilitator's notes in the debrief: the moments the facilitator kept to
 * bring up with the room. Shown on the table and the console only (the caller
 * decides), and printed on a page of their own after the teams' sheets.
 */
import type { GameState } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { notesList } from '../table/notes-panel.ts';

export function debriefNotes(game: GameState, print: boolean): HTMLElement {
  return h(
    print ? 'article' : 'section',
    { class: print ? 'debrief-sheet debrief-notes-sheet' : 'debrief-notes' },
    h('h2', {}, t('debrief:notes.title')),
    print ? null : h('p', {}, t('debrief:notes.intro')),
    notesList(game.notes),
  );
}
