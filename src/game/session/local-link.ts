/**
 * One game open in several windows of the same browser (the projector screen,
 * the facilitator's console, a team's seat) stays one game without a server.
 * One window is the authority: it holds a Web Lock named after the session, so
 * when it closes another window takes over. Every window keeps a replica of
 * the game; a window proposes the logged events its people make, the authority
 * applies them through the scenario machine (its guards are the rules) and
 * sends every window the new entries of the log with a version (the log's
 * length); a window that sees a gap asks for the whole log. The networked
 * workshop speaks the same messages to its server.
 */
import type { TurnTimer } from '../../engine/timer.ts';
import type { LogEntry } from '../../machines/game.ts';

export type LinkMessage =
  /** A follower's event for the authority to apply. */
  | { kind: 'propose'; entry: LogEntry }
  /** The authority's log from `version - entries.length` to `version`, and its clock. */
  | { kind: 'log'; version: number; entries: LogEntry[]; timer: TurnTimer }
  /** A follower asks for the whole log (on opening, or after a gap). */
  | { kind: 'sync' };

/** Where the windows of one session talk: a BroadcastChannel in the browser, a fake bus in tests. */
export interface LinkChannel {
  post(message: LinkMessage): void;
  listen(handler: (message: LinkMessage) => void): () => void;
  close(): void;
}

/** Who is the authority: calls `onLeader` once this window holds the session's lock; the returned function lets it go. */
export type LeaderLock = (onLeader: () => void) => () => void;

/** What the link needs of a window's game: the game controller. */
export interface Replica {
  log(): readonly LogEntry[];
  timer(): TurnTimer;
  /** Applies an event as the authority; the machine refuses what the rules refuse. */
  apply(entry: LogEntry): void;
  /** Applies entries the authority accepted, and shows its clock. */
  follow(entries: readonly LogEntry[], timer: TurnTimer): void;
  /** Told when this window becomes the authority (it starts saving and ticking the clock). */
  lead(): void;
}

export class SessionLink {
  private leader = false;
  private sent = 0;
  private sentTimer = '';
  /** Proposed while no authority had answered yet (a window opening as another closes): kept, not lost. */
  private pending: LogEntry[] = [];
  private readonly stopListening: () => void;
  private readonly release: () => void;

  constructor(
    private readonly channel: LinkChannel,
    lock: LeaderLock,
    private readonly replica: Replica,
  ) {
    this.stopListening = channel.listen((message) => this.receive(message));
    // Handlers first, then ask: a message sent before the handler exists would be lost.
    channel.post({ kind: 'sync' });
    this.release = lock(() => {
      this.leader = true;
      this.sent = this.replica.log().length;
      this.replica.lead();
      for (const entry of this.pending.splice(0)) this.replica.apply(entry);
      // What this window knows may be ahead of what the others saw from the last authority.
      this.broadcast(0);
    });
  }

  isLeader(): boolean {
    return this.leader;
  }

  /** An event made in this window: applied here if this window is the authority, else sent to it. */
  propose(entry: LogEntry): void {
    if (this.leader) {
      this.replica.apply(entry);
      this.changed();
    } else {
      this.pending.push(entry);
      this.channel.post({ kind: 'propose', entry });
    }
  }

  /** The authority's game changed (an event, a clock tick): the others get the new entries and the clock. */
  changed(): void {
    if (!this.leader) return;
    if (this.replica.log().length !== this.sent || JSON.stringify(this.replica.timer()) !== this.sentTimer) {
      this.broadcast(this.sent);
    }
  }

  close(): void {
    this.stopListening();
    this.release();
    this.channel.close();
  }

  private broadcast(from: number): void {
    const log = this.replica.log();
    const timer = this.replica.timer();
    this.sent = log.length;
    this.sentTimer = JSON.stringify(timer);
    this.channel.post({ kind: 'log', version: log.length, entries: log.slice(from), timer });
  }

  private receive(message: LinkMessage): void {
    if (this.leader) {
      if (message.kind === 'propose') {
        this.replica.apply(message.entry);
        // Always an answer, even to a refused event: the proposer knows an authority heard it.
        this.broadcast(this.sent);
      } else if (message.kind === 'sync') {
        this.broadcast(0);
      }
      return;
    }
    if (message.kind !== 'log') return;
    this.pending = [];
    const have = this.replica.log().length;
    const first = message.version - message.entries.length;
    if (message.version < have) return;
    if (first > have) {
      // A gap: some entries were missed (this window was busy or opened late).
      this.channel.post({ kind: 'sync' });
      return;
    }
    this.replica.follow(message.entries.slice(have - first), message.timer);
  }
}

/** The browser's channel for a session's windows. */
export function broadcastChannel(name: string): LinkChannel {
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => {
      const listener = (event: MessageEvent) => handler(event.data as LinkMessage);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
    close: () => channel.close(),
  };
}

/** The browser's lock: held until the window closes or lets it go; where Web Locks are missing, this window leads alone. */
export function webLock(name: string): LeaderLock {
  return (onLeader) => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (!locks) {
      onLeader();
      return () => {};
    }
    let release: () => void = () => {};
    let released = false;
    void locks.request(
      name,
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          if (released) resolve();
          else onLeader();
        }),
    );
    return () => {
      released = true;
      release();
    };
  };
}
