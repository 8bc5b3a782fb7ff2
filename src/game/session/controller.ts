/**
 * Runs the scenario machine for the game view: starts a game from its options
 * or resumes one by replaying its log, saves the log after every event, and
 * hands plain snapshots to the panels. The view's own steps (the card a team
 * is looking at before it funds it) stay here: they change nothing in the game.
 */
import { type Actor, createActor } from 'xstate';
import { cardsOpenTo, currentTeam } from '../../engine/index.ts';
import type { TurnTimer } from '../../engine/timer.ts';
import type { GameState, Phase, Scenario } from '../../engine/types.ts';
import type { LogEntry, SessionMachine, SessionOptions } from '../../machines/game.ts';
import { type SessionSnapshot, sessionMachineFor } from '../../machines/replay.ts';
import type { StoreResult } from '../../storage/store.ts';
import {
  GAME_FILE_FORMAT,
  GAME_FILE_VERSION,
  type GameDraft,
  type GameSave,
  type GameStatus,
  scenarioHash,
} from './game-saves.ts';
import type { Replica, SessionLink } from './local-link.ts';
import type { GameSource } from './source.ts';
import { interpret } from './view-events.ts';

/** The engine's phases, and the view's funding step inside the plan phase. */
export type RoundPhase = Phase | 'fund';

export interface RoundView {
  /** The card the team whose turn it is has chosen, and the teams it pools with. */
  selection: { card: string; partners: string[] } | null;
  /** Why the last funding was refused (an engine error code). */
  refusal: string | null;
  /** Levers ticked for the selection. */
  levers: string[];
  /** The hazard the facilitator injected for the next shock. */
  pendingHazard: string | null;
}

export interface GameView {
  status: GameStatus;
  paused: boolean;
  phase: RoundPhase | null;
  game: GameState;
  round: RoundView | null;
  timer: { enabled: boolean; limitSeconds: number; remainingSeconds: number; forceOnExpiry: boolean };
  facilitator: boolean;
  /** The game's log: narration and sound read its new entries. */
  log: readonly LogEntry[];
  /**
   * The steps since the previous view, when the source was sent them rather
   * than the log (a networked device cannot replay what it is not shown).
   */
  steps?: readonly { entry: LogEntry; before: GameState; after: GameState }[];
}

/** What the panels send: the view's words, turned here into the game's logged events. */
export type ViewEvent =
  | { type: 'CONTINUE' }
  | { type: 'CHOOSE_PROJECT'; card: string; partners?: string[] }
  | { type: 'FUND'; levers: string[] }
  | { type: 'TICK_LEVERS'; levers: string[] }
  | { type: 'ANSWER_OFFER'; offer: string; accept: boolean }
  | { type: 'SEND_AID'; to: string }
  | { type: 'BACK' }
  | { type: 'PASS' }
  | { type: 'SKIP_PHASE' }
  | { type: 'INJECT_HAZARD'; hazard: string }
  | { type: 'PLAN_HAZARD'; round: number; hazard: string }
  | { type: 'ALLOCATE'; lever: string; shares: Record<string, number>; by?: string }
  /** The facilitator's note; `at` is the moment it was written (the view's clock). */
  | { type: 'NOTE'; text: string; at: string }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'TICK'; seconds: number }
  | { type: 'EXTEND_TIME'; seconds: number }
  | { type: 'SET_TIMER'; enabled: boolean; limitSeconds?: number; forceOnExpiry?: boolean }
  | { type: 'SKIP_TO_DEBRIEF' }
  | { type: 'SET_FACILITATOR'; enabled: boolean }
  | { type: 'FINISH' };

export interface GameStart {
  options: SessionOptions;
  /** A resumed game: its log replayed. */
  snapshot?: SessionSnapshot;
  /** The project being funded when the game was saved. */
  draft?: GameDraft;
}

export class GameController implements GameSource {
  readonly scenario: Scenario;
  readonly id: string;
  readonly local = true;
  readonly exportable = true;
  private readonly actor: Actor<SessionMachine>;
  private listeners = new Set<(view: GameView) => void>();
  private subscription: { unsubscribe(): void };
  private disposed = false;
  private selection: RoundView['selection'] = null;
  private levers: string[] = [];
  private refusal: string | null = null;
  private facilitator: boolean;
  /** Other windows of this session, when it is open in several (see session/local-link.ts). */
  private link: SessionLink | null = null;
  /** The authority's clock, shown by a window that follows it. */
  private remoteTimer: TurnTimer | null = null;

  constructor(
    scenario: Scenario,
    id: string,
    private readonly persist: (save: GameSave) => StoreResult,
    private readonly onStoreResult: (result: StoreResult) => void,
    start: GameStart,
    facilitator = false,
  ) {
    this.scenario = scenario;
    this.id = id;
    this.facilitator = facilitator;
    const machine = sessionMachineFor(scenario);
    this.actor = start.snapshot
      ? createActor(machine, { input: { options: start.options }, snapshot: start.snapshot })
      : createActor(machine, { input: { options: start.options } });
    this.subscription = this.actor.subscribe(() => this.changed());
    this.actor.start();
    const draft = start.draft;
    const team = currentTeam(this.game());
    if (draft && team !== null && cardsOpenTo(this.game(), scenario, team).some((c) => c.id === draft.card)) {
      this.selection = { card: draft.card, partners: [...draft.partners] };
      this.levers = [...draft.levers];
    }
    this.changed();
  }

  private snapshot() {
    return this.actor.getSnapshot();
  }

  private game(): GameState {
    return this.snapshot().context.game;
  }

  send(event: ViewEvent): void {
    if (!this.disposed) this.handle(event);
  }

  /** Turns a view event into a logged event (or a change of the view's own draft). */
  private handle(event: ViewEvent): void {
    if (event.type === 'TICK') {
      // Only the authority's clock runs; the others show it.
      if (this.isAuthority()) this.actor.send({ type: 'tick', seconds: event.seconds });
      return;
    }
    if (event.type === 'SET_FACILITATOR') {
      this.facilitator = event.enabled;
      this.changed();
      return;
    }
    const snap = this.snapshot();
    const draft = { selection: this.selection, levers: this.levers, refusal: this.refusal };
    const out = interpret(event, {
      game: snap.context.game,
      scenario: this.scenario,
      paused: snap.hasTag('paused'),
      timer: snap.context.timer,
      draft,
    });
    const draftChanged = out.draft !== draft;
    ({ selection: this.selection, levers: this.levers, refusal: this.refusal } = out.draft);
    if (out.entry) this.dispatch(out.entry);
    else if (draftChanged) this.changed();
  }

  private dispatch(event: LogEntry): void {
    if (this.link) this.link.propose(event);
    else this.actor.send(event);
  }

  /**
   * Joins the other windows of this session: one of them is the authority
   * (it applies, saves and ticks the clock); the others propose their events
   * to it and follow its log.
   */
  connect(makeLink: (replica: Replica) => SessionLink): void {
    this.link = makeLink({
      log: () => this.snapshot().context.log,
      timer: () => this.snapshot().context.timer,
      apply: (entry) => this.actor.send(entry),
      follow: (entries, timer) => {
        for (const entry of entries) this.actor.send(entry);
        this.remoteTimer = timer;
        this.changed();
      },
      lead: () => {
        this.remoteTimer = null;
        this.lastSaved = '';
        this.changed();
      },
    });
  }

  /** This window applies the events (alone, or as the authority of several). */
  isAuthority(): boolean {
    return this.link === null || this.link.isLeader();
  }

  view(): GameView {
    const snap = this.snapshot();
    const game = snap.context.game;
    const status: GameStatus = snap.matches('finished') ? 'finished' : snap.matches('debrief') ? 'debrief' : 'playing';
    const playing = status === 'playing';
    // A selection only stands while its team still has the turn.
    const selection = playing && this.selection && currentTeam(game) !== null ? this.selection : null;
    return {
      status,
      paused: snap.hasTag('paused'),
      phase: playing ? (selection ? 'fund' : game.phase) : null,
      game,
      round: playing
        ? {
            selection,
            refusal: selection ? this.refusal : null,
            levers: selection ? this.levers : [],
            pendingHazard: game.pendingHazard,
          }
        : null,
      timer: this.remoteTimer ?? snap.context.timer,
      facilitator: this.facilitator,
      log: snap.context.log,
    };
  }

  subscribe(listener: (view: GameView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What goes to storage; its `file` is what an export writes. */
  save(): GameSave {
    const snap = this.snapshot();
    const view = this.view();
    const selection = view.round?.selection;
    return {
      ...(selection ? { draft: { card: selection.card, partners: selection.partners, levers: view.round?.levers ?? [] } } : {}),
      id: this.id,
      savedAt: new Date().toISOString(),
      round: Math.min(view.game.round, view.game.rounds),
      status: view.status,
      facilitator: this.facilitator,
      file: {
        format: GAME_FILE_FORMAT,
        version: GAME_FILE_VERSION,
        scenario: this.scenario.id,
        scenarioHash: scenarioHash(this.scenario),
        options: snap.context.options,
        log: snap.context.log,
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    this.link?.close();
    this.subscription.unsubscribe();
    this.actor.stop();
    this.listeners.clear();
  }

  private lastSaved = '';

  private changed(): void {
    if (this.disposed) return;
    // Write when the log grew or the draft changed: a clock tick changes nothing worth keeping.
    const key = `${this.snapshot().context.log.length}|${JSON.stringify(this.selection)}|${this.levers.join(',')}|${this.facilitator}`;
    // One window saves: the authority (the others' copies are the same game).
    if (key !== this.lastSaved && this.isAuthority()) {
      this.lastSaved = key;
      this.onStoreResult(this.persist(this.save()));
    }
    this.link?.changed();
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}
