/**
 * src/machines/game.ts and replay.ts: the scenario machine over the engine
 * (pause, the facilitator's events, the clock, the log, the debrief) and the
 * replay of a log with XState's pure transition function.
 */

import { beforeEach, describe, expect, it } from 'vitest';
import { createActor, transition } from 'xstate';
import { createGame } from '../../src/engine/game.ts';
import { DEFAULT_TIMER } from '../../src/engine/timer.ts';
import type { Scenario } from '../../src/engine/types.ts';
import {
  createSessionMachine,
  isGameEvent,
  type LogEntry,
  type SessionEvent,
  type SessionOptions,
  TIMER_MAX_SECONDS,
  TIMER_MIN_SECONDS,
} from '../../src/machines/game.ts';
import { initialSnapshot, replayLog, type SessionSnapshot, sessionMachineFor } from '../../src/machines/replay.ts';
import { CONTINUE, makeScenario, pass, start } from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object, and each test must build its own caches. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});
const options: SessionOptions = { seed: 1, teams: ['A', 'B'], difficulty: 'normal', rounds: 3 };

function send(snapshot: SessionSnapshot, ...events: SessionEvent[]): SessionSnapshot {
  let next = snapshot;
  for (const event of events) [next] = transition(sessionMachineFor(s), next, event);
  return next;
}

const fresh = () => initialSnapshot(s, options);
const SET_TIMER = { type: 'set-timer', enabled: true, limitSeconds: 60, forceOnExpiry: true } as const;
const tick = (seconds: number) => ({ type: 'tick', seconds }) as const;

describe('the scenario machine', () => {
  it('starts a game, running, with an empty log and the default clock', () => {
    const snap = fresh();
    expect(snap.value).toEqual({ playing: 'running' });
    expect(snap.hasTag('running')).toBe(true);
    expect(snap.context).toEqual({
      scenario: 'test-valley',
      options,
      game: createGame(s, options),
      log: [],
      timer: DEFAULT_TIMER,
    });
  });

  it('applies and logs what the rules allow, ignores what they refuse', () => {
    const snap = send(fresh(), pass('team-1'), CONTINUE, pass('team-2'));
    expect(snap.context.log).toEqual([CONTINUE]);
    expect(snap.context.game.phase).toBe('plan');
    for (const type of [
      'start-project',
      'answer-offer',
      'send-aid',
      'pass',
      'continue',
      'skip-phase',
      'inject-hazard',
      'allocate-envelope',
      'end-game',
    ]) {
      expect(isGameEvent({ type })).toBe(true);
    }
    expect(createSessionMachine(s).id).toBe('session');
    expect(isGameEvent({ type: 'pause' })).toBe(false);
    expect(isGameEvent({ type: 'tick' })).toBe(false);
  });

  it('paused, the players wait; the facilitator may still skip, inject and end', () => {
    const paused = send(fresh(), CONTINUE, { type: 'pause' });
    expect(paused.value).toEqual({ playing: 'paused' });
    expect(paused.hasTag('paused')).toBe(true);
    const waiting = send(paused, pass('team-1'), { type: 'inject-hazard', hazard: 'storm' }, { type: 'pause' });
    expect(waiting.context.log).toEqual([CONTINUE, { type: 'pause' }]);
    const facilitator = send(paused, { type: 'inject-hazard', hazard: 'fire' }, { type: 'skip-phase' });
    expect(facilitator.context.game).toMatchObject({ pendingHazard: 'fire', phase: 'implement' });
    expect(facilitator.context.log.map((e) => e.type)).toEqual(['continue', 'pause', 'inject-hazard', 'skip-phase']);
    // The Department seat may split an envelope during a pause (diagnose phase).
    const split = send(fresh(), { type: 'pause' }, { type: 'allocate-envelope', lever: 'contract', shares: { 'team-1': 10 } });
    expect(split.context.game.allocations).toEqual({ contract: { 'team-1': 10 } });
    expect(send(paused, pass('team-1'), { type: 'send-aid', team: 'team-1', to: 'team-2' }).context.log.length).toBe(2);
    // continue is not the facilitator's in a pause.
    expect(send(facilitator, CONTINUE).context.game.phase).toBe('implement');
    const resumed = send(facilitator, { type: 'resume' }, CONTINUE);
    expect(resumed.value).toEqual({ playing: 'running' });
    expect(resumed.context.log.map((e) => e.type)).toEqual([
      'continue',
      'pause',
      'inject-hazard',
      'skip-phase',
      'resume',
      'continue',
    ]);
    expect(resumed.context.game.phase).toBe('shock');
    expect(send(fresh(), { type: 'resume' }).context.log).toEqual([]);
  });

  it('the end of the game leads to the debrief, then to the end of the session', () => {
    const ended = send(fresh(), { type: 'pause' }, { type: 'end-game' });
    expect(ended.value).toBe('debrief');
    expect(ended.context.game.over).toBe(true);
    expect(send(ended, CONTINUE, { type: 'pause' }).context.log.map((e) => e.type)).toEqual(['pause', 'end-game']);
    const done = send(ended, { type: 'finish' });
    expect(done.value).toBe('finished');
    expect(done.status).toBe('done');
    expect(done.context.log.map((e) => e.type)).toEqual(['pause', 'end-game', 'finish']);
    expect(send(fresh(), { type: 'finish' }).value).toEqual({ playing: 'running' });
  });

  it('sets the clock within 30 s .. 1 h, rounded, and logs it', () => {
    expect([TIMER_MIN_SECONDS, TIMER_MAX_SECONDS]).toEqual([30, 3600]);
    const set = (limitSeconds: number) => send(fresh(), { ...SET_TIMER, limitSeconds });
    expect(set(10).context.timer).toEqual({ enabled: true, limitSeconds: 30, remainingSeconds: 30, forceOnExpiry: true });
    expect(set(5000).context.timer.limitSeconds).toBe(3600);
    expect(set(45.6).context.timer.limitSeconds).toBe(46);
    expect(set(10).context.log).toEqual([{ type: 'set-timer', enabled: true, limitSeconds: 30, forceOnExpiry: true }]);
    // Also while paused.
    expect(send(fresh(), { type: 'pause' }, SET_TIMER).context.timer.limitSeconds).toBe(60);
  });

  it('extends the clock by 0 .. 1 h, rounded, and logs it', () => {
    const base = send(fresh(), SET_TIMER);
    const extend = (seconds: number) => send(base, { type: 'extend-time', seconds });
    expect(extend(20.4).context.timer.remainingSeconds).toBe(80);
    expect(extend(-5).context.timer.remainingSeconds).toBe(60);
    expect(extend(5000).context.timer.remainingSeconds).toBe(3660);
    expect(extend(20.4).context.log.at(-1)).toEqual({ type: 'extend-time', seconds: 20 });
  });

  it('ticks the clock, unlogged; a disabled clock does not move', () => {
    expect(send(fresh(), CONTINUE, tick(30)).context.timer).toEqual(DEFAULT_TIMER);
    const soft = send(fresh(), { ...SET_TIMER, forceOnExpiry: false }, CONTINUE, tick(25));
    expect(soft.context.timer.remainingSeconds).toBe(35);
    expect(soft.context.log.map((e) => e.type)).toEqual(['set-timer', 'continue']);
    // Expired without forcing: nothing is played.
    const late = send(soft, tick(40));
    expect([late.context.timer.remainingSeconds, late.context.log.length, late.context.game.teams[0]?.acted]).toEqual([
      0,
      2,
      false,
    ]);
  });

  it('passes for the team on the clock when time runs out and the facilitator asked for it', () => {
    const running = send(fresh(), SET_TIMER, CONTINUE, tick(59));
    expect(running.context.timer.remainingSeconds).toBe(1);
    const forced = send(running, tick(1));
    expect(forced.context.log.at(-1)).toEqual({ type: 'pass', team: 'team-1' });
    expect(forced.context.game.teams.map((t) => t.acted)).toEqual([true, false]);
    expect(forced.context.timer.remainingSeconds).toBe(60);
    // Nobody is on the clock in the diagnosis: the clock just runs out.
    const diag = send(fresh(), SET_TIMER, tick(70));
    expect([diag.context.timer.remainingSeconds, diag.context.log.length]).toEqual([0, 1]);
  });

  it('resets the clock when the turn or the phase changes, not on a move that keeps the turn', () => {
    const ticked = send(fresh(), SET_TIMER, tick(20));
    expect(ticked.context.timer.remainingSeconds).toBe(40);
    expect(send(ticked, CONTINUE).context.timer.remainingSeconds).toBe(60);
    expect(send(ticked, { type: 'inject-hazard', hazard: 'fire' }).context.timer.remainingSeconds).toBe(40);
    // implement -> shock: nobody on the clock before or after, but the phase changes.
    const implement = send(fresh(), SET_TIMER, CONTINUE, pass('team-1'), pass('team-2'), tick(20));
    expect([implement.context.game.phase, implement.context.timer.remainingSeconds]).toEqual(['implement', 40]);
    expect(send(implement, CONTINUE).context.timer.remainingSeconds).toBe(60);
    const moved = send(send(fresh(), SET_TIMER, CONTINUE), tick(20), start('team-1', 'hall'));
    expect(moved.context.timer.remainingSeconds).toBe(40);
    expect(send(moved, pass('team-1')).context.timer.remainingSeconds).toBe(60);
  });

  it('runs as an actor too', () => {
    const actor = createActor(createSessionMachine(s), { input: { options } }).start();
    actor.send(CONTINUE);
    actor.send(start('team-1', 'hall'));
    expect(actor.getSnapshot().context.game.projects.map((p) => p.card)).toEqual(['hall']);
    actor.stop();
  });
});

describe('replaying a log', () => {
  it('keeps one machine per scenario', () => {
    expect(sessionMachineFor(s)).toBe(sessionMachineFor(s));
    expect(sessionMachineFor(makeScenario())).not.toBe(sessionMachineFor(s));
  });

  it('rebuilds the game from its log', () => {
    const log: LogEntry[] = [SET_TIMER, CONTINUE, start('team-1', 'hall'), { type: 'pause' }, { type: 'resume' }, pass('team-1')];
    const result = replayLog(s, options, log);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.snapshot).toEqual(send(fresh(), ...log));
    const empty = replayLog(s, options, []);
    expect(empty.ok && empty.snapshot.context.log).toEqual([]);
  });

  it('stops at the first entry refused, with the reason', () => {
    expect(replayLog(s, options, [CONTINUE, pass('team-2')])).toEqual({
      ok: false,
      index: 1,
      entry: pass('team-2'),
      reason: 'not-your-turn',
    });
    expect(replayLog(s, options, [pass('team-1')])).toMatchObject({ ok: false, index: 0, reason: 'not-now' });
    expect(replayLog(s, options, [CONTINUE, { type: 'pause' }, pass('team-1')])).toMatchObject({ index: 2, reason: 'paused' });
    expect(replayLog(s, options, [{ type: 'resume' }])).toMatchObject({ index: 0, reason: 'not-now' });
    expect(replayLog(s, options, [{ type: 'end-game' }, CONTINUE])).toMatchObject({ index: 1, reason: 'game-over' });
    expect(replayLog(s, options, [{ type: 'end-game' }, { type: 'finish' }, { type: 'finish' }])).toMatchObject({
      index: 2,
      reason: 'not-now',
    });
  });
});
