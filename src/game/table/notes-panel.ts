/**
 * The facilitator's notes on the console: a field to write one, and every note
 * with its round, phase and time. A note is a logged event (see engine/notes.ts),
 * so it survives a reload and reaches the console's other windows; the room's
 * faces (projector, seats) never render them.
 */
import { MAX_NOTE_LENGTH, noteLength, validateNote } from '../../engine/index.ts';
import type { FacilitatorNote } from '../../engine/types.ts';
import { currentLanguage, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { ViewEvent } from '../session/controller.ts';
import './notes.css';

/** What is being typed: the panel is redrawn on every change of the game, the words must not go with it. */
export interface NoteDraft {
  text: string;
  selection: [number, number];
}

export const emptyDraft = (): NoteDraft => ({ text: '', selection: [0, 0] });

/** The note's clock time, in the reader's language. */
function noteTime(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' }).format(
    date,
  );
}

/** The notes, oldest first: round, phase and time, then the words as typed (text, never markup). */
export function notesList(notes: readonly FacilitatorNote[]): HTMLElement {
  if (notes.length === 0) return h('p', { class: 'notes-none' }, t('game:notes.none'));
  return h(
    'ol',
    { class: 'notes-list' },
    ...notes.map((note) =>
      h(
        'li',
        { class: 'note' },
        h(
          'p',
          { class: 'note-meta' },
          t('game:notes.meta', {
            round: note.round,
            phase: note.phase === 'debrief' ? t('game:notes.debrief') : t(`game:phase.${note.phase}`),
          }),
          ' · ',
          h('time', { datetime: note.at }, noteTime(note.at)),
        ),
        h('p', { class: 'note-text' }, note.text),
      ),
    ),
  );
}

export function notesPanel(notes: readonly FacilitatorNote[], draft: NoteDraft, send: (event: ViewEvent) => void): HTMLElement {
  const field = h('textarea', { id: 'note-text', rows: 3, 'aria-describedby': 'note-hint note-length note-error' });
  field.value = draft.text;
  field.setSelectionRange(...draft.selection);
  const length = h('p', { id: 'note-length', class: 'hint' });
  const error = h('p', { id: 'note-error', class: 'form-error', role: 'alert' });
  const showLength = () => {
    const count = noteLength(field.value);
    length.textContent = t('game:notes.length', { count, max: MAX_NOTE_LENGTH });
    length.classList.toggle('over', count > MAX_NOTE_LENGTH);
  };
  const keep = () => {
    draft.text = field.value;
    draft.selection = [field.selectionStart, field.selectionEnd];
  };
  field.addEventListener('input', () => {
    keep();
    showLength();
    if (error.textContent) {
      error.textContent = '';
      field.removeAttribute('aria-invalid');
    }
  });
  field.addEventListener('select', keep);
  field.addEventListener('keyup', keep);
  field.addEventListener('click', keep);
  showLength();

  const add = () => {
    // The engine's own check, so the console says what the rules would refuse, in words.
    const reason = validateNote({ type: 'note', text: field.value, at: '' });
    if (reason) {
      error.textContent = t('game:notes.refused', { reason: t(`game:errors.${reason}`, { max: MAX_NOTE_LENGTH }) });
      field.setAttribute('aria-invalid', 'true');
      field.focus();
      return;
    }
    send({ type: 'NOTE', text: field.value, at: new Date().toISOString() });
    Object.assign(draft, emptyDraft());
    field.value = '';
    showLength();
  };
  // Ctrl+Enter adds the note without leaving the field.
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      add();
    }
  });

  return h(
    'section',
    { class: 'facilitator-notes', 'aria-labelledby': 'notes-title' },
    h('h3', { id: 'notes-title' }, t('game:notes.title')),
    h('p', { id: 'note-hint', class: 'hint' }, t('game:notes.hint', { max: MAX_NOTE_LENGTH })),
    h('p', { class: 'field' }, h('label', { for: 'note-text' }, t('game:notes.label')), field),
    length,
    error,
    h('button', { type: 'button', class: 'button', id: 'note-add', onclick: add }, t('game:notes.add')),
    notesList(notes),
  );
}
