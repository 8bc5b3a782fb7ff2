// @vitest-environment happy-dom
/**
 * A device's first join: a failure the network or the server's reservation caused is tried again, with backoff,
 * a few times; a refusal no retry mends is told at once. colyseus.js is replaced by a client whose joins answer
 * as each test says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const joins: (() => Promise<unknown>)[] = [];
const joinCalls: unknown[] = [];

/** A room that records what the device sends it. */
function fakeRoom() {
  const sent: string[] = [];
  const room = {
    sent,
    /** What each send carried, in order. */
    messages: [] as unknown[],
    left: false,
    reconnectionToken: 'r',
    dropped: () => {},
    onMessage: () => () => {},
    onLeave: (handler: () => void) => {
      room.dropped = handler;
    },
    send: (type: string, message?: unknown) => {
      sent.push(type);
      room.messages.push(message);
    },
    leave: async () => {
      room.left = true;
    },
  };
  return room;
}

vi.mock('colyseus.js', () => ({
  Client: class {
    reconnect() {
      return Promise.reject(new Error('the server let the place go'));
    }
    join(_name: string, options: unknown) {
      joinCalls.push(options);
      const next = joins.shift();
      return next ? next() : Promise.reject(new Error('no answer set'));
    }
  },
}));

const { WorkshopConnection } = await import('../../src/game/network/connection.ts');

function connection() {
  const statuses: string[] = [];
  const keys: (string | undefined)[] = [];
  const handlers = {
    joined: () => {},
    view: () => {},
    timer: () => {},
    seatToken: () => {},
    error: () => {},
    status: (status: string, key?: string) => {
      statuses.push(status);
      keys.push(key);
    },
    seats: () => {},
  };
  return {
    statuses,
    keys,
    link: new WorkshopConnection(() => ({ role: 'seat', code: 'ACDEFG', token: 't' }) as never, handlers),
  };
}

/** What colyseus.js rejects with when the socket came after the seat's reservation ran out. */
const expired = () => Promise.reject(Object.assign(new Error('seat reservation expired.'), { code: 0 }));

beforeEach(() => {
  vi.useFakeTimers();
  joins.length = 0;
  joinCalls.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('first join', () => {
  it('joins on a later try when the first came after its reservation, and asks for its state once', async () => {
    const room = fakeRoom();
    joins.push(expired, () => Promise.resolve(room));
    const { statuses, link } = connection();
    const opened = link.open();
    await vi.advanceTimersByTimeAsync(499);
    expect(joinCalls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await opened;
    expect(joinCalls.length).toBe(2);
    expect(statuses).toEqual(['connecting', 'online']);
    expect(room.sent).toEqual(['sync']);
    link.close();
  });

  it('tells the device at once, without a retry, when the server refuses its token', async () => {
    joins.push(
      () => Promise.reject(new Error('bad-token')),
      () => Promise.resolve(fakeRoom()),
    );
    const { link } = connection();
    await expect(link.open()).rejects.toThrow('workshop:errors.bad-token');
    expect(joinCalls.length).toBe(1);
    link.close();
  });

  it('gives up after four tries 0.5, 1 and 2 s apart, saying the server does not answer', async () => {
    joins.push(expired, expired, expired, expired, () => Promise.resolve(fakeRoom()));
    const { link } = connection();
    const opened = link.open();
    const outcome = opened.then(
      () => 'joined',
      (error: Error) => error.message,
    );
    await vi.advanceTimersByTimeAsync(500 + 1000 + 1999);
    expect(joinCalls.length).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('workshop:client.unreachable');
    expect(joinCalls.length).toBe(4);
    link.close();
  });

  it('counts a try that hangs as failed after 20 s, joins on the next, and lets the late room go', async () => {
    let answerLate: (room: unknown) => void = () => {};
    const late = fakeRoom();
    const room = fakeRoom();
    joins.push(
      () => new Promise((resolve) => (answerLate = resolve)),
      () => Promise.resolve(room),
    );
    const { statuses, link } = connection();
    const opened = link.open();
    await vi.advanceTimersByTimeAsync(20_000 + 499);
    expect(joinCalls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await opened;
    expect(joinCalls.length).toBe(2);
    expect(statuses).toEqual(['connecting', 'online']);
    answerLate(late);
    await vi.advanceTimersByTimeAsync(0);
    expect([late.left, late.sent, room.left]).toEqual([true, [], false]);
    link.close();
  });
});

describe('a dropped link', () => {
  it('keeps the last move and each seat’s last hand-over made while it is down, and sends them once back', async () => {
    const first = fakeRoom();
    const second = fakeRoom();
    joins.push(
      () => Promise.resolve(first),
      () => Promise.resolve(second),
    );
    const { statuses, keys, link } = connection();
    await link.open();
    first.dropped();
    const pass = { type: 'pass', team: 'team-2' } as const;
    link.sendEvent({ type: 'pass', team: 'team-1' }, 4);
    link.sendEvent(pass, 4);
    link.handSeat(3, 'bot');
    link.handSeat(3, 'free');
    expect(statuses.slice(-1)).toEqual(['reconnecting']);
    expect(keys.slice(-1)).toEqual(['workshop:client.queued']);
    expect(first.sent).toEqual(['sync']);
    // The first try comes 250 ms after the drop: the room's own reconnection fails, a new join with the token works.
    await vi.advanceTimersByTimeAsync(250);
    expect(statuses.slice(-1)).toEqual(['online']);
    expect(second.sent).toEqual(['sync', 'event', 'hand-seat']);
    expect(second.messages.slice(1)).toEqual([
      { entry: pass, version: 4 },
      { seat: 3, to: 'free' },
    ]);
    // Online again, a move goes at once and nothing kept goes twice.
    link.sendEvent(pass, 5);
    expect(second.sent).toEqual(['sync', 'event', 'hand-seat', 'event']);
    link.close();
  });
});
