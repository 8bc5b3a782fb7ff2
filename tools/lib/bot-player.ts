/**
 * Plays one device of a workshop over a WorkshopClient: on every view it asks
 * its `decide` for a move, sends it with the version it acted on, and follows
 * each move to its outcome: acknowledged (the next version is that entry),
 * refused, or unconfirmed (a restart or a jump hid which entry came next). A
 * `stale-version`, a rate limit or a silence means sync and try again, up to
 * MAX_TRIES. Used by workshop-bot (one seat) and bench-server (every device).
 */
import { botRandom } from '../../src/bots/autoplay.ts';
import type { Strategy } from '../../src/bots/strategies.ts';
import { currentTeam } from '../../src/engine/flow.ts';
import type { GameState, Scenario } from '../../src/engine/types.ts';
import type { ErrorMessage, ViewMessage } from '../../src/game/session/workshop-protocol.ts';
import type { LogEntry } from '../../src/machines/game.ts';
import type { WorkshopClient } from './workshop-client.ts';

export interface Move {
  entry: LogEntry;
  /** The version the move acted on (the last send's, after retries). */
  version: number;
  sentAt: number;
  tries: number;
  outcome: 'pending' | 'acknowledged' | 'error' | 'unconfirmed';
  /** For an acknowledged move: the version its entry made, and when the sender saw it. */
  ackVersion?: number;
  ackAt?: number;
  error?: string;
}

export type Decide = (view: ViewMessage) => LogEntry | null;

export const MAX_TRIES = 5;
/** No answer this long while connected: ask for the view again. */
const SILENCE_MS = 15_000;

export interface PlayerHooks {
  settled?(move: Move): void;
  /** How long to think before a new move, in ms (a retry goes at once); none: at once. */
  think?(): number;
  /** The game is over (debrief or finished). */
  done?(view: ViewMessage): void;
}

export class BotPlayer {
  readonly moves: Move[] = [];
  private inflight: Move | null = null;
  private silence: ReturnType<typeof setTimeout> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** The entry the rules refused at this version: the fallback is tried instead of sending it again. */
  private refused: { version: number; entry: string } | null = null;
  private over = false;
  private retrying = false;
  /** Thinking over a move: when the time is up, it decides on the view it then holds. */
  private thinking: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly client: WorkshopClient,
    private readonly decide: Decide,
    private readonly hooks: PlayerHooks = {},
    private readonly fallback: Decide = () => null,
  ) {
    const previous = client.handlers;
    client.handlers = {
      ...previous,
      view: (view, at) => {
        previous.view?.(view, at);
        this.onView(view, at);
      },
      error: (error) => {
        previous.error?.(error);
        this.onError(error);
      },
    };
    if (client.view) this.onView(client.view, performance.now());
  }

  get finished(): boolean {
    return this.over;
  }

  stop(): void {
    this.over = true;
    if (this.thinking) clearTimeout(this.thinking);
    if (this.silence) clearTimeout(this.silence);
    if (this.retry) clearTimeout(this.retry);
  }

  private onView(view: ViewMessage, at: number): void {
    const move = this.inflight;
    if (move && this.retrying) {
      // The answer to the sync after a refusal that applied nothing: decide anew on it.
      this.retrying = false;
      this.resend(move, view);
      return;
    }
    if (move) {
      if (view.version === move.version + 1 && sameEntry(view.entry, move.entry)) {
        this.settle(move, 'acknowledged', { ackVersion: view.version, ackAt: at });
      } else if (view.version > move.version + 1) {
        this.settle(move, 'unconfirmed');
      } else if (view.version > move.version) {
        return; // Another device's entry came first: the server answers this one with stale-version.
      } else {
        // A sync's answer at or before the version acted on: not applied.
        this.resend(move, view);
        return;
      }
    }
    this.act(view);
  }

  /** `thought`: the time to think is over; the move is decided on this view and sent. */
  private act(view: ViewMessage, thought = false): void {
    if (this.over) return;
    if (view.status !== 'playing') {
      this.stop();
      this.hooks.done?.(view);
      return;
    }
    if (this.inflight || view.paused || this.thinking) return;
    const entry = this.choose(view);
    if (!entry) return;
    const delay = thought ? 0 : (this.hooks.think?.() ?? 0);
    if (delay > 0) {
      this.thinking = setTimeout(() => {
        this.thinking = null;
        if (this.client.view) this.act(this.client.view, true);
      }, delay);
      return;
    }
    const move: Move = { entry, version: view.version, sentAt: 0, tries: 0, outcome: 'pending' };
    this.moves.push(move);
    this.send(move);
  }

  private choose(view: ViewMessage): LogEntry | null {
    const entry = this.decide(view);
    if (entry && this.refused?.version === view.version && this.refused.entry === canonical(entry)) return this.fallback(view);
    return entry;
  }

  private send(move: Move): void {
    move.tries += 1;
    move.sentAt = performance.now();
    this.inflight = move;
    this.client.sendEvent(move.entry, move.version);
    if (this.silence) clearTimeout(this.silence);
    this.silence = setTimeout(() => this.inflight === move && this.client.resync(), SILENCE_MS);
  }

  private resend(move: Move, view: ViewMessage): void {
    if (view.status !== 'playing' || move.tries >= MAX_TRIES) {
      this.settle(move, 'error', { error: view.status !== 'playing' ? 'game over' : 'no answer' });
      this.act(view);
      return;
    }
    const entry = this.choose(view);
    if (!entry) {
      // No longer this device's move (the view moved on under it): nothing was applied, nothing to count.
      this.moves.splice(this.moves.indexOf(move), 1);
      this.inflight = null;
      this.act(view);
      return;
    }
    Object.assign(move, { entry, version: view.version });
    this.send(move);
  }

  private onError(error: ErrorMessage): void {
    const move = this.inflight;
    if (!move) return;
    if (error.code === 'refused' || move.tries >= MAX_TRIES || !RETRIED.has(error.code)) {
      if (error.code === 'refused') this.refused = { version: move.version, entry: canonical(move.entry) };
      this.settle(move, 'error', { error: error.reason ?? error.code });
      if (this.client.view) this.act(this.client.view);
      return;
    }
    // Acted on an old view, or too fast: the current view, then the move decided anew (after a second if rate-limited).
    const later = error.code === 'rate-limited' ? 1000 : 0;
    this.retry = setTimeout(() => {
      this.retrying = true;
      this.client.resync();
    }, later);
  }

  private settle(move: Move, outcome: Move['outcome'], extra: Partial<Move> = {}): void {
    Object.assign(move, { outcome, ...extra });
    this.inflight = null;
    if (this.silence) clearTimeout(this.silence);
    this.hooks.settled?.(move);
  }
}

const RETRIED = new Set(['stale-version', 'rate-limited']);

/** A seat's view as a GameState for the strategies: the parts it hides (seed, RNG, planned shocks, notes) left neutral; no strategy reads them. */
export function asGame(view: ViewMessage['view']): GameState {
  if (view.viewer === 'facilitator') return view as GameState;
  return { seed: 0, rng: 0, pendingHazard: null, plannedHazards: [], notes: [], ...view };
}

/** A seat plays its team's turns with a strategy, its random draws seeded by the game's version. */
export function seatDecide(client: WorkshopClient, strategy: Strategy, scenario: Scenario, seed: number): Decide {
  return (view) => {
    const game = asGame(view.view);
    const team = currentTeam(game);
    return team !== null && team === client.seat ? strategy(game, scenario, team, botRandom(seed + view.version)) : null;
  };
}

/** A refused move falls back to a pass, as the server's own bots do. */
export function seatFallback(client: WorkshopClient): Decide {
  return (view) => {
    const team = currentTeam(asGame(view.view));
    return team !== null && team === client.seat ? { type: 'pass', team } : null;
  };
}

/** The facilitator moves the shared phases on (diagnosis, implementation, shock, evaluation) once no team is to play. */
export const facilitatorDecide: Decide = (view) => {
  const game = asGame(view.view);
  return !game.over && currentTeam(game) === null ? { type: 'continue' } : null;
};

/** JSON with sorted keys: the server's schemas may give an entry's fields back in another order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const sameEntry = (a: LogEntry | null, b: LogEntry | null): boolean => canonical(a) === canonical(b);
