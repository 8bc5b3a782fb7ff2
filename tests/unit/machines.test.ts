import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { currentTeam } from '../../src/engine/index.ts';
import { createSessionMachine, type SessionEvent } from '../../src/machines/game.ts';
import { scenario, sessionOptions } from './helpers.ts';

const s = scenario('periurban-brownfield');
const machine = createSessionMachine(s);
const input = { options: sessionOptions(2, 3, 3) };

function leafValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}.${leafValue(v)}`)
    .join(',');
}

function actor() {
  return createActor(machine, { input }).start();
}

describe('scenario machine (model-based)', () => {
  const events: SessionEvent[] = [
    { type: 'pause' },
    { type: 'resume' },
    { type: 'continue' },
    { type: 'tick', seconds: 5 },
    { type: 'inject-hazard', hazard: 'drought' },
    { type: 'end-game' },
    { type: 'finish' },
  ];
  const paths = getShortestPaths(machine, { input, events, serializeState: (snap) => leafValue(snap.value) as never });

  it('reaches every state: running, paused, debrief, finished', () => {
    expect([...new Set(paths.map((p) => leafValue(p.state.value)))].sort()).toEqual([
      'debrief',
      'finished',
      'playing.paused',
      'playing.running',
    ]);
  });

  it('follows every shortest path on a live actor', () => {
    for (const path of paths) {
      const live = actor();
      for (const step of path.steps) {
        if ((step.event.type as string) !== 'xstate.init') live.send(step.event as SessionEvent);
        expect(leafValue(live.getSnapshot().value)).toBe(leafValue(step.state.value));
      }
      live.stop();
    }
  });
});

describe('scenario machine: the log', () => {
  it('logs every accepted event, never a refused one nor a tick', () => {
    const live = actor();
    const sent: SessionEvent[] = [
      { type: 'continue' },
      { type: 'continue' }, // refused in plan
      { type: 'pass', team: 'team-2' }, // not team 2's turn
      { type: 'tick', seconds: 5 },
      { type: 'pass', team: 'team-1' },
      { type: 'inject-hazard', hazard: 'atlantis' }, // unknown
      { type: 'resume' }, // nothing to resume
      { type: 'finish' }, // not in debrief
      { type: 'pass', team: 'team-2' },
    ];
    for (const e of sent) live.send(e);
    expect(live.getSnapshot().context.log).toEqual([
      { type: 'continue' },
      { type: 'pass', team: 'team-1' },
      { type: 'pass', team: 'team-2' },
    ]);
    expect(live.getSnapshot().context.game.phase).toBe('implement');
  });

  it('while paused, a team holding the Department seat waits like every team; the facilitator may still split', () => {
    const contract = 'solidarity-territory-contract';
    const split = (by?: string): SessionEvent => ({
      type: 'allocate-envelope',
      lever: contract,
      shares: { 'team-1': 10 },
      ...(by ? { by } : {}),
    });
    const seated = createActor(machine, { input: { options: { ...input.options, departmentSeat: 'team-2' } } }).start();
    seated.send({ type: 'pause' });
    seated.send(split('team-2'));
    expect(seated.getSnapshot().context.game.allocations).toEqual({});
    seated.send({ type: 'resume' });
    seated.send(split('team-2'));
    expect(seated.getSnapshot().context.game.allocations).toEqual({ [contract]: { 'team-1': 10 } });
    const live = actor();
    live.send({ type: 'pause' });
    live.send(split());
    expect(live.getSnapshot().context.game.allocations).toEqual({ [contract]: { 'team-1': 10 } });
    expect(live.getSnapshot().context.log.map((e) => e.type)).toEqual(['pause', 'allocate-envelope']);
  });

  it('while paused, refuses the players and the round, allows skip, injection and end', () => {
    const live = actor();
    live.send({ type: 'continue' });
    live.send({ type: 'pause' });
    expect(live.getSnapshot().hasTag('paused')).toBe(true);
    live.send({ type: 'pass', team: 'team-1' });
    live.send({ type: 'continue' });
    live.send({ type: 'pause' });
    expect(currentTeam(live.getSnapshot().context.game)).toBe('team-1');
    live.send({ type: 'inject-hazard', hazard: 'drought' });
    live.send({ type: 'skip-phase' });
    expect(live.getSnapshot().context.game.phase).toBe('implement');
    expect(live.getSnapshot().context.game.pendingHazard).toBe('drought');
    live.send({ type: 'resume' });
    live.send({ type: 'end-game' });
    expect(live.getSnapshot().value).toBe('debrief');
    live.send({ type: 'continue' });
    live.send({ type: 'finish' });
    expect(live.getSnapshot().status).toBe('done');
    expect(live.getSnapshot().context.log.map((e) => e.type)).toEqual([
      'continue',
      'pause',
      'inject-hazard',
      'skip-phase',
      'resume',
      'end-game',
      'finish',
    ]);
  });

  it('ends in the debrief by itself after the last round', () => {
    const live = actor();
    for (let r = 0; r < 3; r += 1) {
      for (const type of ['continue', 'skip-phase', 'continue', 'continue', 'continue'] as const) live.send({ type });
    }
    expect(live.getSnapshot().value).toBe('debrief');
    expect(live.getSnapshot().context.game.over).toBe(true);
    expect(live.getSnapshot().context.log).toHaveLength(15);
  });
});

describe('scenario machine: solidarity aid', () => {
  it('takes a send-aid only when the rules allow it, and logs it like any move', () => {
    // Four rounds, two teams; three injected fuel price spikes bring team-1's move from 31 to 10 (see flow.test.ts),
    // while team-2's solidarity-garage (move +8) keeps it at 18.
    const live = createActor(machine, { input: { options: sessionOptions(2, 3, 4) } }).start();
    const fuel: SessionEvent = { type: 'inject-hazard', hazard: 'fuel-price-spike' };
    live.send(fuel);
    live.send({ type: 'continue' });
    // Nobody is in collapse: refused, not logged.
    live.send({ type: 'send-aid', team: 'team-1', to: 'team-2' });
    expect(live.getSnapshot().context.log).toEqual([fuel, { type: 'continue' }]);
    const rest: SessionEvent[] = [
      { type: 'pass', team: 'team-1' },
      { type: 'start-project', team: 'team-2', card: 'solidarity-garage', levers: [] },
      { type: 'pass', team: 'team-2' },
      { type: 'continue' },
      { type: 'continue' },
    ];
    for (let round = 2; round <= 3; round += 1) {
      rest.push(
        { type: 'continue' },
        fuel,
        { type: 'continue' },
        { type: 'skip-phase' },
        { type: 'continue' },
        { type: 'continue' },
      );
    }
    rest.push({ type: 'continue' }, { type: 'continue' });
    for (const e of rest) live.send(e);
    const game = live.getSnapshot().context.game;
    expect(game).toMatchObject({ round: 4, phase: 'plan' });
    expect(game.teams.map((t) => t.collapsed)).toEqual([true, false]);
    expect(currentTeam(game)).toBe('team-2');
    live.send({ type: 'send-aid', team: 'team-2', to: 'team-1' });
    const after = live.getSnapshot().context;
    expect(after.log).toHaveLength(2 + rest.length + 1);
    expect(after.log.at(-1)).toEqual({ type: 'send-aid', team: 'team-2', to: 'team-1' });
    // 55 + 3 * 22 + 20 = 141.
    expect(after.game.teams[0]?.budget).toBe(141);
    live.stop();
  });
});

describe('scenario machine: the clock', () => {
  it('starts off at 180 s and does not run while disabled', () => {
    const live = actor();
    expect(live.getSnapshot().context.timer).toEqual({
      enabled: false,
      limitSeconds: 180,
      remainingSeconds: 180,
      forceOnExpiry: false,
    });
    live.send({ type: 'tick', seconds: 50 });
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(180);
  });

  it('counts down, extends, stops while paused, resets when the turn moves', () => {
    const live = actor();
    live.send({ type: 'set-timer', enabled: true, limitSeconds: 60, forceOnExpiry: false });
    live.send({ type: 'continue' });
    live.send({ type: 'tick', seconds: 50 });
    live.send({ type: 'extend-time', seconds: 30 });
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(40);
    live.send({ type: 'pause' });
    live.send({ type: 'tick', seconds: 15 });
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(40);
    live.send({ type: 'resume' });
    live.send({ type: 'tick', seconds: 100 });
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(0);
    // Expired, but not forcing: the team keeps its turn.
    expect(currentTeam(live.getSnapshot().context.game)).toBe('team-1');
    live.send({ type: 'pass', team: 'team-1' });
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(60);
    expect(live.getSnapshot().context.log).toEqual([
      { type: 'set-timer', enabled: true, limitSeconds: 60, forceOnExpiry: false },
      { type: 'continue' },
      { type: 'extend-time', seconds: 30 },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'pass', team: 'team-1' },
    ]);
  });

  it('forces a pass when asked to, and logs the pass (not the tick)', () => {
    const live = actor();
    live.send({ type: 'set-timer', enabled: true, limitSeconds: 60, forceOnExpiry: true });
    live.send({ type: 'continue' });
    live.send({ type: 'tick', seconds: 59 });
    expect(live.getSnapshot().context.game.teams[0]?.acted).toBe(false);
    live.send({ type: 'tick', seconds: 1 });
    expect(live.getSnapshot().context.game.teams[0]?.acted).toBe(true);
    expect(currentTeam(live.getSnapshot().context.game)).toBe('team-2');
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(60);
    expect(live.getSnapshot().context.log.slice(2)).toEqual([{ type: 'pass', team: 'team-1' }]);
    // No team on the clock outside the plan phase: nothing forced.
    live.send({ type: 'tick', seconds: 60 });
    live.send({ type: 'tick', seconds: 60 });
    expect(live.getSnapshot().context.game.phase).toBe('implement');
    live.send({ type: 'tick', seconds: 60 });
    expect(live.getSnapshot().context.log).toHaveLength(4);
  });

  it('clamps the limit to 30..3600 s and an extension to 3600 s, and logs the clamped values', () => {
    const live = actor();
    live.send({ type: 'set-timer', enabled: true, limitSeconds: 10, forceOnExpiry: false });
    expect(live.getSnapshot().context.timer).toEqual({
      enabled: true,
      limitSeconds: 30,
      remainingSeconds: 30,
      forceOnExpiry: false,
    });
    live.send({ type: 'set-timer', enabled: true, limitSeconds: 5000.4, forceOnExpiry: true });
    expect(live.getSnapshot().context.timer.limitSeconds).toBe(3600);
    live.send({ type: 'extend-time', seconds: 9000 });
    live.send({ type: 'extend-time', seconds: -20 });
    expect(live.getSnapshot().context.timer.remainingSeconds).toBe(7200);
    expect(live.getSnapshot().context.log).toEqual([
      { type: 'set-timer', enabled: true, limitSeconds: 30, forceOnExpiry: false },
      { type: 'set-timer', enabled: true, limitSeconds: 3600, forceOnExpiry: true },
      { type: 'extend-time', seconds: 3600 },
      { type: 'extend-time', seconds: 0 },
    ]);
  });
});
