/**
 * A networked device's game: what the workshop server sends it. The faces
 * read it as they read the controller (session/source.ts): each `view` is
 * the game as this device may see it, and the panels' events go to the
 * server as log entries, through the same translation as a local game's
 * (session/view-events.ts). The server's machine is the one authority.
 */
import { currentTeam } from '../../engine/index.ts';
import type { TurnTimer } from '../../engine/timer.ts';
import type { GameState, Scenario } from '../../engine/types.ts';
import type { LogEntry } from '../../machines/game.ts';
import type { GameView, ViewEvent } from '../session/controller.ts';
import type { GameFile, GameSave } from '../session/game-saves.ts';
import type { GameSource } from '../session/source.ts';
import { type Draft, emptyDraft, interpret } from '../session/view-events.ts';
import type { Role, ViewMessage } from '../session/workshop-protocol.ts';
import type { Verdict } from './follow.ts';
import { type DraftKeeper, draftToKeep, keptDraft } from './kept-draft.ts';

/**
 * A seat's or the screen's view completed into a game: what the server keeps
 * from them (seed, RNG, hazards to come, the facilitator's notes) is empty
 * here, never guessed.
 */
export function gameOf(message: ViewMessage): GameState {
  const { viewer: _viewer, ...view } = message.view;
  return { seed: 0, rng: 0, pendingHazard: null, plannedHazards: [], notes: [], ...view };
}

export class RemoteSource implements GameSource {
  readonly local = false;
  readonly exportable: boolean;
  private message: ViewMessage;
  private game: GameState;
  private timer: TurnTimer;
  private draft: Draft;
  /** What the keeper holds: written again only when the step to keep changes. */
  private kept: string | null;
  private steps: GameView['steps'] = [];
  /**
   * The entries this device was shown, in order (the console's last action of each seat reads them): the whole
   * log for the facilitator, whom the server sends it on every `sync`; for the others, those seen since loading.
   */
  private entries: LogEntry[] = [];
  /** The version the last entry kept made: an entry is kept once, whatever a reconnection sends again. */
  private through = 0;
  /** The facilitator's game file, without its log (the entries are): what `save` exports. */
  private file: Omit<GameFile, 'log'> | null = null;
  private current: GameView | null = null;
  private readonly listeners = new Set<(view: GameView) => void>();

  constructor(
    readonly id: string,
    private readonly scenario: Scenario,
    private readonly role: Role,
    first: ViewMessage,
    /** Sends an entry to the server, with the version it was made on. */
    private readonly post: (entry: LogEntry, version: number) => void,
    /** Where a seat keeps its funding step across a reload. */
    private readonly keeper?: DraftKeeper,
  ) {
    this.message = first;
    this.game = gameOf(first);
    this.timer = first.timer;
    this.draft = (keeper && keptDraft(keeper.load(), this.game)) ?? emptyDraft();
    this.kept = draftToKeep(this.game, this.draft);
    // A step kept for another turn (or unreadable) is let go.
    keeper?.save(this.kept);
    this.exportable = role === 'facilitator';
  }

  /** The session's file, sent to the facilitator with `joined`: its log becomes the entries shown. */
  history(file: GameFile): void {
    const { log, ...rest } = file;
    this.file = rest;
    this.entries = [...log];
    this.through = log.length;
    this.changed();
  }

  /** A `view` from the server, with what the version follower made of it. */
  receive(message: ViewMessage, verdict: Verdict): void {
    if (verdict === 'old') return;
    const before = this.game;
    this.message = message;
    this.game = gameOf(message);
    this.timer = message.timer;
    const told = verdict === 'next' && message.entry !== null && message.version > 0;
    if (verdict === 'next') this.keep(message);
    this.steps = told && message.entry ? [{ entry: message.entry, before, after: this.game }] : [];
    // A draft stands while its team still has the turn in the plan phase.
    const team = currentTeam(this.game);
    if (!this.draft.selection || this.game.phase !== 'plan' || team !== currentTeam(before)) this.draft = emptyDraft();
    this.changed();
  }

  /** The entries that made this version, each once: those a patch brought, or the view's own. */
  private keep(message: ViewMessage): void {
    const brought = message.entries ?? [message.entry];
    const first = message.version - brought.length + 1;
    brought.forEach((entry, i) => {
      if (entry && first + i > this.through && first + i > 0) {
        this.entries.push(entry);
        this.through = first + i;
      }
    });
  }

  /** The server's clock, each second while it runs. */
  tick(timer: TurnTimer): void {
    this.timer = timer;
    this.steps = [];
    this.changed();
  }

  /** The rules refused this device's move: the funding step says why, as it does on a local game. */
  refused(reason: string): void {
    if (!this.draft.selection) return;
    this.draft = { ...this.draft, refusal: reason };
    this.steps = [];
    this.changed();
  }

  /** The entries shown so far (oldest first). */
  seen(): readonly LogEntry[] {
    return this.entries;
  }

  version(): number {
    return this.message.version;
  }

  send(event: ViewEvent): void {
    // The clock runs on the server; the console always shows the facilitator's controls.
    if (event.type === 'TICK' || event.type === 'SET_FACILITATOR') return;
    const out = interpret(event, {
      game: this.game,
      scenario: this.scenario,
      paused: this.message.paused,
      timer: this.timer,
      draft: this.draft,
    });
    if (out.draft !== this.draft) {
      this.draft = out.draft;
      this.steps = [];
      this.changed();
    }
    if (out.entry) this.post(out.entry, this.message.version);
  }

  view(): GameView {
    if (this.current) return this.current;
    const { status, paused } = this.message;
    const playing = status === 'playing';
    const selection = playing && this.draft.selection && currentTeam(this.game) !== null ? this.draft.selection : null;
    this.current = {
      status,
      paused,
      phase: playing ? (selection ? 'fund' : this.game.phase) : null,
      game: this.game,
      round: playing
        ? {
            selection,
            refusal: selection ? this.draft.refusal : null,
            levers: selection ? this.draft.levers : [],
            pendingHazard: this.game.pendingHazard,
          }
        : null,
      timer: this.timer,
      facilitator: this.role === 'facilitator',
      log: this.entries,
      steps: this.steps,
    };
    return this.current;
  }

  subscribe(listener: (view: GameView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The facilitator's device exports the session as a game file, as a local game does; null on the others, which
   * are not sent the whole log, and while the log shown is not whole (a gap: the next `sync` mends it).
   */
  save(): GameSave | null {
    const { file, message } = this;
    if (!file || this.entries.length !== message.version) return null;
    return {
      id: this.id,
      savedAt: new Date().toISOString(),
      round: Math.min(this.game.round, this.game.rounds),
      status: message.status,
      facilitator: true,
      file: { ...file, log: [...this.entries] },
    };
  }

  dispose(): void {
    this.listeners.clear();
  }

  private changed(): void {
    const keep = this.keeper ? draftToKeep(this.game, this.draft) : null;
    if (this.keeper && keep !== this.kept) {
      this.kept = keep;
      this.keeper.save(keep);
    }
    this.current = null;
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}
