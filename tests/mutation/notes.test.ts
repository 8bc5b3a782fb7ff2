/**
 * notes.ts: the facilitator's notes: how their text is kept (line ends, control
 * characters, trimmed edges, anything else as typed), counted (code points) and
 * checked (the facilitator only, 1 to 500 characters), and the round and phase
 * each is filed under. Fixture numbers in fixture.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/engine/flow.ts';
import { GameRuleError } from '../../src/engine/game.ts';
import { addNote, noteLength, noteText, roundInPlay, validateNote } from '../../src/engine/notes.ts';
import type { GameEvent, GameState, Scenario } from '../../src/engine/types.ts';
import { CONTINUE, makeScenario, planGame } from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object, and each test must build its own caches. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});

type Note = Extract<GameEvent, { type: 'note' }>;
const AT = '2025-03-14T09:30:00.000Z';
const note = (text: string, by?: string): Note => ({ type: 'note', text, at: AT, ...(by === undefined ? {} : { by }) });
const SKIP: GameEvent = { type: 'skip-phase' };

function play(state: GameState, ...events: GameEvent[]): GameState {
  let next = state;
  for (const event of events) next = applyEvent(next, s, event);
  return next;
}

describe('the text as kept', () => {
  it('makes every line end a line feed: CR LF and a lone CR alike', () => {
    expect(noteText('one\r\ntwo\rthree\nfour')).toBe('one\ntwo\nthree\nfour');
    // CR, then CR LF: two line ends, not three.
    expect(noteText('a\r\r\nb')).toBe('a\n\nb');
    expect(noteText('a\n\rb')).toBe('a\n\nb');
  });

  it('drops control characters but line feeds and tabs; keeps spaces and every printable character', () => {
    expect(noteText('a\u0000b\u0007c\u0008d\u000be\u000cf\u001bg\u001fh\u007fi')).toBe('abcdefghi');
    expect(noteText('team\t3 said:\nyes ~ no')).toBe('team\t3 said:\nyes ~ no');
    expect(noteText('!')).toBe('!');
    // C1 controls (U+0080 to U+009F, such as U+0085 next line) go too; U+00A0 (no-break space) and U+00A1 stay.
    expect(noteText('a\u0080b\u0085c\u009fd\u00a0e\u00a1f')).toBe('abcd\u00a0e\u00a1f');
  });

  it('trims blank edges at both ends, after dropping control characters', () => {
    expect(noteText(' \t\r\n  the flood, round 2 \n\t ')).toBe('the flood, round 2');
    expect(noteText('\u0000 hello \u0007')).toBe('hello');
    expect(noteText('  a  b  ')).toBe('a  b');
  });

  it('keeps markup, accents (composed or combining), right-to-left text and emoji as typed', () => {
    const typed = '<b>café</b> cafe\u0301 \u05e9\u05dc\u05d5\u05dd 🌊🔥 &amp; "quoted"';
    expect(noteText(typed)).toBe(typed);
  });

  it('is empty for a text of blanks and control characters only', () => {
    expect(noteText('')).toBe('');
    expect(noteText(' \r\n\t\u0000\u001f\u007f ')).toBe('');
  });
});

describe('counting characters', () => {
  it('counts code points of the kept text, not UTF-16 units', () => {
    expect(noteLength('abc')).toBe(3);
    // Each emoji is two UTF-16 units, one code point.
    expect(noteLength('🌊🔥')).toBe(2);
    // e + combining acute accent: two code points.
    expect(noteLength('cafe\u0301')).toBe(5);
    // Kept: "a\nb" (CR LF made one line feed, NUL dropped, edges trimmed).
    expect(noteLength('  a\u0000\r\nb \t')).toBe(3);
    expect(noteLength(' \u0000 ')).toBe(0);
  });
});

describe('checking a note', () => {
  it('takes a note of 1 to 500 characters from the facilitator', () => {
    expect(validateNote(note('a'))).toBeNull();
    expect(validateNote(note('x'.repeat(500)))).toBeNull();
    expect(validateNote(note('x'.repeat(501)))).toBe('note-too-long');
    expect(validateNote(note('x'.repeat(100_000)))).toBe('note-too-long');
  });

  it('counts the limit on the kept text, in code points', () => {
    // 500 emoji are 1000 UTF-16 units, 500 characters.
    expect(validateNote(note('🔥'.repeat(500)))).toBeNull();
    expect(validateNote(note('🔥'.repeat(501)))).toBe('note-too-long');
    // 250 x (e + combining accent) = 500 code points; 251 x = 502.
    expect(validateNote(note('e\u0301'.repeat(250)))).toBeNull();
    expect(validateNote(note('e\u0301'.repeat(251)))).toBe('note-too-long');
    // Blank edges and control characters are not counted.
    expect(validateNote(note(`  \r\n${'x'.repeat(500)}\t \u0000`))).toBeNull();
    expect(validateNote(note(`${'x'.repeat(250)}\u0007\u0007${'x'.repeat(250)}`))).toBeNull();
    // CR LF counts once: 249 + 1 + 250 = 500.
    expect(validateNote(note(`${'x'.repeat(249)}\r\n${'x'.repeat(250)}`))).toBeNull();
  });

  it('refuses an empty note, or one of blanks and control characters only', () => {
    expect(validateNote(note(''))).toBe('empty-note');
    expect(validateNote(note(' \r\n\t\u0000\u007f '))).toBe('empty-note');
  });

  it('refuses a note written by a team, whatever its text', () => {
    expect(validateNote(note('we pool the wells', 'team-1'))).toBe('facilitator-only');
    expect(validateNote(note('', 'team-2'))).toBe('facilitator-only');
    expect(validateNote(note('x'.repeat(501), ''))).toBe('facilitator-only');
  });
});

describe('the round in play', () => {
  it("is the state's round, but the one just played during the review (the engine has counted the next)", () => {
    const g = planGame(s, 2);
    expect(roundInPlay({ ...g, round: 3, phase: 'plan' })).toBe(3);
    expect(roundInPlay({ ...g, round: 3, phase: 'diagnose' })).toBe(3);
    expect(roundInPlay({ ...g, round: 3, phase: 'shock' })).toBe(3);
    expect(roundInPlay({ ...g, round: 3, phase: 'evaluate' })).toBe(2);
    // The review of the last round (5 of 5): round already counted as 6.
    expect(roundInPlay({ ...g, round: 6, phase: 'evaluate' })).toBe(5);
  });

  it('stays within round 1 to the last round', () => {
    const g = planGame(s, 2);
    expect(roundInPlay({ ...g, round: 1, phase: 'evaluate' })).toBe(1);
    expect(roundInPlay({ ...g, round: 7, phase: 'diagnose' })).toBe(5);
    expect(roundInPlay({ ...g, round: 7, phase: 'evaluate' })).toBe(5);
    expect(roundInPlay({ ...g, round: 4, rounds: 3, phase: 'plan' })).toBe(3);
  });
});

describe('adding a note', () => {
  it('files the kept text with its round, phase and time after the notes already written; nothing else changes', () => {
    const g = { ...planGame(s, 2), round: 2 };
    const first = addNote(g, note('  team 1 hesitates\r\n'));
    expect(first).toEqual({ ...g, notes: [{ round: 2, phase: 'plan', at: AT, text: 'team 1 hesitates' }] });
    expect(g.notes).toEqual([]);
    const second = addNote({ ...first, phase: 'shock' }, { type: 'note', text: 'fire 🔥', at: '2025-03-14T10:00:00.000Z' });
    expect(second.notes).toEqual([
      { round: 2, phase: 'plan', at: AT, text: 'team 1 hesitates' },
      { round: 2, phase: 'shock', at: '2025-03-14T10:00:00.000Z', text: 'fire 🔥' },
    ]);
  });

  it('files a note written once the game is over under the debrief', () => {
    const g = { ...planGame(s, 2), round: 6, phase: 'evaluate' as const, over: true };
    expect(addNote(g, note('well done')).notes).toEqual([{ round: 5, phase: 'debrief', at: AT, text: 'well done' }]);
  });
});

describe('notes in a game', () => {
  it('files notes under the round and phase the room is in, the review under the round just played, then the debrief', () => {
    // Three rounds: each goes plan -(skip)-> implement -> shock -> evaluate -> diagnose -> plan.
    let g = planGame(s, 2, { rounds: 3 });
    g = play(g, note('r1 plan'), SKIP, CONTINUE, CONTINUE, note('r1 review'), CONTINUE, note('r2 diagnose'), CONTINUE);
    g = play(g, SKIP, CONTINUE, CONTINUE, CONTINUE, CONTINUE, SKIP, CONTINUE, CONTINUE, note('r3 review'), CONTINUE);
    expect(g.over).toBe(true);
    g = play(g, note('debrief'));
    expect(g.notes.map((n) => [n.round, n.phase, n.text])).toEqual([
      [1, 'plan', 'r1 plan'],
      [1, 'evaluate', 'r1 review'],
      [2, 'diagnose', 'r2 diagnose'],
      [3, 'evaluate', 'r3 review'],
      [3, 'debrief', 'debrief'],
    ]);
  });

  it('refuses through the flow a note by a team, an empty one and a too long one, and keeps the state', () => {
    const g = planGame(s, 2);
    const reason = (event: GameEvent) => {
      try {
        applyEvent(g, s, event);
      } catch (error) {
        expect(error).toBeInstanceOf(GameRuleError);
        return (error as GameRuleError).code;
      }
      return null;
    };
    expect(reason(note('hello', 'team-1'))).toBe('facilitator-only');
    expect(reason(note('\u0000\r\n'))).toBe('empty-note');
    expect(reason(note('🌊'.repeat(501)))).toBe('note-too-long');
    expect(g.notes).toEqual([]);
  });
});
