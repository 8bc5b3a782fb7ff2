import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createSessionMachine } from '../../src/machines/session.ts';
import {
  checkHistory,
  exportSave,
  type GameSave,
  listSaves,
  parseGameFile,
  readSave,
  writeSave,
} from '../../src/storage/game-saves.ts';
import { memoryStore } from '../../src/storage/store.ts';
import { scenario, scenarios } from './helpers.ts';

function saveOf(events: number): GameSave {
  const s = scenario('coastal-estuary');
  const actor = createActor(createSessionMachine(s), { input: {} }).start();
  actor.send({ type: 'START', teams: ['Les Dunes', 'L’Estuaire « 2 »'], seed: 4 });
  for (let i = 0; i < events; i += 1) actor.send({ type: i % 3 === 1 ? 'PASS' : 'CONTINUE' });
  return {
    format: 'resilient-territory-kit/game',
    version: 1,
    id: 'abc-123',
    scenario: s.id,
    savedAt: '2026-11-28T10:00:00.000Z',
    teams: ['Les Dunes', 'L’Estuaire « 2 »'],
    round: 1,
    status: 'playing',
    snapshot: actor.getPersistedSnapshot() as unknown as Record<string, unknown>,
  };
}

describe('saved games', () => {
  it('round-trip through storage and list newest first, odd characters in names included', () => {
    const store = memoryStore();
    writeSave(store, saveOf(3));
    writeSave(store, { ...saveOf(1), id: 'zzz-9', savedAt: '2026-11-29T10:00:00.000Z' });
    store.set('game:broken', '{nope');
    const { saves, unreadable } = listSaves(store);
    expect(saves.map((s) => s.id)).toEqual(['zzz-9', 'abc-123']);
    expect(unreadable).toEqual(['broken']);
    expect(readSave(store, 'abc-123')?.teams[1]).toBe('L’Estuaire « 2 »');
  });

  it.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 20])(
    'import a valid exported file saved after %i events, whatever the phase',
    (events) => {
      expect(parseGameFile(exportSave(saveOf(events)), scenarios()).ok).toBe(true);
    },
  );

  it.each([
    ['too-large', 'x'.repeat(5_000_001)],
    ['not-json', '{"format": '],
    ['not-a-game', JSON.stringify({ hello: 'world' })],
    ['unknown-scenario', JSON.stringify({ ...saveOf(2), scenario: 'atlantis' })],
  ])('refuse a bad file: %s', (error, text) => {
    expect(parseGameFile(text, scenarios())).toEqual({ ok: false, error });
  });

  it('refuse a file whose state does not match its history', () => {
    const save = saveOf(4);
    const game = (save.snapshot.context as { game: { teams: { budget: number }[] } }).game;
    game.teams[0] = { ...game.teams[0], budget: 99999 } as never;
    expect(checkHistory(save.snapshot, scenario('coastal-estuary'))).toBe(false);
    expect(parseGameFile(JSON.stringify(save), scenarios())).toEqual({ ok: false, error: 'history-mismatch' });
  });
});
