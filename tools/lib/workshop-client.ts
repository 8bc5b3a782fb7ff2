/**
 * A workshop device in Node (README, "Workshop server"): joins a session by
 * code and role over colyseus.js, registers its handlers before it sends
 * `sync` (colyseus.js drops a message nobody listens to yet), follows the
 * `view` versions (a gap: `sync`), keeps its seat token, and when the
 * connection drops gets its place back: `reconnect` while the room still
 * holds it, else the same join with its token, with backoff, for up to 60 s.
 * Used by workshop-bot and bench-server.
 */
import { Client, type Room } from 'colyseus.js';
import { patchedView } from '../../src/game/network/follow.ts';
import type {
  ErrorMessage,
  JoinedMessage,
  JoinOptions,
  PatchMessage,
  ViewMessage,
  WorkshopErrorCode,
} from '../../src/game/session/workshop-protocol.ts';
import type { LogEntry } from '../../src/machines/game.ts';

/** Why a join failed: a protocol code, or `unreachable` when no server answered. */
export class JoinError extends Error {
  constructor(
    readonly code: WorkshopErrorCode | 'unreachable',
    message: string,
  ) {
    super(message);
  }
}

export interface WorkshopClientOptions {
  url: string;
  join: JoinOptions;
  /** Sent with every request (Node only): the bench's X-Forwarded-For, one address per device. */
  headers?: Record<string, string>;
  /** How long to keep trying to get back in after a drop (default 60 s, the server's window). */
  reconnectMs?: number;
  /** Keep retrying a first join refused with `rate-limited` or unreachable, for reconnectMs. */
  retryFirstJoin?: boolean;
}

export interface WorkshopHandlers {
  view?(view: ViewMessage, at: number): void;
  error?(error: ErrorMessage): void;
  joined?(joined: JoinedMessage): void;
  /** Back in after a drop (sync sent); `gaveUp` once the window has passed without getting back. */
  reconnected?(): void;
  gaveUp?(reason: string): void;
}

/** The server's message limit (20 at once, then 10 a second): the client paces itself rather than be refused. */
const BURST = 20;
const PER_SECOND = 10;
const MATCHMAKE_NO_ROOM = 4211;

export class WorkshopClient {
  view: ViewMessage | null = null;
  joined: JoinedMessage | null = null;
  /** The seat token: from the join options, or issued in `joined` to a seat taken by number. */
  token: string | undefined;
  reconnections = 0;
  gaps = 0;
  private room!: Room;
  private readonly client: Client;
  private closed = false;
  private tokens = BURST;
  private refilledAt = performance.now();
  private readonly queue: [string, unknown][] = [];
  private drain: ReturnType<typeof setTimeout> | null = null;
  /** The next view is the answer to a (re)join's sync: taken whatever its version (a restart may have lost none, or some). */
  private fresh = true;

  private constructor(
    private readonly options: WorkshopClientOptions,
    public handlers: WorkshopHandlers,
  ) {
    this.client = new Client(options.url, { headers: options.headers ?? {} });
    this.token = 'token' in options.join ? options.join.token : undefined;
  }

  static async connect(options: WorkshopClientOptions, handlers: WorkshopHandlers = {}): Promise<WorkshopClient> {
    const device = new WorkshopClient(options, handlers);
    const until = Date.now() + (options.reconnectMs ?? 60_000);
    for (let attempt = 0; ; attempt += 1) {
      try {
        device.attach(await device.client.join('workshop', options.join));
        return device;
      } catch (error) {
        const refused = joinError(error);
        const transient = refused.code === 'rate-limited' || refused.code === 'unreachable';
        if (!options.retryFirstJoin || !transient || Date.now() > until) throw refused;
        await sleep(backoff(attempt));
      }
    }
  }

  get seat(): string | null {
    return this.joined?.seat ?? null;
  }

  sync(): void {
    this.send('sync');
  }

  /** A sync whose answer is taken whatever its version: after a refusal or a silence, the view to act on anew. */
  resync(): void {
    this.fresh = true;
    this.sync();
  }

  sendEvent(entry: LogEntry, version?: number): void {
    this.send('event', version === undefined ? { entry } : { entry, version });
  }

  send(type: string, message?: unknown): void {
    this.queue.push([type, message]);
    this.flush();
  }

  /** Leaves for good: no reconnection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.drain) clearTimeout(this.drain);
    if (this.room.connection.isOpen) await this.room.leave(true).catch(() => undefined);
  }

  private flush(): void {
    const now = performance.now();
    this.tokens = Math.min(BURST, this.tokens + ((now - this.refilledAt) / 1000) * PER_SECOND);
    this.refilledAt = now;
    while (this.queue.length > 0 && this.tokens >= 1 && this.room.connection.isOpen) {
      const [type, message] = this.queue.shift() as [string, unknown];
      this.tokens -= 1;
      this.room.send(type, message);
    }
    if (this.queue.length > 0 && !this.drain && this.room.connection.isOpen) {
      this.drain = setTimeout(
        () => {
          this.drain = null;
          this.flush();
        },
        Math.ceil(((1 - this.tokens) / PER_SECOND) * 1000),
      );
    }
  }

  /** Handlers first, then sync: a message sent before its handler is registered is dropped by colyseus.js. */
  private attach(room: Room): void {
    this.room = room;
    if (this.drain) clearTimeout(this.drain);
    this.drain = null;
    this.fresh = true;
    room.onMessage('view', (view: ViewMessage) => this.onView(view));
    room.onMessage('patch', (patch: PatchMessage) => this.onPatch(patch));
    room.onMessage('joined', (joined: JoinedMessage) => {
      this.joined = joined;
      if (joined.token) this.token = joined.token;
      this.handlers.joined?.(joined);
    });
    room.onMessage('error', (error: ErrorMessage) => {
      if (error.code === 'seat-handed-over') this.closed = true;
      this.handlers.error?.(error);
    });
    room.onMessage('timer', () => {});
    room.onMessage('seat-token', () => {});
    room.onMessage('seats', () => {});
    room.onLeave((code) => {
      if (this.closed || code === 4000) return;
      void this.comeBack();
    });
    this.queue.length = 0;
    this.sync();
  }

  private onView(view: ViewMessage): void {
    const at = performance.now();
    // A view published before the answer to the first sync: the device does not know its seat yet; the answer follows.
    if (!this.joined) return;
    const current = this.view;
    if (!this.fresh && current && view.version <= current.version) return;
    if (!this.fresh && current && view.version > current.version + 1) {
      this.gaps += 1;
      this.sync();
    }
    this.fresh = false;
    this.view = view;
    this.handlers.view?.(view, at);
  }

  /** A patch from the view held makes the next one; from another version, or one that does not fit, `sync`. */
  private onPatch(message: PatchMessage): void {
    const at = performance.now();
    // Before the answer to a (re)join's sync, which follows: nothing to patch yet.
    if (!this.joined || this.fresh) return;
    const view = patchedView(this.view, this.view?.version ?? null, message);
    if (view === undefined) return;
    if (view === null) {
      this.gaps += 1;
      this.sync();
      return;
    }
    this.view = view;
    this.handlers.view?.(view, at);
  }

  /** The join that gets this device its own place back: its seat by token, the facilitator's token, the screen. */
  private rejoinOptions(): JoinOptions {
    const join = this.options.join;
    if (join.role === 'seat' && this.token) return { role: 'seat', code: join.code, token: this.token };
    return join;
  }

  private async comeBack(): Promise<void> {
    const until = Date.now() + (this.options.reconnectMs ?? 60_000);
    let reason = 'no server answered';
    for (let attempt = 0; Date.now() < until && !this.closed; attempt += 1) {
      await sleep(backoff(attempt));
      try {
        // The room may still hold this connection's place (a seat, for 60 s); after a restart only the join works.
        const room = await this.client
          .reconnect(this.room.reconnectionToken)
          .catch(() => this.client.join('workshop', this.rejoinOptions()));
        if (this.closed) return void room.leave(true);
        this.reconnections += 1;
        this.attach(room);
        this.handlers.reconnected?.();
        return;
      } catch (error) {
        const refused = joinError(error);
        reason = refused.message;
        if (refused.code !== 'rate-limited' && refused.code !== 'unreachable' && refused.code !== 'unknown-code') break;
      }
    }
    if (!this.closed) this.handlers.gaveUp?.(reason);
  }
}

/** 100 ms doubling to 2 s, with jitter so that a room's devices do not all knock at once. */
function backoff(attempt: number): number {
  return Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function joinError(error: unknown): JoinError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === MATCHMAKE_NO_ROOM) return new JoinError('unknown-code', 'no session has this code');
  if (typeof code === 'number' && /^[a-z-]+$/.test(message)) return new JoinError(message as WorkshopErrorCode, message);
  return new JoinError('unreachable', message || 'no server answered');
}
