// @vitest-environment happy-dom
/**
 * The networked device's side: following the server's versions (a gap asks
 * for `sync`), the join code as typed, and the remote source the faces read
 * (views in, log entries out through the same translation as a local game).
 */
import { describe, expect, it } from 'vitest';
import { cardsOpenTo } from '../../src/engine/index.ts';
import { playerView } from '../../src/engine/player-view.ts';
import { DEFAULT_TIMER } from '../../src/engine/timer.ts';
import { patchedView, VersionFollower } from '../../src/game/network/follow.ts';
import { codeProblem, normalizeCode, strangeLetters } from '../../src/game/network/join-code.ts';
import { gameOf, RemoteSource } from '../../src/game/network/remote-source.ts';
import type { PatchMessage, ViewMessage } from '../../src/game/session/workshop-protocol.ts';
import { keptControls, withoutControls } from '../../src/game/table/faces.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import { replayLog } from '../../src/machines/replay.ts';
import { scenario } from './helpers.ts';

describe('version follower', () => {
  it('shows the first view, the next, one again at the same version, and drops an older one', () => {
    const f = new VersionFollower();
    expect(f.version()).toBeNull();
    expect(f.view(4)).toBe('next');
    expect(f.view(5)).toBe('next');
    expect(f.view(5)).toBe('same');
    expect(f.view(3)).toBe('old');
    expect(f.version()).toBe(5);
  });

  it('calls a jump past the next version a gap, and takes its version as shown', () => {
    const f = new VersionFollower();
    f.view(2);
    expect(f.view(5)).toBe('gap');
    expect(f.version()).toBe(5);
    expect(f.view(6)).toBe('next');
  });

  it("shows the clock of the view's version, drops an older one, and asks for sync when the clock is ahead", () => {
    const f = new VersionFollower();
    expect(f.timer(0)).toBe('gap');
    f.view(3);
    expect(f.timer(3)).toBe('show');
    expect(f.timer(2)).toBe('old');
    expect(f.timer(4)).toBe('gap');
  });

  it('takes the first view after a new connection as it comes', () => {
    const f = new VersionFollower();
    f.view(9);
    f.reset();
    expect(f.view(2)).toBe('next');
  });
});

describe('patched view', () => {
  const shown = {
    version: 3,
    status: 'playing',
    paused: false,
    timer: DEFAULT_TIMER,
    view: { round: 1, phase: 'plan', teams: [{ id: 'team-1', budget: 5 }], viewer: 'team-1' },
    entry: null,
  } as unknown as ViewMessage;
  const patch = (base: number, version: number, ops: PatchMessage['patch']): PatchMessage => ({
    ...shown,
    base,
    version,
    entry: { type: 'pass', team: 'team-1' },
    entries: [{ type: 'pass', team: 'team-1' }],
    patch: ops,
  });

  it('makes the next view out of the one shown, leaving that one as it was', () => {
    const next = patchedView(
      shown,
      3,
      patch(3, 4, [
        [['teams', 0, 'budget'], 3],
        [['phase'], 'act'],
      ]),
    );
    expect([next?.version, next?.entry, next?.view]).toEqual([
      4,
      { type: 'pass', team: 'team-1' },
      { round: 1, phase: 'act', teams: [{ id: 'team-1', budget: 3 }], viewer: 'team-1' },
    ]);
    expect(shown.view).toEqual({ round: 1, phase: 'plan', teams: [{ id: 'team-1', budget: 5 }], viewer: 'team-1' });
    expect('base' in (next ?? {}) || 'patch' in (next ?? {})).toBe(false);
  });

  it('drops a patch no further on than the view shown, and asks for the whole view when it starts elsewhere or does not fit', () => {
    expect(patchedView(shown, 3, patch(2, 3, []))).toBeUndefined();
    expect(patchedView(shown, 3, patch(4, 5, []))).toBeNull();
    expect(patchedView(null, null, patch(3, 4, []))).toBeNull();
    expect(patchedView(shown, 3, patch(3, 4, [[['board', 'zones'], 1]]))).toBeNull();
    expect(patchedView(shown, 3, { ...patch(3, 4, []), patch: 'x' as unknown as PatchMessage['patch'] })).toBeNull();
  });
});

describe('join code as typed', () => {
  it('upper-cases and drops spaces and dashes', () => {
    expect(normalizeCode(' acd-efg ')).toBe('ACDEFG');
    expect(normalizeCode('hj km\tnp')).toBe('HJKMNP');
  });

  it('says what is wrong: empty, letters no code holds (each once), or not six letters', () => {
    expect(codeProblem('')).toBe('empty');
    expect(codeProblem('ACDEF')).toBe('length');
    expect(codeProblem('ACDEFGH')).toBe('length');
    expect(codeProblem('ACDEF0')).toBe('letters');
    expect(codeProblem('BOSSZA')).toBe('letters');
    expect(strangeLetters('BOSSZA')).toEqual(['B', 'O', 'S', 'Z']);
    expect(codeProblem('ACDEFG')).toBeNull();
    expect(codeProblem('TWXYRP')).toBeNull();
  });
});

const s = scenario('market-town-drought');
const OPTIONS = { seed: 7, teams: ['Les Castors', 'Team B'], difficulty: 'normal' as const, rounds: 4 };

function message(log: LogEntry[], team: string | null): ViewMessage {
  const replayed = replayLog(s, OPTIONS, log);
  if (!replayed.ok) throw new Error('log refused');
  const game = replayed.snapshot.context.game;
  return {
    version: log.length,
    status: 'playing',
    paused: false,
    timer: DEFAULT_TIMER,
    view: team === 'facilitator' ? { ...game, viewer: 'facilitator' } : playerView(game, team),
    entry: log.at(-1) ?? null,
  };
}

describe('remote source', () => {
  it("fills what a seat is not sent with nothing, never a guess, and keeps the facilitator's whole game", () => {
    const seat = gameOf(message([], 'team-1'));
    expect([seat.seed, seat.rng, seat.pendingHazard, seat.plannedHazards, seat.notes]).toEqual([0, 0, null, [], []]);
    expect('viewer' in seat).toBe(false);
    expect(gameOf(message([], 'facilitator')).seed).toBe(7);
  });

  it("keeps a seat's chosen card and ticked levers across a reload, for that turn only, and ignores a corrupt one", () => {
    const keeper = {
      text: null as string | null,
      load: () => keeper.text,
      save: (text: string | null) => {
        keeper.text = text;
      },
    };
    const plan = message([{ type: 'continue' }], 'team-1');
    const card = (cardsOpenTo(gameOf(plan), s, 'team-1')[0] as { id: string }).id;
    const before = new RemoteSource('ACDEFG', s, 'seat', plan, () => {}, keeper);
    before.send({ type: 'CHOOSE_PROJECT', card });
    before.send({ type: 'TICK_LEVERS', levers: ['call-for-projects'] });
    expect(JSON.parse(keeper.text ?? 'null')).toEqual({
      round: 1,
      team: 'team-1',
      selection: { card, partners: [] },
      levers: ['call-for-projects'],
    });
    // Reloaded: the same turn, the same step.
    const after = new RemoteSource('ACDEFG', s, 'seat', plan, () => {}, keeper);
    expect([after.view().phase, after.view().round?.selection, after.view().round?.levers]).toEqual([
      'fund',
      { card, partners: [] },
      ['call-for-projects'],
    ]);
    // Another team's turn by the time the device is back: the step is let go.
    const later = new RemoteSource(
      'ACDEFG',
      s,
      'seat',
      message([{ type: 'continue' }, { type: 'pass', team: 'team-1' }], 'team-1'),
      () => {},
      keeper,
    );
    expect([later.view().phase, keeper.text]).toEqual(['plan', null]);
    keeper.text = '{"round": 1, "team": "team-1", "selection": {"card": 7}';
    expect(new RemoteSource('ACDEFG', s, 'seat', plan, () => {}, keeper).view().phase).toBe('plan');
  });

  it('tells the step a next view makes, and none for a view reached through a gap', () => {
    const sent: [LogEntry, number][] = [];
    const source = new RemoteSource('ACDEFG', s, 'seat', message([], 'team-1'), (e, v) => sent.push([e, v]));
    expect(source.view().phase).toBe('diagnose');
    source.receive(message([{ type: 'continue' }], 'team-1'), 'next');
    const view = source.view();
    expect(view.phase).toBe('plan');
    expect(view.steps?.map((step) => [step.entry.type, step.before.phase, step.after.phase])).toEqual([
      ['continue', 'diagnose', 'plan'],
    ]);
    source.receive(
      message([{ type: 'continue' }, { type: 'pass', team: 'team-1' }, { type: 'pass', team: 'team-2' }], 'team-1'),
      'gap',
    );
    expect(source.view().steps).toEqual([]);
    expect(source.seen().map((e) => e.type)).toEqual(['continue']);
  });

  it("keeps the facilitator's whole log from its file, each entry once, and exports it as a local game's file", () => {
    const log: LogEntry[] = [{ type: 'continue' }, { type: 'pass', team: 'team-1' }];
    const file = {
      format: 'resilient-territory-kit/game' as const,
      version: 5 as const,
      scenario: 'market-town-drought',
      scenarioHash: 'abcdef0123456789',
      options: OPTIONS,
      log,
    };
    const source = new RemoteSource('ACDEFG', s, 'facilitator', message(log, 'facilitator'), () => {});
    expect(source.exportable).toBe(true);
    // Before its file came, the console has no log to export.
    expect(source.save()).toBeNull();
    source.history(file);
    const next = [...log, { type: 'pass', team: 'team-2' } as LogEntry];
    source.receive(message(next, 'facilitator'), 'next');
    // A reconnection's first view is taken as 'next' again: its entry is not kept twice.
    source.receive(message(next, 'facilitator'), 'next');
    expect(source.seen()).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }, { type: 'pass', team: 'team-2' }]);
    const save = source.save();
    expect(save?.file).toEqual({ ...file, log: next });
    expect([save?.round, save?.status, save?.facilitator]).toEqual([1, 'playing', true]);
    // A view past a gap: the log shown is not whole until the next file, so nothing is exported.
    source.receive({ ...message(next, 'facilitator'), version: 5 }, 'gap');
    expect(source.save()).toBeNull();
  });

  it('keeps every entry a patch brought over several versions, the hidden ones left out', () => {
    const log: LogEntry[] = [{ type: 'continue' }];
    const source = new RemoteSource('ACDEFG', s, 'seat', message(log, 'team-1'), () => {});
    const next: LogEntry[] = [...log, { type: 'pass', team: 'team-1' }, { type: 'pass', team: 'team-2' }];
    const patched = {
      ...message(next, 'team-1'),
      entries: [{ type: 'pass', team: 'team-1' } as LogEntry, null, next[2] ?? null],
    };
    source.receive({ ...patched, version: 4 }, 'next');
    expect(source.seen()).toEqual([
      { type: 'pass', team: 'team-1' },
      { type: 'pass', team: 'team-2' },
    ]);
    const f = new VersionFollower();
    f.view(1);
    expect([f.patched(4), f.version()]).toEqual(['next', 4]);
  });

  it('exports nothing from a seat or the screen, which are never sent the whole log', () => {
    for (const role of ['seat', 'screen'] as const) {
      const source = new RemoteSource('ACDEFG', s, role, message([], role === 'seat' ? 'team-1' : null), () => {});
      expect([source.exportable, source.save()]).toEqual([false, null]);
    }
  });

  it('sends a pass as its log entry with the version it was made on, and keeps a chosen card as a draft until funding', () => {
    const sent: [LogEntry, number][] = [];
    const source = new RemoteSource('ACDEFG', s, 'seat', message([{ type: 'continue' }], 'team-1'), (e, v) => sent.push([e, v]));
    source.send({ type: 'PASS' });
    expect(sent).toEqual([[{ type: 'pass', team: 'team-1' }, 1]]);
    const card = Object.keys(s.cards).find((id) => !s.cards[id]?.poolable && (s.cards[id]?.cost ?? 999) < 40);
    if (!card) throw new Error('no cheap card');
    source.send({ type: 'CHOOSE_PROJECT', card });
    expect(source.view().phase).toBe('fund');
    expect(sent).toHaveLength(1);
    source.refused('not-enough-money');
    expect(source.view().round?.refusal).toBe('not-enough-money');
    // The clock is the server's: a tick sends nothing.
    source.send({ type: 'TICK', seconds: 1 });
    expect(sent).toHaveLength(1);
  });

  it('drops the draft once the turn has moved on', () => {
    const source = new RemoteSource('ACDEFG', s, 'seat', message([{ type: 'continue' }], 'team-1'), () => {});
    const card = Object.keys(s.cards).find((id) => !s.cards[id]?.poolable);
    if (!card) throw new Error('no card');
    source.send({ type: 'CHOOSE_PROJECT', card });
    expect(source.view().round?.selection?.card).toBe(card);
    source.receive(message([{ type: 'continue' }, { type: 'pass', team: 'team-1' }], 'team-1'), 'next');
    expect(source.view().round?.selection).toBeNull();
    expect(source.view().phase).toBe('plan');
  });
});

describe('a networked seat reading the shared steps', () => {
  const panel = () => {
    const section = document.createElement('section');
    section.innerHTML =
      '<p>Diagnostic</p><button>Continuer</button><fieldset class="department-seat"><input name="share"><button>Répartir</button></fieldset>';
    return section;
  };

  it('loses every control but the Department seat it holds', () => {
    const game = { ...gameOf(message([], 'team-1')), departmentSeat: 'team-1' };
    const holder = keptControls({ kind: 'team', team: 'team-1', remote: true }, game);
    expect(holder).toBe('fieldset.department-seat');
    const [kept] = withoutControls([panel()], holder);
    expect([...(kept?.querySelectorAll('button, input') ?? [])].map((c) => c.outerHTML)).toEqual([
      '<input name="share">',
      '<button>Répartir</button>',
    ]);
    // Another team's seat, the projector and a seat of this browser keep none of them.
    expect(keptControls({ kind: 'team', team: 'team-2', remote: true }, game)).toBeUndefined();
    expect(keptControls({ kind: 'screen' }, game)).toBeUndefined();
    expect(keptControls({ kind: 'team', team: 'team-1' }, game)).toBeUndefined();
    const [bare] = withoutControls([panel()]);
    expect(bare?.querySelectorAll('button, input, fieldset')).toHaveLength(0);
  });
});
