import { describe, expect, it } from 'vitest';
import { GameController } from '../../src/game/session/controller.ts';
import type { GameSave } from '../../src/game/session/game-saves.ts';
import { type LeaderLock, type LinkChannel, type LinkMessage, SessionLink } from '../../src/game/session/local-link.ts';
import { scenario } from './helpers.ts';

const s = scenario('periurban-brownfield');
const OPTIONS = { seed: 4, teams: ['Les Forges', 'La Gare'], difficulty: 'normal' as const, rounds: 3 };

/** Windows of one browser: a message reaches every other window, never its sender (as BroadcastChannel does). */
function bus() {
  const windows = new Set<{ handler: (m: LinkMessage) => void; deaf: boolean }>();
  const sent: LinkMessage[] = [];
  const open = (): LinkChannel & { deafen(on: boolean): void } => {
    const me = { handler: (_: LinkMessage) => {}, deaf: false };
    windows.add(me);
    return {
      post: (message) => {
        sent.push(message);
        for (const w of windows) if (w !== me && !w.deaf) w.handler(structuredClone(message));
      },
      listen: (handler) => {
        me.handler = handler;
        return () => {
          me.handler = () => {};
        };
      },
      close: () => windows.delete(me),
      deafen: (on) => {
        me.deaf = on;
      },
    };
  };
  return { open, sent };
}

/** One lock: the first window to ask leads; when it lets go, the next in line does. */
function lock(): LeaderLock {
  const queue: { onLeader: () => void; active: boolean }[] = [];
  const grant = () => {
    const next = queue[0];
    if (next && !next.active) {
      next.active = true;
      next.onLeader();
    }
  };
  return (onLeader) => {
    const entry = { onLeader, active: false };
    queue.push(entry);
    grant();
    return () => {
      queue.splice(queue.indexOf(entry), 1);
      grant();
    };
  };
}

function openWindow(channel: LinkChannel, leaderLock: LeaderLock) {
  const saves: GameSave[] = [];
  const controller = new GameController(
    s,
    'abc-123',
    (save) => {
      saves.push(save);
      return { ok: true };
    },
    () => {},
    { options: OPTIONS },
  );
  controller.connect((replica) => new SessionLink(channel, leaderLock, replica));
  return { controller, saves, log: () => controller.save().file.log };
}

describe('one game in several windows of one browser', () => {
  it('a move made in a following window is applied by the authority, saved once, and shown everywhere', () => {
    const { open } = bus();
    const one = lock();
    const screen = openWindow(open(), one);
    const seat = openWindow(open(), one);
    expect([screen.controller.isAuthority(), seat.controller.isAuthority()]).toEqual([true, false]);
    const savesBefore = seat.saves.length;
    seat.controller.send({ type: 'CONTINUE' });
    seat.controller.send({ type: 'CHOOSE_PROJECT', card: 'community-garden' });
    seat.controller.send({ type: 'FUND', levers: [] });
    const expected = [{ type: 'continue' }, { type: 'start-project', team: 'team-1', card: 'community-garden', levers: [] }];
    expect(screen.log()).toEqual(expected);
    expect(seat.log()).toEqual(expected);
    // Community garden, 20 k€ from team-1's 55.
    expect(seat.controller.view().game.teams[0]?.budget).toBe(35);
    expect(seat.saves.length).toBe(savesBefore);
    expect(screen.saves.at(-1)?.file.log).toEqual(expected);
  });

  it('refuses what the rules refuse wherever it comes from: the log does not move', () => {
    const { open } = bus();
    const one = lock();
    const screen = openWindow(open(), one);
    const seat = openWindow(open(), one);
    // A pass in the diagnosis is not a move of the plan phase.
    seat.controller.send({ type: 'PASS' });
    expect([screen.log(), seat.log()]).toEqual([[], []]);
  });

  it('the facilitator’s pause in its window shows in the others; only the authority’s clock runs', () => {
    const { open } = bus();
    const one = lock();
    const screen = openWindow(open(), one);
    const console_ = openWindow(open(), one);
    console_.controller.send({ type: 'SET_TIMER', enabled: true, limitSeconds: 120 });
    console_.controller.send({ type: 'CONTINUE' });
    console_.controller.send({ type: 'TICK', seconds: 5 });
    expect(console_.controller.view().timer.remainingSeconds).toBe(120);
    screen.controller.send({ type: 'TICK', seconds: 5 });
    expect(console_.controller.view().timer.remainingSeconds).toBe(115);
    console_.controller.send({ type: 'PAUSE' });
    expect([screen.controller.view().paused, console_.controller.view().paused]).toEqual([true, true]);
  });

  it('when the authority closes, the next window takes over with the same game and saves it', () => {
    const { open } = bus();
    const one = lock();
    const screen = openWindow(open(), one);
    const seat = openWindow(open(), one);
    seat.controller.send({ type: 'CONTINUE' });
    screen.controller.dispose();
    expect(seat.controller.isAuthority()).toBe(true);
    seat.controller.send({ type: 'PASS' });
    expect(seat.log()).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }]);
    expect(seat.saves.at(-1)?.file.log).toEqual(seat.log());
  });

  it('a window that missed entries asks for the whole log and catches up', () => {
    const { open, sent } = bus();
    const one = lock();
    const screen = openWindow(open(), one);
    const seatChannel = open();
    const seat = openWindow(seatChannel, one);
    seatChannel.deafen(true);
    screen.controller.send({ type: 'CONTINUE' });
    screen.controller.send({ type: 'PASS' });
    seatChannel.deafen(false);
    const asked = sent.filter((m) => m.kind === 'sync').length;
    screen.controller.send({ type: 'PASS' });
    // The next entry (version 3) came after a gap (it had 0): it asked, and got all three.
    expect(sent.filter((m) => m.kind === 'sync').length).toBe(asked + 1);
    expect(seat.log()).toEqual([{ type: 'continue' }, { type: 'pass', team: 'team-1' }, { type: 'pass', team: 'team-2' }]);
  });
});

describe('a window that opens while no authority answers yet', () => {
  it('keeps what it proposed and applies it once it leads', () => {
    const { open } = bus();
    // A lock still held by a window that is closing: nobody leads yet.
    let grant: () => void = () => {};
    const closing: LeaderLock = (onLeader) => {
      grant = onLeader;
      return () => {};
    };
    const seat = openWindow(open(), closing);
    seat.controller.send({ type: 'CONTINUE' });
    expect(seat.log()).toEqual([]);
    grant();
    expect(seat.log()).toEqual([{ type: 'continue' }]);
    expect(seat.saves.at(-1)?.file.log).toEqual([{ type: 'continue' }]);
  });
});
