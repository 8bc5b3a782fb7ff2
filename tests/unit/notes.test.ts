/**
 * The facilitator's notes (engine/notes.ts): a logged event the rules keep and
 * never read, that only the facilitator writes, that the room's view strips,
 * and that a game file carries (version 5; version 4 files still import).
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { applyEvent, createGame, MAX_NOTE_LENGTH, noteText, playerView } from '../../src/engine/index.ts';
import type { GameEvent, GameState } from '../../src/engine/types.ts';
import { GameController } from '../../src/game/session/controller.ts';
import { exportSave, type GameSave, parseGameFile, scenarioHash } from '../../src/game/session/game-saves.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import { replayLog, sessionMachineFor } from '../../src/machines/replay.ts';
import { CONTINUE, refusalOf, scenario, scenarios, sessionOptions } from './helpers.ts';

const s = scenario('periurban-brownfield');
const AT = '2026-03-14T09:26:53.589Z';
const note = (text: string, extra: Partial<Extract<GameEvent, { type: 'note' }>> = {}): GameEvent => ({
  type: 'note',
  text,
  at: AT,
  ...extra,
});
const SKIP: GameEvent = { type: 'skip-phase' };

function play(state: GameState, ...events: GameEvent[]): GameState {
  let next = state;
  for (const event of events) next = applyEvent(next, s, event);
  return next;
}

const newGame = () => createGame(s, { seed: 1, teams: ['A', 'B'], rounds: 3 });
/** Markup, quotes, right-to-left text, an emoji made of several code points, a tab and a line break. */
const ODD = '<script>alert("x")</script> « Équipe 2 » שלום 👩🏽‍🌾\tfin\nligne 2';

describe('a facilitator’s note', () => {
  it('is kept with the round and phase the room is in, and changes nothing else', () => {
    const g = newGame();
    const after = play(g, note('  Équipe 1 hésite à mutualiser.  '));
    expect(after.notes).toEqual([{ round: 1, phase: 'diagnose', at: AT, text: 'Équipe 1 hésite à mutualiser.' }]);
    expect({ ...after, notes: [] }).toEqual(g);
    // In the year's review the engine already counts the next round: the note is of the round reviewed.
    const review = play(g, CONTINUE, SKIP, CONTINUE, CONTINUE);
    expect([review.phase, review.round]).toEqual(['evaluate', 2]);
    expect(play(review, note('Bilan tendu'))?.notes[0]).toMatchObject({ round: 1, phase: 'evaluate' });
  });

  it('keeps odd characters as typed, drops control characters and unifies line ends', () => {
    expect(noteText(`${ODD}\u0000\u0007\r\n`)).toBe(ODD);
    expect(noteText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(play(newGame(), note(ODD)).notes[0]?.text).toBe(ODD);
  });

  it('refuses an empty note, one over 500 characters, and one from a team', () => {
    const g = newGame();
    expect(MAX_NOTE_LENGTH).toBe(500);
    expect(refusalOf(s, g, note(''))).toBe('empty-note');
    expect(refusalOf(s, g, note(' \n\t\u0000 '))).toBe('empty-note');
    expect(refusalOf(s, g, note('x'.repeat(501)))).toBe('note-too-long');
    expect(refusalOf(s, g, note('x'.repeat(500)))).toBeNull();
    // Characters as a person counts them: 500 trees are 1,000 UTF-16 units, and a note.
    expect(refusalOf(s, g, note('🌳'.repeat(500)))).toBeNull();
    expect(refusalOf(s, g, note('🌳'.repeat(501)))).toBe('note-too-long');
    expect(refusalOf(s, g, note('nous passons', { by: 'team-1' }))).toBe('facilitator-only');
  });

  it('may still be written in the debrief, which names it so', () => {
    const over = play(newGame(), { type: 'end-game' });
    expect(over.over).toBe(true);
    expect(play(over, note('À reprendre : le choix du garage'))?.notes[0]).toMatchObject({ round: 1, phase: 'debrief' });
    expect(refusalOf(s, over, CONTINUE)).toBe('game-over');
  });

  it('never reaches the room: playerView strips the notes', () => {
    const g = play(newGame(), note('Équipe 2 ne joue pas le jeu'));
    expect(playerView(g, 'team-1')).not.toHaveProperty('notes');
    expect(playerView(g, null)).not.toHaveProperty('notes');
    expect(JSON.stringify(playerView(g, null))).not.toContain('ne joue pas');
  });
});

describe('notes in the scenario machine and the game file', () => {
  const options = sessionOptions(2, 4, 3);
  const LOG: LogEntry[] = [
    { type: 'note', text: 'Début', at: AT },
    { type: 'continue' },
    { type: 'pause' },
    // Paused, the facilitator may still write.
    { type: 'note', text: ODD, at: '2026-03-14T09:40:00.000Z' },
    { type: 'resume' },
    { type: 'end-game' },
    { type: 'note', text: 'Au bilan', at: '2026-03-14T10:05:00+01:00' },
  ];
  const fileOf = (version: number, log: LogEntry[]) => ({
    format: 'resilient-territory-kit/game',
    version,
    scenario: s.id,
    scenarioHash: scenarioHash(s),
    options,
    log,
  });

  it('are logged while playing, paused and in the debrief, and replay to the same notes', () => {
    const actor = createActor(sessionMachineFor(s), { input: { options } }).start();
    for (const entry of LOG) actor.send(entry);
    const live = actor.getSnapshot().context;
    expect(live.log).toEqual(LOG);
    expect(live.game.notes.map((n) => [n.round, n.phase, n.text])).toEqual([
      [1, 'diagnose', 'Début'],
      [1, 'plan', ODD],
      [1, 'debrief', 'Au bilan'],
    ]);
    const replayed = replayLog(s, options, LOG);
    expect(replayed.ok && replayed.snapshot.context.game).toEqual(live.game);
    actor.stop();
  });

  it('the controller writes the note the view sends, with its time, and the file round-trips', () => {
    const saves: GameSave[] = [];
    const controller = new GameController(
      s,
      'notes-1',
      (save) => {
        saves.push(save);
        return { ok: true };
      },
      () => {},
      { options },
    );
    controller.send({ type: 'NOTE', text: `  ${ODD}\u0000 `, at: AT });
    controller.send({ type: 'NOTE', text: '   ', at: AT });
    const save = controller.save();
    expect(save.file.version).toBe(5);
    expect(save.file.log).toEqual([{ type: 'note', text: ODD, at: AT }]);
    const parsed = parseGameFile(exportSave(save), scenarios());
    expect(parsed.ok && parsed.snapshot.context.game.notes).toEqual([{ round: 1, phase: 'diagnose', at: AT, text: ODD }]);
    controller.dispose();
  });

  it('a version 4 file (no notes) still imports; a note by a team or with no time is refused', () => {
    const old = parseGameFile(JSON.stringify(fileOf(4, [{ type: 'continue' }])), scenarios());
    expect(old.ok && old.snapshot.context.game.phase).toBe('plan');
    expect(old.ok && old.snapshot.context.game.notes).toEqual([]);
    expect(parseGameFile(JSON.stringify(fileOf(5, [{ type: 'note', text: 'x', at: AT, by: 'team-1' }])), scenarios())).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 1, type: 'note', reason: 'facilitator-only' },
    });
    expect(parseGameFile(JSON.stringify(fileOf(5, [{ type: 'note', text: '', at: AT }])), scenarios())).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 1, type: 'note', reason: 'empty-note' },
    });
    expect(parseGameFile(JSON.stringify(fileOf(5, [{ type: 'note', text: 'x', at: 'hier' } as LogEntry])), scenarios())).toEqual({
      ok: false,
      error: 'not-a-game',
    });
    expect(parseGameFile(JSON.stringify(fileOf(6, [])), scenarios())).toEqual({ ok: false, error: 'future-version' });
  });
});
