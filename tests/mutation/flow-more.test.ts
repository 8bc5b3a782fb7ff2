/** flow.ts, continued: planned shocks (the round check and the strike), the facilitator's notes, and the offers the end lapses. */
import { beforeEach, describe, expect, it } from 'vitest';
import { applyEvent } from '../../src/engine/flow.ts';
import { createGame } from '../../src/engine/game.ts';
import type { GameEvent, GameState, Offer, Phase, Scenario } from '../../src/engine/types.ts';
import { CONTINUE, makeScenario, names, planGame, playAll, refusalOf } from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object. */
let s: Scenario;
/** A 2-team, 5-round game in the diagnosis of round 1, seed 1. */
let diag: GameState;
beforeEach(() => {
  s = makeScenario();
  diag = createGame(s, { seed: 1, teams: names(2) });
});

const SKIP: GameEvent = { type: 'skip-phase' };
const planHazard = (round: number, hazard: string): GameEvent => ({ type: 'plan-hazard', round, hazard });
const inject = (hazard: string): GameEvent => ({ type: 'inject-hazard', hazard });
const note = (text: string, by?: string): GameEvent => ({
  type: 'note',
  text,
  at: '2025-03-01T10:00:00Z',
  ...(by ? { by } : {}),
});

const refusal = (state: GameState, event: GameEvent) => refusalOf(s, state, event);
const play = (state: GameState, ...events: GameEvent[]) => playAll(s, state, ...events);

describe('planning a shock ahead', () => {
  const at = (round: number, phase: Phase): GameState => ({ ...diag, round, phase });

  it('plans only a hazard of the deck', () => {
    expect(refusal(diag, planHazard(2, 'storm'))).toBe('unknown-hazard');
    expect(refusal(diag, planHazard(2, 'ghost'))).toBe('unknown-hazard');
    expect(refusal(diag, planHazard(2, 'fire'))).toBeNull();
  });

  it('a round of the game: a whole number, up to the last round (5)', () => {
    expect(refusal(at(1, 'plan'), planHazard(1, 'heat'))).toBeNull();
    expect(refusal(at(1, 'plan'), planHazard(5, 'heat'))).toBeNull();
    expect(refusal(at(1, 'plan'), planHazard(6, 'heat'))).toBe('bad-round');
    expect(refusal(at(1, 'plan'), planHazard(2.5, 'heat'))).toBe('bad-round');
    expect(refusal(at(1, 'plan'), planHazard(0, 'heat'))).toBe('bad-round');
  });

  it("never a past round; this round's shock until it strikes (not in the shock or the review)", () => {
    expect(refusal(at(3, 'plan'), planHazard(2, 'flood'))).toBe('bad-round');
    for (const phase of ['diagnose', 'plan', 'implement'] as const)
      expect(refusal(at(3, phase), planHazard(3, 'flood'))).toBeNull();
    for (const phase of ['shock', 'evaluate'] as const) {
      expect(refusal(at(3, phase), planHazard(3, 'flood'))).toBe('bad-round');
      expect(refusal(at(3, phase), planHazard(4, 'flood'))).toBeNull();
    }
    expect(refusal(at(3, 'plan'), planHazard(4, 'flood'))).toBeNull();
  });

  it('nothing is planned once the game is over', () => {
    expect(refusal({ ...diag, over: true }, planHazard(2, 'fire'))).toBe('game-over');
  });

  it('keeps one shock a round, in round order; planning a round again replaces its shock', () => {
    const third = applyEvent(diag, s, planHazard(3, 'heat'));
    expect(third).toEqual({ ...diag, plannedHazards: [{ round: 3, hazard: 'heat' }] });
    const second = applyEvent(third, s, planHazard(2, 'fire'));
    expect(second.plannedHazards).toEqual([
      { round: 2, hazard: 'fire' },
      { round: 3, hazard: 'heat' },
    ]);
    const replaced = applyEvent(second, s, planHazard(3, 'flood'));
    expect(replaced.plannedHazards).toEqual([
      { round: 2, hazard: 'fire' },
      { round: 3, hazard: 'flood' },
    ]);
  });

  it("strikes as the round's shock: no draw, flagged as the facilitator's", () => {
    const shock = play(diag, planHazard(1, 'heat'), CONTINUE, SKIP, CONTINUE);
    expect(shock.phase).toBe('shock');
    // No draw: the RNG stays at seed 1's state (920564995, see flow.test.ts).
    expect(shock.rng).toBe(920564995);
    // heat strikes the whole territory: drink -10 x 0.7 (normal) x (1 - 0.1 cooperation 40 / 400) = -6.3 -> -6;
    // eat -4 x 0.7 x 0.9 = -2.52 -> -3.
    const hit = { impacts: { drink: -6, eat: -3 }, exposure: 1, mitigation: 0.1 };
    expect(shock.hazards).toEqual([{ round: 1, hazard: 'heat', injected: true, effects: { 'team-1': hit, 'team-2': hit } }]);
  });

  it("a shock planned for a later round leaves this round's to the deck", () => {
    const shock = play(diag, planHazard(2, 'heat'), CONTINUE, SKIP, CONTINUE);
    // Seed 1 draws the flood (flow.test.ts), moving the RNG on to 2752130808.
    expect(shock.hazards.map((h) => [h.round, h.hazard, h.injected])).toEqual([[1, 'flood', false]]);
    expect(shock.rng).toBe(2752130808);
  });

  it('an injected hazard comes before the planned one', () => {
    const shock = play(diag, planHazard(1, 'heat'), inject('fire'), CONTINUE, SKIP, CONTINUE);
    expect(shock.hazards.map((h) => [h.round, h.hazard, h.injected])).toEqual([[1, 'fire', true]]);
    expect(shock.pendingHazard).toBeNull();
  });
});

describe("the facilitator's notes", () => {
  it('are kept at any phase, with the round and phase the room is in', () => {
    const plan = planGame(s, 2);
    expect(refusal(plan, note('Team 1 hesitates'))).toBeNull();
    expect(applyEvent(plan, s, note('  Team 1 hesitates  ')).notes).toEqual([
      { round: 1, phase: 'plan', at: '2025-03-01T10:00:00Z', text: 'Team 1 hesitates' },
    ]);
    const kept = play(diag, note('first'), note('second'));
    expect(kept.notes.map((n) => [n.phase, n.text])).toEqual([
      ['diagnose', 'first'],
      ['diagnose', 'second'],
    ]);
  });

  it('may still be written once the game is over: in the debrief', () => {
    const over: GameState = { ...diag, phase: 'evaluate', round: 6, over: true };
    expect(refusal(over, note('read this out'))).toBeNull();
    // The review of the last round: the engine has counted round 6, the room is in round 5.
    expect(applyEvent(over, s, note('read this out')).notes).toEqual([
      { round: 5, phase: 'debrief', at: '2025-03-01T10:00:00Z', text: 'read this out' },
    ]);
  });

  it("are the facilitator's only, and never empty", () => {
    expect(refusal(diag, note('we want the wells', 'team-1'))).toBe('facilitator-only');
    expect(refusal(diag, note('   '))).toBe('empty-note');
    expect(refusal({ ...diag, over: true }, note(''))).toBe('empty-note');
  });
});

describe('the end of the game', () => {
  it('lapses every offer still open, even one of the round the engine counts', () => {
    const open: Offer = {
      id: 'o1',
      card: 'garden',
      proposer: 'team-1',
      partners: ['team-2'],
      levers: [],
      round: 6,
      answers: {},
      status: 'open',
    };
    const last: GameState = { ...planGame(s, 2), phase: 'evaluate', round: 6, rounds: 5, offers: [open] };
    const over = applyEvent(last, s, CONTINUE);
    expect(over.over).toBe(true);
    expect(over.offers.map((o) => o.status)).toEqual(['lapsed']);
  });
});
