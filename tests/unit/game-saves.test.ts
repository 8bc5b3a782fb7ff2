import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Scenario } from '../../src/engine/types.ts';
import { GameController, type ViewEvent } from '../../src/game/session/controller.ts';
import {
  currentSaveId,
  deleteSave,
  exportSave,
  type GameFile,
  type GameSave,
  listSaves,
  MAX_GAME_FILE,
  parseGameFile,
  readSave,
  resumeSave,
  scenarioHash,
  writeSave,
} from '../../src/game/session/game-saves.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import { replayLog, sessionMachineFor } from '../../src/machines/replay.ts';
import { memoryStore } from '../../src/storage/store.ts';
import { fuelToCollapse, scenario, scenarios } from './helpers.ts';

const s = scenario('periurban-brownfield');
const OPTIONS = { seed: 4, teams: ['Les Forges', 'L’Estuaire « 2 »'], difficulty: 'normal' as const, rounds: 3 };

/** The view's words for: a move, a pooled-free round with an injection and a pause, up to round 2's diagnosis. */
const SCRIPT: ViewEvent[] = [
  { type: 'CONTINUE' },
  { type: 'CHOOSE_PROJECT', card: 'community-garden' },
  { type: 'FUND', levers: [] },
  { type: 'TICK', seconds: 3 },
  { type: 'PASS' },
  { type: 'PASS' },
  { type: 'INJECT_HAZARD', hazard: 'drought' },
  { type: 'CONTINUE' },
  { type: 'PAUSE' },
  { type: 'RESUME' },
  { type: 'CONTINUE' },
  { type: 'CONTINUE' },
];

const EXPECTED_LOG: LogEntry[] = [
  { type: 'continue' },
  { type: 'start-project', team: 'team-1', card: 'community-garden', levers: [] },
  { type: 'pass', team: 'team-1' },
  { type: 'pass', team: 'team-2' },
  { type: 'inject-hazard', hazard: 'drought' },
  { type: 'continue' },
  { type: 'pause' },
  { type: 'resume' },
  { type: 'continue' },
  { type: 'continue' },
];

function playController(events = SCRIPT, id = 'abc-123') {
  const saves: GameSave[] = [];
  const controller = new GameController(
    s,
    id,
    (save) => {
      saves.push(save);
      return { ok: true };
    },
    () => {},
    { options: OPTIONS },
  );
  for (const event of events) controller.send(event);
  return { controller, saves };
}

function fileOf(log: LogEntry[] = EXPECTED_LOG): GameFile {
  return {
    format: 'resilient-territory-kit/game',
    version: 5,
    scenario: s.id,
    scenarioHash: scenarioHash(s),
    options: OPTIONS,
    log,
  };
}

const text = (file: unknown) => JSON.stringify(file);

describe('a game file is its log', () => {
  it('the controller saves after every event that grew the log, never on a tick', () => {
    const { controller, saves } = playController();
    // Choosing a card (a view step) writes the same log once more: harmless, so only the distinct logs are pinned.
    expect([...new Set(saves.map((save) => save.file.log.length))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const before = saves.length;
    controller.send({ type: 'TICK', seconds: 1 });
    expect(saves).toHaveLength(before);
    const save = controller.save();
    expect(save.file).toEqual(fileOf());
    expect(save).toMatchObject({ id: 'abc-123', round: 2, status: 'playing', facilitator: false });
    controller.dispose();
  });

  it('round-trips: exported, parsed and replayed to the same game, which then plays on identically', () => {
    const { controller } = playController();
    const parsed = parseGameFile(exportSave(controller.save()), scenarios());
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.changedScenario).toBe(false);
    expect(parsed.file).toEqual(fileOf());
    const live = controller.view().game;
    expect(parsed.snapshot.context.game).toEqual(live);
    expect(live.round).toBe(2);
    expect(live.phase).toBe('diagnose');
    // community-garden: 55 - 20 k€, then the round's income of 22.
    expect(live.teams.map((t) => t.budget)).toEqual([57, 77]);
    expect(live.hazards).toEqual([expect.objectContaining({ round: 1, hazard: 'drought', injected: true })]);
    const resumed = new GameController(
      s,
      'abc-123',
      () => ({ ok: true }),
      () => {},
      {
        options: OPTIONS,
        snapshot: parsed.snapshot,
      },
    );
    for (const c of [controller, resumed]) {
      c.send({ type: 'CONTINUE' });
      c.send({ type: 'PASS' });
    }
    expect(resumed.save().file).toEqual(controller.save().file);
    expect(resumed.view().game).toEqual(controller.view().game);
    // Round 2 is team 2's to open.
    expect(resumed.save().file.log.slice(-1)).toEqual([{ type: 'pass', team: 'team-2' }]);
    controller.dispose();
    resumed.dispose();
  });

  it('a parsed snapshot feeds a fresh actor of the scenario machine', () => {
    const parsed = parseGameFile(text(fileOf()), scenarios());
    if (!parsed.ok) throw new Error(parsed.error);
    const actor = createActor(sessionMachineFor(s), { input: { options: OPTIONS }, snapshot: parsed.snapshot }).start();
    actor.send({ type: 'end-game' });
    expect(actor.getSnapshot().value).toBe('debrief');
    expect(actor.getSnapshot().context.log).toHaveLength(11);
    actor.stop();
  });
});

describe('parseGameFile refuses a file that is not this game', () => {
  const refused = (log: LogEntry[]) => parseGameFile(text(fileOf(log)), scenarios());
  const swap = (i: number, j: number) => {
    const log = [...EXPECTED_LOG];
    [log[i], log[j]] = [log[j] as LogEntry, log[i] as LogEntry];
    return log;
  };

  it('a tampered event: the rules refuse it, with its number and the reason', () => {
    const wrongTeam = EXPECTED_LOG.map((e, i) => (i === 2 ? { type: 'pass', team: 'team-2' } : e)) as LogEntry[];
    expect(refused(wrongTeam)).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 3, type: 'pass', reason: 'not-your-turn' },
    });
    const noEngineering = EXPECTED_LOG.map((e, i) => (i === 1 ? { ...e, card: 'tzcld-company' } : e)) as LogEntry[];
    expect(refused(noEngineering)).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 2, type: 'start-project', reason: 'needs-engineering' },
    });
  });

  it('reordered events', () => {
    expect(refused(swap(0, 1))).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 1, type: 'start-project', reason: 'not-now' },
    });
    expect(refused(swap(6, 7))).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 7, type: 'resume', reason: 'not-now' },
    });
    // A continue while paused.
    expect(refused(swap(7, 8))).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 8, type: 'continue', reason: 'paused' },
    });
  });

  it('truncated text', () => {
    const full = text(fileOf());
    expect(parseGameFile(full.slice(0, Math.floor(full.length / 2)), scenarios())).toEqual({ ok: false, error: 'not-json' });
  });

  it('a foreign scenario: the hash no longer matches; accepted anyway, its deck refuses the move', () => {
    const coastal = scenario('coastal-estuary');
    const foreign = { ...fileOf(), scenario: 'coastal-estuary' };
    expect(parseGameFile(text(foreign), scenarios())).toEqual({ ok: false, error: 'changed-scenario' });
    const refusal = {
      ok: false,
      error: 'refused-event',
      event: { number: 2, type: 'start-project', reason: 'card-not-in-deck' },
    };
    expect(parseGameFile(text(foreign), scenarios(), { acceptChangedScenario: true })).toEqual(refusal);
    // Relabelled with the other scenario's own hash: the log itself gives it away.
    expect(parseGameFile(text({ ...foreign, scenarioHash: scenarioHash(coastal) }), scenarios())).toEqual(refusal);
  });

  it('an unknown scenario', () => {
    expect(parseGameFile(text({ ...fileOf(), scenario: 'atlantis' }), scenarios())).toEqual({
      ok: false,
      error: 'unknown-scenario',
    });
  });

  it('changed scenario content: refused, or replayed on today’s version when accepted and it still replays', () => {
    const changed = (cost: number): Map<string, Scenario> => {
      const copy = structuredClone(s);
      (copy.cards['community-garden'] as { cost: number }).cost = cost;
      return new Map([[s.id, copy]]);
    };
    expect(parseGameFile(text(fileOf()), changed(30))).toEqual({ ok: false, error: 'changed-scenario' });
    const accepted = parseGameFile(text(fileOf()), changed(30), { acceptChangedScenario: true });
    if (!accepted.ok) throw new Error(accepted.error);
    expect(accepted.changedScenario).toBe(true);
    // 55 - 30 + 22, against 57 on the scenario it was played on.
    expect(accepted.snapshot.context.game.teams.map((t) => t.budget)).toEqual([47, 77]);
    expect(parseGameFile(text(fileOf()), changed(200), { acceptChangedScenario: true })).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 2, type: 'start-project', reason: 'budget' },
    });
  });

  it.each([
    ['future-version', { ...fileOf(), version: 6 }],
    // Version 2: a first-edition game, which today's rules would not replay.
    ['old-version', { ...fileOf(), version: 2 }],
    ['old-version', { ...fileOf(), version: 1 }],
    ['not-a-game', { ...fileOf(), options: { ...OPTIONS, seed: '4' } }],
    ['not-a-game', fileOf([{ type: 'continue', extra: 1 } as unknown as LogEntry])],
    ['not-a-game', fileOf([{ type: 'continue' }, { type: 'tick', seconds: 1 } as unknown as LogEntry])],
    ['not-a-game', { ...fileOf(), snapshot: {} }],
    ['not-a-game', { hello: 'world' }],
  ])('%s', (error, file) => {
    expect(parseGameFile(text(file), scenarios())).toEqual({ ok: false, error });
  });

  it('too-large: over MAX_GAME_FILE characters', () => {
    expect(MAX_GAME_FILE).toBe(5_000_000);
    expect(parseGameFile(' '.repeat(5_000_001), scenarios())).toEqual({ ok: false, error: 'too-large' });
  });
});

describe('solidarity aid in a game file (version 3)', () => {
  const AID_OPTIONS = { ...OPTIONS, rounds: 4 };
  const aid = (team: string, to: string) => ({ type: 'send-aid', team, to }) as LogEntry;
  /** The collapse of team-1 (see fuelToCollapse), then round 4 up to its plan. */
  const TO_COLLAPSE: LogEntry[] = [
    ...fuelToCollapse(),
    // Round 4's diagnosis, then its plan: team-2 opens.
    { type: 'continue' },
    { type: 'continue' },
  ];
  const aidFile = (log: LogEntry[]) => ({ ...fileOf(log), options: AID_OPTIONS });

  it('replays an aid sent to a commune in collapse', () => {
    const parsed = parseGameFile(text(aidFile([...TO_COLLAPSE, aid('team-2', 'team-1')])), scenarios());
    if (!parsed.ok) throw new Error(parsed.error);
    const game = parsed.snapshot.context.game;
    // 55 + 3 * 22 = 121, + 20; team-2: 55 - 35 + 66 = 86, - 20. Move 10 + 6.
    expect(game.teams.map((t) => [t.collapsed, t.budget, t.indicators.move])).toEqual([
      [true, 141, 16],
      [false, 66, 18],
    ]);
    expect(game.aid).toEqual([{ round: 4, from: 'team-2', to: 'team-1', amount: 20 }]);
  });

  it('refuses an aid the rules refuse, and an aid the format does not know', () => {
    // Round 3's plan, team-1 opening (entry 17, after 16 entries): nobody is in collapse yet.
    const early = [...TO_COLLAPSE.slice(0, 16), aid('team-1', 'team-2')];
    expect(parseGameFile(text(aidFile(early)), scenarios())).toEqual({
      ok: false,
      error: 'refused-event',
      event: { number: 17, type: 'send-aid', reason: 'not-in-collapse' },
    });
    expect(parseGameFile(text(aidFile([...TO_COLLAPSE, aid('team-2', 'team-2')])), scenarios())).toMatchObject({
      error: 'refused-event',
      event: { type: 'send-aid', reason: 'bad-partner' },
    });
    expect(parseGameFile(text(aidFile([...TO_COLLAPSE, aid('team-2', 'team-9')])), scenarios())).toEqual({
      ok: false,
      error: 'not-a-game',
    });
    const noRecipient = [...TO_COLLAPSE, { type: 'send-aid', team: 'team-2' } as unknown as LogEntry];
    expect(parseGameFile(text(aidFile(noRecipient)), scenarios())).toEqual({ ok: false, error: 'not-a-game' });
  });
});

describe('saved games in storage', () => {
  const saveOf = (id: string, savedAt: string, log = EXPECTED_LOG): GameSave => ({
    id,
    savedAt,
    round: 2,
    status: 'playing',
    file: fileOf(log),
  });

  it('round-trip, listed newest first, unreadable entries listed as such', () => {
    const store = memoryStore();
    expect(writeSave(store, saveOf('abc-123', '2026-11-28T10:00:00.000Z'))).toEqual({ ok: true });
    writeSave(store, saveOf('zzz-9', '2026-11-29T10:00:00.000Z', EXPECTED_LOG.slice(0, 2)));
    expect(currentSaveId(store)).toBe('zzz-9');
    store.set('game:broken', '{nope');
    store.set('game:old', JSON.stringify({ ...saveOf('old', '2026-01-01T00:00:00.000Z'), file: { ...fileOf(), version: 2 } }));
    const { saves, unreadable } = listSaves(store);
    expect(saves.map((save) => save.id)).toEqual(['zzz-9', 'abc-123']);
    expect(unreadable.sort()).toEqual(['broken', 'old']);
    expect(readSave(store, 'abc-123')).toEqual(saveOf('abc-123', '2026-11-28T10:00:00.000Z'));
    expect(readSave(store, 'abc-123')?.file.options.teams[1]).toBe('L’Estuaire « 2 »');
    expect(readSave(store, 'nothing')).toBeNull();
    deleteSave(store, 'zzz-9');
    expect(currentSaveId(store)).toBeNull();
    expect(listSaves(store).saves.map((save) => save.id)).toEqual(['abc-123']);
  });

  it('resumes a stored game by replaying its log', () => {
    const resumed = resumeSave(saveOf('abc-123', '2026-11-28T10:00:00.000Z'), s);
    if (!resumed.ok) throw new Error(resumed.error);
    expect(resumed.snapshot.context.log).toEqual(EXPECTED_LOG);
    expect(resumed.snapshot.context.game.round).toBe(2);
    const broken = resumeSave(saveOf('x', '2026-11-28T10:00:00.000Z', EXPECTED_LOG.slice(1)), s);
    expect(broken).toEqual({ ok: false, error: 'refused-event', event: { number: 1, type: 'start-project', reason: 'not-now' } });
  });
});

describe('options the rules refuse', () => {
  it('seven teams: the replay throws RangeError instead of passing a broken snapshot for a game', () => {
    const s = scenario('periurban-brownfield');
    const options = { seed: 1, teams: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], difficulty: 'normal' as const, rounds: 7 };
    expect(() => replayLog(s, options, [])).toThrow(RangeError);
    expect(() => replayLog(s, { ...options, teams: ['a'], rounds: 13 }, [{ type: 'continue' }])).toThrow(RangeError);
  });
});
