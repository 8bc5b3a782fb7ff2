/**
 * department.ts: the Department seat splits a lever's envelope between the
 * communes in the diagnose phase; each draws on its share; the split lasts
 * one round. Two teams: contract 90, call 60, pool 38 (fixture.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { allocateEnvelope, drawAllocations, leverAvailable, validateAllocation } from '../../src/engine/department.ts';
import { applyEvent, checkEvent } from '../../src/engine/flow.ts';
import { createGame, GameRuleError } from '../../src/engine/game.ts';
import type { GameEvent, GameState, Scenario } from '../../src/engine/types.ts';
import { CONTINUE, makeScenario, names, pass, start, team } from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object, and each test must build its own caches. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});
let diag: GameState;
beforeEach(() => {
  diag = createGame(s, { seed: 1, teams: names(2) });
});
const allocate = (lever: string, shares: Record<string, number>) => ({ type: 'allocate-envelope', lever, shares }) as const;
const play = (state: GameState, ...events: GameEvent[]) => events.reduce((g, e) => applyEvent(g, s, e), state);

describe('validating a split', () => {
  it('comes from the seat: the facilitator by default, else only the team that took it', () => {
    const split = { type: 'allocate-envelope', lever: 'contract', shares: { 'team-1': 5 } } as const;
    const seated = createGame(s, { seed: 1, teams: names(2), departmentSeat: 'team-1' });
    expect(diag.departmentSeat).toBeNull();
    expect(seated.departmentSeat).toBe('team-1');
    expect(validateAllocation(seated, s, { ...split, by: 'team-1' })).toBeNull();
    expect(validateAllocation(seated, s, { ...split, by: 'team-2' })).toBe('not-your-seat');
    expect(validateAllocation(seated, s, split)).toBe('not-your-seat');
    expect(validateAllocation(diag, s, { ...split, by: 'team-1' })).toBe('not-your-seat');
    expect(() => createGame(s, { seed: 1, teams: names(2), departmentSeat: 'team-3' })).toThrow(RangeError);
  });

  it('is for the diagnose phase, a lever that pays money, known teams, whole amounts within the envelope', () => {
    expect(validateAllocation(diag, s, allocate('contract', { 'team-1': 50, 'team-2': 40 }))).toBeNull();
    expect(validateAllocation(diag, s, allocate('contract', { 'team-1': 50, 'team-2': 41 }))).toBe('bad-allocation');
    expect(validateAllocation(diag, s, allocate('contract', {}))).toBeNull();
    expect(validateAllocation(diag, s, allocate('contract', { 'team-1': 0 }))).toBeNull();
    expect(validateAllocation(diag, s, allocate('contract', { 'team-1': -1 }))).toBe('bad-allocation');
    expect(validateAllocation(diag, s, allocate('contract', { 'team-1': 2.5 }))).toBe('bad-allocation');
    expect(validateAllocation(diag, s, allocate('contract', { 'team-9': 1 }))).toBe('bad-allocation');
    expect(validateAllocation(diag, s, allocate('eng', { 'team-1': 1 }))).toBe('unknown-lever');
    expect(validateAllocation(diag, s, allocate('ghost', { 'team-1': 1 }))).toBe('unknown-lever');
    expect(validateAllocation({ ...diag, phase: 'plan' }, s, allocate('contract', { 'team-1': 1 }))).toBe('not-now');
    // No envelope left for the lever: nothing to split.
    expect(validateAllocation({ ...diag, envelope: {} }, s, allocate('call', { 'team-1': 1 }))).toBe('bad-allocation');
    expect(validateAllocation({ ...diag, envelope: {} }, s, allocate('call', { 'team-1': 0 }))).toBeNull();
  });

  it('goes through the flow, and is refused after the game', () => {
    expect(checkEvent(diag, s, allocate('pool', { 'team-2': 39 }))).toBe('bad-allocation');
    expect(() => applyEvent(diag, s, allocate('pool', { 'team-2': 39 }))).toThrow(GameRuleError);
    expect(checkEvent({ ...diag, over: true }, s, allocate('pool', { 'team-2': 1 }))).toBe('game-over');
    expect(applyEvent(diag, s, allocate('pool', { 'team-2': 38 })).allocations).toEqual({ pool: { 'team-2': 38 } });
  });
});

describe('the split', () => {
  it('is recorded per lever, a new split replacing the old one', () => {
    const one = allocateEnvelope(diag, allocate('contract', { 'team-1': 10 }));
    const two = allocateEnvelope(one, allocate('call', { 'team-2': 5 }));
    const again = allocateEnvelope(two, allocate('contract', { 'team-2': 7 }));
    expect(diag.allocations).toEqual({});
    expect(two.allocations).toEqual({ contract: { 'team-1': 10 }, call: { 'team-2': 5 } });
    expect(again.allocations).toEqual({ contract: { 'team-2': 7 }, call: { 'team-2': 5 } });
  });

  it('is what a commune may draw, never more than is left; without a split, what is left', () => {
    const g = allocateEnvelope(diag, allocate('contract', { 'team-1': 20, 'team-2': 95 }));
    expect(leverAvailable(g, 'contract', 'team-1')).toBe(20);
    // 95 allocated but only 90 left.
    expect(leverAvailable(g, 'contract', 'team-2')).toBe(90);
    expect(leverAvailable(allocateEnvelope(diag, allocate('contract', { 'team-1': 20 })), 'contract', 'team-2')).toBe(0);
    expect(leverAvailable(g, 'call', 'team-2')).toBe(60);
    expect(leverAvailable({ ...g, envelope: { call: -4 } }, 'call', 'team-2')).toBe(0);
    expect(leverAvailable({ ...g, envelope: {} }, 'call', 'team-2')).toBe(0);
  });

  it('is drawn down by what a commune takes', () => {
    const g = allocateEnvelope(diag, allocate('contract', { 'team-1': 20, 'team-2': 70 }));
    const after = drawAllocations(g, 'team-1', { contract: 20, call: 35 });
    expect(after).toEqual({ contract: { 'team-1': 0, 'team-2': 70 } });
    expect(g.allocations).toEqual({ contract: { 'team-1': 20, 'team-2': 70 } });
    // A commune without a share of a split lever took 0 of it.
    expect(drawAllocations(g, 'team-3', { contract: 0 })).toEqual({ contract: { 'team-1': 20, 'team-2': 70, 'team-3': 0 } });
    const both = allocateEnvelope(g, allocate('call', { 'team-1': 30 }));
    expect(drawAllocations(both, 'team-1', { contract: 5, call: 10 })).toEqual({
      contract: { 'team-1': 15, 'team-2': 70 },
      call: { 'team-1': 20 },
    });
    // Nothing split: the very same (empty) allocations.
    expect(drawAllocations(diag, 'team-1', { contract: 45 })).toBe(diag.allocations);
  });

  it('prices and bills the starts of the round, then lapses with it', () => {
    let g = play(diag, allocate('contract', { 'team-1': 20, 'team-2': 70 }), CONTINUE);
    // garden: contract min(45, 20) = 20, call 35 -> team-1 pays 45.
    g = play(g, start('team-1', 'garden', ['contract', 'call']));
    expect(team(g, 'team-1').budget).toBe(155);
    expect(g.allocations).toEqual({ contract: { 'team-1': 0, 'team-2': 70 } });
    expect(g.envelope).toMatchObject({ contract: 70, call: 25 });
    // team-2: contract min(45, 70) = 45 -> its share 70 - 45 = 25.
    g = play(g, pass('team-1'), start('team-2', 'garden', ['contract']), pass('team-2'));
    expect(g.allocations).toEqual({ contract: { 'team-1': 0, 'team-2': 25 } });
    expect(team(g, 'team-2').budget).toBe(145);
    g = play(g, CONTINUE, CONTINUE);
    expect([g.round, g.allocations, g.envelope.contract]).toEqual([2, {}, 90]);
  });
});
