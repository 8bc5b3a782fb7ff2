/**
 * The scenario machine: the one authority of a game. Its context holds the
 * engine's state; every change it accepts is appended to the game's log (a
 * player's move, the facilitator's pause, injection, skip, clock, the end),
 * so the log replayed through this machine rebuilds the game exactly, phase
 * and turn included (see replay.ts). Guards and actions call the engine.
 */
import { assign, setup } from 'xstate';
import {
  applyEvent,
  checkEvent,
  createGame,
  currentTeam,
  DEFAULT_TIMER,
  extendTimer,
  resetTimer,
  type TurnTimer,
  tickTimer,
  timerForcesChoice,
} from '../engine/index.ts';
import type { Difficulty, GameEvent, GameState, Scenario } from '../engine/types.ts';

export interface SessionOptions {
  seed: number;
  /** Team names as typed. */
  teams: string[];
  difficulty: Difficulty;
  /** Game length in rounds. */
  rounds: number;
  /** The team (`team-<n>`) holding the Department seat; the facilitator holds it when absent. */
  departmentSeat?: string;
}

/** The facilitator's own events, logged like the players'. */
export type FacilitatorEvent =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'set-timer'; enabled: boolean; limitSeconds: number; forceOnExpiry: boolean }
  | { type: 'extend-time'; seconds: number }
  | { type: 'finish' };

/** One entry of a game's log. */
export type LogEntry = GameEvent | FacilitatorEvent;

/** The clock's second, sent by the view: never logged (a forced pass is). */
export type TickEvent = { type: 'tick'; seconds: number };

export type SessionEvent = LogEntry | TickEvent;

export interface SessionContext {
  scenario: string;
  options: SessionOptions;
  game: GameState;
  log: LogEntry[];
  timer: TurnTimer;
}

export const TIMER_MIN_SECONDS = 30;
export const TIMER_MAX_SECONDS = 3600;

function clampLimit(seconds: number): number {
  return Math.max(TIMER_MIN_SECONDS, Math.min(TIMER_MAX_SECONDS, Math.round(seconds)));
}

const GAME_EVENTS = new Set([
  'start-project',
  'answer-offer',
  'send-aid',
  'pass',
  'continue',
  'skip-phase',
  'inject-hazard',
  'plan-hazard',
  'allocate-envelope',
  'note',
  'end-game',
]);

/** What the facilitator may still do while the game is paused. */
const FACILITATOR_GAME_EVENTS = new Set(['skip-phase', 'inject-hazard', 'plan-hazard', 'allocate-envelope', 'note', 'end-game']);

export function isGameEvent(event: { type: string }): event is GameEvent {
  return GAME_EVENTS.has(event.type);
}

/** Resets the turn clock when the turn moves to another team or phase. */
function timerAfter(before: GameState, after: GameState, timer: TurnTimer): TurnTimer {
  return currentTeam(before) !== currentTeam(after) || before.phase !== after.phase ? resetTimer(timer) : timer;
}

export function createSessionMachine(scenario: Scenario) {
  return setup({
    types: {
      context: {} as SessionContext,
      input: {} as { options: SessionOptions },
      events: {} as SessionEvent,
    },
    guards: {
      'the rules allow it': ({ context, event }) => isGameEvent(event) && checkEvent(context.game, scenario, event) === null,
      // A team holding the Department seat waits for the game to resume, like every team.
      'it is a facilitator event': ({ context, event }) =>
        FACILITATOR_GAME_EVENTS.has(event.type) &&
        !(event.type === 'allocate-envelope' && event.by !== undefined) &&
        checkEvent(context.game, scenario, event as GameEvent) === null,
      'the game is over': ({ context }) => context.game.over,
      'the clock forces a choice': ({ context, event }) =>
        event.type === 'tick' && currentTeam(context.game) !== null && timerForcesChoice(tickTimer(context.timer, event.seconds)),
    },
    actions: {
      'apply and log the event': assign(({ context, event }) => {
        if (!isGameEvent(event)) return {};
        const game = applyEvent(context.game, scenario, event);
        return { game, log: [...context.log, event], timer: timerAfter(context.game, game, context.timer) };
      }),
      'pass for the team on the clock': assign(({ context }) => {
        const team = currentTeam(context.game);
        if (team === null) return {};
        const pass: GameEvent = { type: 'pass', team };
        const game = applyEvent(context.game, scenario, pass);
        return { game, log: [...context.log, pass], timer: resetTimer(context.timer) };
      }),
      'tick the clock': assign({
        timer: ({ context, event }) => (event.type === 'tick' ? tickTimer(context.timer, event.seconds) : context.timer),
      }),
      'log the event': assign({ log: ({ context, event }) => [...context.log, event as LogEntry] }),
      'set the clock': assign(({ context, event }) => {
        if (event.type !== 'set-timer') return {};
        const limitSeconds = clampLimit(event.limitSeconds);
        const entry: LogEntry = { type: 'set-timer', enabled: event.enabled, limitSeconds, forceOnExpiry: event.forceOnExpiry };
        return {
          timer: { enabled: event.enabled, limitSeconds, remainingSeconds: limitSeconds, forceOnExpiry: event.forceOnExpiry },
          log: [...context.log, entry],
        };
      }),
      'extend the clock': assign(({ context, event }) => {
        if (event.type !== 'extend-time') return {};
        const seconds = Math.max(0, Math.min(TIMER_MAX_SECONDS, Math.round(event.seconds)));
        return {
          timer: extendTimer(context.timer, seconds),
          log: [...context.log, { type: 'extend-time', seconds } as LogEntry],
        };
      }),
    },
  }).createMachine({
    id: 'session',
    context: ({ input }) => ({
      scenario: scenario.id,
      options: input.options,
      game: createGame(scenario, input.options),
      log: [],
      timer: DEFAULT_TIMER,
    }),
    initial: 'playing',
    states: {
      playing: {
        initial: 'running',
        always: { guard: 'the game is over', target: 'debrief' },
        on: {
          'set-timer': { actions: 'set the clock' },
          'extend-time': { actions: 'extend the clock' },
        },
        states: {
          running: {
            tags: ['running'],
            on: {
              pause: { target: 'paused', actions: 'log the event' },
              tick: [
                { guard: 'the clock forces a choice', actions: 'pass for the team on the clock' },
                { actions: 'tick the clock' },
              ],
              '*': { guard: 'the rules allow it', actions: 'apply and log the event' },
            },
          },
          // Paused, the players wait; the facilitator may still inject, skip or end.
          paused: {
            tags: ['paused'],
            on: {
              resume: { target: 'running', actions: 'log the event' },
              '*': { guard: 'it is a facilitator event', actions: 'apply and log the event' },
            },
          },
        },
      },
      // The debrief is where the facilitator reads the notes out, and may still add one.
      debrief: {
        on: {
          finish: { target: 'finished', actions: 'log the event' },
          note: { guard: 'the rules allow it', actions: 'apply and log the event' },
        },
      },
      finished: { type: 'final' },
    },
  });
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
