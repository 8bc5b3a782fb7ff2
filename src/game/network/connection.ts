/**
 * A device's connection to its workshop session (README, "Workshop server"):
 * colyseus.js at the page's own origin, loaded only when a device joins (the
 * home page never carries it). Every handler is in place before `sync` is
 * sent, since colyseus.js drops a message nobody listens to yet. A dropped
 * connection comes back by itself, with backoff: first the room's own
 * reconnection (the server keeps the place 60 s), then a new join with the
 * device's token, which gets its seat back after a closed tab or a reload.
 */
import type { Room } from 'colyseus.js';
import type { TurnTimer } from '../../engine/timer.ts';
import type { LogEntry } from '../../machines/game.ts';
import type {
  ErrorMessage,
  JoinedMessage,
  JoinOptions,
  PatchMessage,
  SeatsMessage,
  SeatTokenMessage,
  ViewMessage,
} from '../session/workshop-protocol.ts';
import { patchedView, type Verdict, VersionFollower } from './follow.ts';

export type LinkStatus = 'connecting' | 'online' | 'reconnecting' | 'closed';

export interface ConnectionHandlers {
  joined(message: JoinedMessage): void;
  view(message: ViewMessage, verdict: Verdict): void;
  timer(timer: TurnTimer): void;
  seatToken(message: SeatTokenMessage): void;
  error(message: ErrorMessage): void;
  /** `key`: the translated reason, when the link is closed for good or a try failed. */
  status(status: LinkStatus, key?: string): void;
  /** To the facilitator: a seat's device connected or dropped. */
  seats(message: SeatsMessage): void;
}

/** Join refusals that no retry mends: the device must be told, not keep trying. */
const FINAL = new Set(['unknown-code', 'bad-token', 'seat-taken', 'no-such-seat', 'bad-message', 'seat-handed-over']);
/** The matchmaker's answer for a code no room holds. */
const NO_ROOM = 4211;
/** Backoff between tries: doubled each time, up to this. */
const MAX_DELAY_MS = 15_000;

/** The i18next key for a failed join: the server's code, or the network's. */
export function joinErrorKey(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  if (code === NO_ROOM) return 'workshop:errors.unknown-code';
  if (FINAL.has(message) || message === 'rate-limited') return `workshop:errors.${message}`;
  return 'workshop:client.unreachable';
}

const isFinal = (key: string) => FINAL.has(key.replace('workshop:errors.', ''));

/** The first join's tries before the device is told, the first wait between them (doubled each time). */
const OPEN_TRIES = 4;
const OPEN_DELAY_MS = 500;

/** Longest wait for one try to join or reconnect before the next is made. */
const TRY_DEADLINE_MS = 20_000;

/**
 * colyseus.js gives a join no deadline: a try that hangs (a socket left half
 * open when the network came back) would hold every later one. Past the
 * deadline it counts as failed; a room that still comes after it is let go.
 */
function withDeadline(joining: Promise<Room>): Promise<Room> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = window.setTimeout(() => {
      late = true;
      reject(new Error('timeout'));
    }, TRY_DEADLINE_MS);
    joining.then(
      (room) => {
        window.clearTimeout(timer);
        if (late) void room.leave(true);
        else resolve(room);
      },
      (error: unknown) => {
        window.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const serverAddress = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

export class WorkshopConnection {
  private room: Room | null = null;
  private readonly follower = new VersionFollower();
  /** The last view shown: a `patch` from its version gives the next one. */
  private last: ViewMessage | null = null;
  private closed = false;
  private tries = 0;
  private retry = 0;
  private readonly online = () => this.reconnectSoon(0);
  /**
   * The browser says the network is gone: a socket may stay open for minutes
   * with nothing coming through, so it is closed now (not consented: the
   * server keeps the place) and the device tries again once back online.
   */
  private readonly offline = () => {
    if (this.room) void this.room.leave(false);
  };

  /** `join()` gives the options of the next join: a seat's token once it has one. */
  constructor(
    private readonly join: () => JoinOptions,
    private readonly handlers: ConnectionHandlers,
  ) {
    window.addEventListener('online', this.online);
    window.addEventListener('offline', this.offline);
  }

  /**
   * Connects; rejects with the translated reason when the server refuses the join, or when the network still fails
   * after a few tries (a reload on a busy machine can reach the server after its seat reservation ran out).
   */
  async open(): Promise<void> {
    this.handlers.status('connecting');
    const { Client } = await import('colyseus.js');
    for (let attempt = 1; ; attempt += 1) {
      const client = new Client(serverAddress());
      try {
        const room = await withDeadline(client.join('workshop', this.join()));
        if (this.closed) return void room.leave(true);
        return this.attach(room, client);
      } catch (error) {
        const key = joinErrorKey(error);
        if (isFinal(key) || attempt >= OPEN_TRIES || this.closed) throw new Error(key);
        await new Promise((resolve) => window.setTimeout(resolve, OPEN_DELAY_MS * 2 ** (attempt - 1)));
      }
    }
  }

  sendEvent(entry: LogEntry, version: number): void {
    this.sendOrKeep('event', { entry, version }, 'event');
  }

  handSeat(seat: number, to: 'device' | 'bot' | 'free'): void {
    this.sendOrKeep('hand-seat', { seat, to }, `hand-seat-${seat}`);
  }

  /**
   * Sent now, or, while the link is down, kept and sent once it is back: the server checks it against the
   * game as it then stands (a move made on a view that has moved on is refused as stale, and the device
   * shown the game as it is). Only the last move is kept (a later one would be stale behind it), and the
   * last hand-over of each seat.
   */
  private sendOrKeep(type: string, message: unknown, slot: string): void {
    if (this.room) {
      this.room.send(type, message);
      return;
    }
    if (this.closed) return;
    this.pending.set(slot, { type, message });
    this.handlers.status('reconnecting', 'workshop:client.queued');
  }

  /** What was done while the link was down, by slot (a Map keeps the order it was done in). */
  private readonly pending = new Map<string, { type: string; message: unknown }>();

  sync(): void {
    this.room?.send('sync');
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.online);
    window.removeEventListener('offline', this.offline);
    window.clearTimeout(this.retry);
    void this.room?.leave(true);
    this.room = null;
  }

  private attach(room: Room, client: { reconnect(token: string): Promise<Room> }): void {
    this.room = room;
    this.tries = 0;
    this.follower.reset();
    this.last = null;
    // Every handler before `sync`: a message that arrives before its handler is lost.
    room.onMessage('joined', (m: JoinedMessage) => this.handlers.joined(m));
    room.onMessage('view', (m: ViewMessage) => this.show(room, m));
    room.onMessage('patch', (m: PatchMessage) => {
      const view = patchedView(this.last, this.follower.version(), m);
      if (view) {
        this.last = view;
        this.handlers.view(view, this.follower.patched(view.version));
      } else if (view === null) room.send('sync');
    });
    room.onMessage('timer', (m: { version: number; timer: TurnTimer }) => {
      const verdict = this.follower.timer(m.version);
      if (verdict === 'show') this.handlers.timer(m.timer);
      else if (verdict === 'gap') room.send('sync');
    });
    room.onMessage('seat-token', (m: SeatTokenMessage) => this.handlers.seatToken(m));
    room.onMessage('seats', (m: SeatsMessage) => this.handlers.seats(m));
    room.onMessage('error', (m: ErrorMessage) => {
      // The reason first, then the link closed for good: the status line need not say it again.
      this.handlers.error(m);
      if (m.code === 'seat-handed-over') this.finish(m.key);
    });
    room.onLeave(() => {
      if (this.room !== room) return;
      this.room = null;
      if (!this.closed) this.drop(room.reconnectionToken, client);
    });
    this.handlers.status('online');
    room.send('sync');
    for (const { type, message } of this.pending.values()) room.send(type, message);
    this.pending.clear();
  }

  private show(room: Room, m: ViewMessage): void {
    const verdict = this.follower.view(m.version);
    if (verdict === 'old') return;
    this.last = m;
    this.handlers.view(m, verdict);
    if (verdict === 'gap') room.send('sync');
  }

  /** Let go for good (the seat went to another device): no retry. */
  private finish(key: string): void {
    this.closed = true;
    this.pending.clear();
    window.clearTimeout(this.retry);
    this.handlers.status('closed', key);
  }

  private drop(token: string, client: { reconnect(token: string): Promise<Room> }): void {
    this.handlers.status('reconnecting');
    const attempt = async () => {
      // One try at a time: two at once (the browser back online during a try) would both take the seat with its
      // token, and the second would have the server let the first go, which this device then takes for a hand-over.
      if (this.closed || this.room) return;
      if (this.trying) {
        this.askedAgain = true;
        return;
      }
      this.trying = true;
      this.askedAgain = false;
      let again = false;
      try {
        // Within the server's wait, the same connection comes back; after it, a new join with the token.
        const room = await withDeadline(client.reconnect(token)).catch(async () => {
          const { Client } = await import('colyseus.js');
          return withDeadline(new Client(serverAddress()).join('workshop', this.join()));
        });
        if (this.closed) {
          void room.leave(true);
          return;
        }
        this.attach(room, client);
      } catch (error) {
        const key = joinErrorKey(error);
        if (isFinal(key)) return this.finish(key);
        this.handlers.status('reconnecting', key);
        again = true;
      } finally {
        this.trying = false;
      }
      // Back online while this try failed: the next goes now, not after the backoff.
      if (again) this.reconnectSoon(this.askedAgain ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** this.tries));
    };
    this.nextTry = attempt;
    this.reconnectSoon(this.tries === 0 ? 250 : Math.min(MAX_DELAY_MS, 1000 * 2 ** this.tries));
  }

  private nextTry: (() => Promise<void>) | null = null;
  /** A try is under way: the next waits for its outcome (and goes at once if one was asked for meanwhile). */
  private trying = false;
  private askedAgain = false;

  private reconnectSoon(delay: number): void {
    if (this.closed || this.room || !this.nextTry) return;
    window.clearTimeout(this.retry);
    const attempt = this.nextTry;
    this.retry = window.setTimeout(() => {
      this.tries += 1;
      void attempt();
    }, delay);
  }
}
