/**
 * The facilitator's notes: logged like every change to a game, so that they
 * survive a reload, reach the console's other windows and come back with an
 * import, but read by no rule and stripped from what the room's devices see.
 */
import { evolve } from './clone.ts';
import type { ActionError } from './game.ts';
import type { FacilitatorNote, GameEvent, GameState } from './types.ts';

/**
 * Longest note, in code points: a debrief reminder, not a report. Code points, not what a person
 * sees as one character (an emoji joined from several, a flag, counts several): every engine counts
 * them alike, so a note the browser kept replays on the server.
 */
export const MAX_NOTE_LENGTH = 500;

type NoteEvent = Extract<GameEvent, { type: 'note' }>;

/**
 * The text as the game keeps it: line ends made one kind, control characters
 * (C0, DEL and C1, other than line ends and tabs) dropped, blank edges trimmed. Anything else
 * (markup, right-to-left text, emoji) is kept as typed: views write it as text.
 */
export function noteText(text: string): string {
  let kept = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) ?? 0;
    if ((code >= 0x20 && (code < 0x7f || code > 0x9f)) || char === '\n' || char === '\t') kept += char;
  }
  return kept.trim();
}

/** The kept text's length in code points (not UTF-16 units). */
export function noteLength(text: string): number {
  return [...noteText(text)].length;
}

/** Null when the note can be kept, else why not. */
export function validateNote(event: NoteEvent): ActionError | null {
  if (event.by !== undefined) return 'facilitator-only';
  const length = noteLength(event.text);
  if (length === 0) return 'empty-note';
  return length > MAX_NOTE_LENGTH ? 'note-too-long' : null;
}

/** The round the room is in: during the review the engine has already counted the next year. */
export function roundInPlay(state: GameState): number {
  return Math.max(1, Math.min(state.phase === 'evaluate' ? state.round - 1 : state.round, state.rounds));
}

/** Adds a checked note; nothing else of the game changes. */
export function addNote(state: GameState, event: NoteEvent): GameState {
  const note: FacilitatorNote = {
    round: roundInPlay(state),
    phase: state.over ? 'debrief' : state.phase,
    at: event.at,
    text: noteText(event.text),
  };
  return evolve(state, { notes: [...state.notes, note] });
}
