/**
 * Runs one session actor for the game view: starts or restores it, keeps the
 * save up to date after every event, and hands plain snapshots to the panels.
 */
import { type Actor, createActor } from 'xstate';
import type { GameState, Scenario } from '../../engine/types.ts';
import type { RoundContext } from '../../machines/round.ts';
import { createSessionMachine, type SessionEvent, type SessionMachine } from '../../machines/session.ts';
import type { GameSave } from '../../storage/game-saves.ts';
import type { StoreResult } from '../../storage/store.ts';

export type RoundPhase = 'diagnose' | 'plan' | 'fund' | 'implement' | 'shock' | 'evaluate' | 'done';

export interface GameView {
  status: 'setup' | 'playing' | 'debrief' | 'finished';
  paused: boolean;
  phase: RoundPhase | null;
  /** The live game: the round's while one runs, else the session's. */
  game: GameState | null;
  round: RoundContext | null;
  timer: { enabled: boolean; limitSeconds: number; remainingSeconds: number; forceOnExpiry: boolean };
  facilitator: boolean;
}

type RoundRef = { getSnapshot(): { value: string; context: RoundContext }; subscribe(f: () => void): { unsubscribe(): void } };

export class GameController {
  readonly scenario: Scenario;
  readonly id: string;
  private readonly actor: Actor<SessionMachine>;
  private listeners = new Set<(view: GameView) => void>();
  private roundRef: RoundRef | null = null;
  private roundSubscription: { unsubscribe(): void } | null = null;
  private rootSubscription: { unsubscribe(): void };
  private disposed = false;

  constructor(
    scenario: Scenario,
    id: string,
    private readonly persist: (save: GameSave) => StoreResult,
    private readonly onStoreResult: (result: StoreResult) => void,
    saved?: GameSave,
    facilitator = false,
  ) {
    this.scenario = scenario;
    this.id = id;
    const machine = createSessionMachine(scenario);
    this.actor = saved
      ? createActor(machine, { input: { facilitator }, snapshot: saved.snapshot as never })
      : createActor(machine, { input: { facilitator } });
    this.rootSubscription = this.actor.subscribe(() => this.changed());
    this.actor.start();
    this.changed();
  }

  send(event: SessionEvent): void {
    if (!this.disposed) this.actor.send(event);
  }

  view(): GameView {
    const snap = this.actor.getSnapshot();
    const value = snap.value;
    const status = (typeof value === 'string' ? value : 'playing') as GameView['status'];
    const round = this.roundRef?.getSnapshot();
    const inRound = status === 'playing' && round !== undefined;
    return {
      status,
      paused: snap.hasTag('paused'),
      phase: inRound ? (round.value as RoundPhase) : null,
      game: inRound ? round.context.game : snap.context.game,
      round: inRound ? round.context : null,
      timer: snap.context.timer,
      facilitator: snap.context.facilitator,
    };
  }

  subscribe(listener: (view: GameView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** What goes to storage and to an exported file. */
  save(): GameSave {
    const view = this.view();
    return {
      format: 'resilient-territory-kit/game',
      version: 1,
      id: this.id,
      scenario: this.scenario.id,
      savedAt: new Date().toISOString(),
      teams: view.game?.teams.map((t) => t.name) ?? [],
      round: view.game?.round ?? 0,
      status: view.status,
      snapshot: this.actor.getPersistedSnapshot() as unknown as Record<string, unknown>,
    };
  }

  dispose(): void {
    this.disposed = true;
    this.roundSubscription?.unsubscribe();
    this.rootSubscription.unsubscribe();
    this.actor.stop();
    this.listeners.clear();
  }

  private changed(): void {
    if (this.disposed) return;
    // A new round actor appears each round: follow it so its transitions reach the view.
    const child = (this.actor.getSnapshot().children as Record<string, unknown>).round as RoundRef | undefined;
    if (child !== this.roundRef) {
      this.roundSubscription?.unsubscribe();
      this.roundRef = child ?? null;
      this.roundSubscription = child ? child.subscribe(() => this.changed()) : null;
    }
    const view = this.view();
    if (view.status !== 'setup') this.onStoreResult(this.persist(this.save()));
    for (const listener of this.listeners) listener(view);
  }
}
