/**
 * A workshop session: set-up, rounds (each one a child round machine), debrief,
 * finished. Pause/resume and the facilitator's events live here. Guards and
 * actions call the engine; they hold no rules.
 */
import { assign, sendTo, setup } from 'xstate';
import {
  createGame,
  DEFAULT_TIMER,
  endGame,
  extendTimer,
  MAX_TEAMS,
  MIN_TEAMS,
  resetTimer,
  type TurnTimer,
  tickTimer,
  timerForcesChoice,
} from '../engine/index.ts';
import type { Difficulty, GameState, Scenario } from '../engine/types.ts';
import { createRoundMachine, type RoundEvent, type RoundOutput } from './round.ts';

export interface SessionContext {
  scenario: string;
  game: GameState | null;
  timer: TurnTimer;
  facilitator: boolean;
  /** A hazard the facilitator injected for the round to come. */
  pendingHazard: string | null;
}

export interface SessionInput {
  facilitator?: boolean;
}

export type SessionEvent =
  | { type: 'START'; teams: string[]; seed: number; difficulty?: Difficulty }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'TICK'; seconds: number }
  | { type: 'EXTEND_TIME'; seconds: number }
  | { type: 'SET_TIMER'; enabled: boolean; limitSeconds?: number; forceOnExpiry?: boolean }
  | { type: 'SKIP_TO_DEBRIEF' }
  | { type: 'SET_FACILITATOR'; enabled: boolean }
  | { type: 'FINISH' }
  | RoundEvent;

export function createSessionMachine(scenario: Scenario) {
  const round = createRoundMachine(scenario);
  return setup({
    types: {
      context: {} as SessionContext,
      input: {} as SessionInput,
      events: {} as SessionEvent,
    },
    actors: { round },
    guards: {
      'team count is valid': ({ event }) =>
        event.type === 'START' &&
        event.teams.length >= MIN_TEAMS &&
        event.teams.length <= MAX_TEAMS &&
        event.teams.every((name) => name.trim().length > 0) &&
        Number.isSafeInteger(event.seed),
      'game is over': ({ event }) => (event as unknown as { output: RoundOutput }).output.game.over,
      'hazard is in the deck': ({ event }) =>
        event.type === 'INJECT_HAZARD' && scenario.deckHazards.some((h) => h.hazard === event.hazard),
      'timer forces a choice': ({ context, event }) =>
        event.type === 'TICK' && timerForcesChoice(tickTimer(context.timer, event.seconds)),
    },
    actions: {
      'create the game': assign({
        game: ({ event }) =>
          event.type === 'START'
            ? createGame(scenario, {
                seed: event.seed,
                teams: event.teams.map((t) => t.trim()),
                difficulty: event.difficulty ?? 'normal',
              })
            : null,
      }),
      'store the round result': assign(({ event }) => {
        const output = (event as unknown as { output: RoundOutput }).output;
        return { game: output.game, pendingHazard: output.nextHazard };
      }),
      'clear the pending hazard': assign({ pendingHazard: null }),
      'forward to the round': sendTo('round', ({ event }) => event as RoundEvent),
      'tell the round to pass': sendTo('round', { type: 'PASS' } as RoundEvent),
      'tick the timer': assign({
        timer: ({ context, event }) => (event.type === 'TICK' ? tickTimer(context.timer, event.seconds) : context.timer),
      }),
      'reset the timer': assign({ timer: ({ context }) => resetTimer(context.timer) }),
      'extend the timer': assign({
        timer: ({ context, event }) => (event.type === 'EXTEND_TIME' ? extendTimer(context.timer, event.seconds) : context.timer),
      }),
      'configure the timer': assign({
        timer: ({ context, event }) => {
          if (event.type !== 'SET_TIMER') return context.timer;
          const limitSeconds = Math.max(30, Math.min(3600, event.limitSeconds ?? context.timer.limitSeconds));
          return {
            enabled: event.enabled,
            limitSeconds,
            remainingSeconds: limitSeconds,
            forceOnExpiry: event.forceOnExpiry ?? context.timer.forceOnExpiry,
          };
        },
      }),
      // The debrief covers the rounds completed so far; an unfinished round is dropped.
      'end the game now': assign({ game: ({ context }) => (context.game ? endGame(context.game) : null) }),
      'toggle facilitator mode': assign({
        facilitator: ({ context, event }) => (event.type === 'SET_FACILITATOR' ? event.enabled : context.facilitator),
      }),
    },
  }).createMachine({
    id: 'session',
    context: ({ input }) => ({
      scenario: scenario.id,
      game: null,
      timer: DEFAULT_TIMER,
      facilitator: input.facilitator ?? false,
      pendingHazard: null,
    }),
    initial: 'setup',
    on: {
      SET_FACILITATOR: { actions: 'toggle facilitator mode' },
      SET_TIMER: { actions: 'configure the timer' },
    },
    states: {
      setup: {
        on: { START: { guard: 'team count is valid', target: 'playing', actions: 'create the game' } },
      },
      playing: {
        invoke: {
          id: 'round',
          src: 'round',
          input: ({ context }) => ({ game: context.game as GameState, injectedHazard: context.pendingHazard }),
          onDone: [
            { guard: 'game is over', target: 'debrief', actions: 'store the round result' },
            { target: 'playing', reenter: true, actions: ['store the round result', 'reset the timer'] },
          ],
        },
        entry: 'clear the pending hazard',
        initial: 'running',
        states: {
          running: {
            tags: ['running'],
            on: {
              PAUSE: 'paused',
              TICK: [
                { guard: 'timer forces a choice', actions: ['tell the round to pass', 'reset the timer'] },
                { actions: 'tick the timer' },
              ],
              CONTINUE: { actions: 'forward to the round' },
              CHOOSE_PROJECT: { actions: 'forward to the round' },
              BACK: { actions: 'forward to the round' },
              FUND: { actions: ['forward to the round', 'reset the timer'] },
              PASS: { actions: ['forward to the round', 'reset the timer'] },
              SKIP_PHASE: { actions: ['forward to the round', 'reset the timer'] },
            },
          },
          paused: {
            tags: ['paused'],
            on: { RESUME: 'running' },
          },
        },
        on: {
          INJECT_HAZARD: { guard: 'hazard is in the deck', actions: 'forward to the round' },
          EXTEND_TIME: { actions: 'extend the timer' },
          SKIP_TO_DEBRIEF: { target: 'debrief', actions: 'end the game now' },
        },
      },
      debrief: {
        on: { FINISH: 'finished' },
      },
      finished: { type: 'final' },
    },
  });
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
