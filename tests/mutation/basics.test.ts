/**
 * The small pure pieces: tuning constants, the seeded RNG, the turn timer,
 * scoring, team copies and the player view. Expected values are literals.
 */
import { describe, expect, it } from 'vitest';
import { cloneTeam } from '../../src/engine/clone.ts';
import { createGame } from '../../src/engine/game.ts';
import { playerView } from '../../src/engine/player-view.ts';
import { nextRandom, pickIndex, pickWeighted, seedState } from '../../src/engine/rng.ts';
import {
  ACTIONS_PER_ROUND,
  AID_AMOUNT,
  AID_COOPERATION,
  AID_NEED_BOOST,
  BUDGET_FACTOR,
  COLLAPSED_ACTIONS_PER_ROUND,
  COLLAPSED_INCOME_SHARE,
  COOPERATION_MITIGATION_PER_POINT,
  ECOSYSTEM_FOR_PTCE,
  ECOSYSTEM_ROUND_BONUS,
  ECOSYSTEM_THRESHOLD,
  ENVELOPE_GROWTH_PER_COMMUNE,
  ESSENTIAL_NEEDS_IDS,
  envelopeFactor,
  estimatedMinutes,
  gameLengths,
  HAZARD_FACTOR,
  MAX_LEVER_SHARE,
  MAX_MITIGATION,
  OVERALL_MEAN_WEIGHT,
  OVERALL_MIN_WEIGHT,
  POOLED_BUILD_BONUS,
  POOLED_ROUND_BONUS,
  SOFT_CEILING_FROM,
  SSE_ACTOR_TYPES,
} from '../../src/engine/rules.ts';
import { overallResilience, scoreGame, scoreTeam, weakestDimension } from '../../src/engine/scoring.ts';
import {
  DEFAULT_TIMER,
  extendTimer,
  resetTimer,
  type TurnTimer,
  tickTimer,
  timerExpired,
  timerForcesChoice,
} from '../../src/engine/timer.ts';
import type { Indicators } from '../../src/engine/types.ts';
import { allAt, makeScenario, names, START, team, withTeam } from './fixture.ts';

describe('tuning constants (their current values are final)', () => {
  it('has the second-edition numbers', () => {
    expect(ACTIONS_PER_ROUND).toBe(3);
    expect(COLLAPSED_ACTIONS_PER_ROUND).toBe(1);
    expect(COLLAPSED_INCOME_SHARE).toBe(0.5);
    expect(ENVELOPE_GROWTH_PER_COMMUNE).toBe(0.5);
    expect([AID_AMOUNT, AID_NEED_BOOST, AID_COOPERATION]).toEqual([20, 6, 2]);
    expect(ECOSYSTEM_FOR_PTCE).toBe(2);
    expect(ECOSYSTEM_THRESHOLD).toBe(3);
    expect(SOFT_CEILING_FROM).toBe(60);
    expect(MAX_LEVER_SHARE).toBe(0.8);
    expect(MAX_MITIGATION).toBe(0.85);
    expect(COOPERATION_MITIGATION_PER_POINT).toBe(1 / 400);
    expect([OVERALL_MEAN_WEIGHT, OVERALL_MIN_WEIGHT]).toEqual([0.6, 0.4]);
  });

  it('scales hazards and budgets by difficulty', () => {
    expect(HAZARD_FACTOR).toEqual({ easy: 0.5, normal: 0.7, hard: 0.9 });
    expect(BUDGET_FACTOR).toEqual({ easy: 1.2, normal: 1, hard: 0.85 });
  });

  it('names the bonuses, the essential needs and the SSE actor types', () => {
    expect(POOLED_BUILD_BONUS).toEqual({ cooperation: 2, cohesion: 1 });
    expect(POOLED_ROUND_BONUS).toEqual({ cooperation: 2, cohesion: 1 });
    expect(ECOSYSTEM_ROUND_BONUS).toEqual({ cohesion: 1, jobs: 1 });
    expect(ESSENTIAL_NEEDS_IDS).toEqual(['breathe', 'drink', 'eat', 'move', 'live']);
    expect([...SSE_ACTOR_TYPES]).toEqual(['association', 'cooperative', 'scic', 'ptce', 'tzcld', 'cress', 'social-enterprise']);
    expect(SSE_ACTOR_TYPES.has('local-authority')).toBe(false);
  });

  it('grows the envelope by half for each commune beyond the first', () => {
    // 1 + 0.5 * max(0, n - 1): 0 -> 1, 1 -> 1, 2 -> 1.5, 3 -> 2, 6 -> 3.5.
    expect(envelopeFactor(0)).toBe(1);
    expect(envelopeFactor(1)).toBe(1);
    expect(envelopeFactor(2)).toBe(1.5);
    expect(envelopeFactor(3)).toBe(2);
    expect(envelopeFactor(6)).toBe(3.5);
  });

  it('estimates the workshop time, rounded up to 5 minutes', () => {
    // 10 + 3 * (4 + 2.5 * 1) + 15 = 44.5 -> 45.
    expect(estimatedMinutes(1, 3)).toBe(45);
    // 10 + 6 * (4 + 2.5 * 4) + 15 = 109 -> 110.
    expect(estimatedMinutes(4, 6)).toBe(110);
    // 10 + 4 * (4 + 2.5 * 2) + 15 = 61 -> 65.
    expect(estimatedMinutes(2, 4)).toBe(65);
    // 10 + 4 * (4 + 2.5 * 6) + 15 = 101 -> 105.
    expect(estimatedMinutes(6, 4)).toBe(105);
    // 10 + 6 * (4 + 2.5 * 2) + 15 = 79 -> 80; exactly 70 stays 70 (10 + 5 * 9 + 15).
    expect(estimatedMinutes(2, 6)).toBe(80);
    expect(estimatedMinutes(2, 5)).toBe(70);
  });

  it('offers 4, 5 and the full length, never more than the scenario', () => {
    expect(gameLengths(7)).toEqual([4, 5, 7]);
    expect(gameLengths(12)).toEqual([4, 5, 12]);
    expect(gameLengths(5)).toEqual([4, 5]);
    expect(gameLengths(4)).toEqual([4]);
    expect(gameLengths(3)).toEqual([3]);
  });
});

describe('seeded RNG (mulberry32, values from an independent reimplementation)', () => {
  it('mixes the seed', () => {
    expect(seedState(0)).toBe(2462723854);
    expect(seedState(1)).toBe(920564995);
    expect(seedState(42)).toBe(3856264912);
    expect(seedState(7)).toBe(1478832577);
    // The seed is truncated to an integer first.
    expect(seedState(-3.7)).toBe(1551436488);
    expect(seedState(-3)).toBe(1551436488);
  });

  it('draws floats in [0, 1) and steps the state', () => {
    expect(nextRandom(0)).toEqual([0.26642920868471265, 1831565813]);
    expect(nextRandom(1)).toEqual([0.6270739405881613, 1831565814]);
    expect(nextRandom(123456789)).toEqual([0.2577907438389957, 1955022602]);
    // State 4294289667 + 0x6d2b79f5 wraps past 2^32.
    expect(nextRandom(4294289667)).toEqual([0.3551594908349216, 1830888184]);
  });

  it('is deterministic from a seed', () => {
    let state = seedState(1);
    const draws: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const [r, next] = nextRandom(state);
      draws.push(r);
      state = next;
    }
    expect(draws).toEqual([0.5223135030828416, 0.9062833907082677, 0.8789158053696156]);
    expect(state).toBe(2120295138);
  });

  it('picks by weight', () => {
    // State 1 draws 0.627: weights 1,1,1,1 -> target 2.508 -> 1.508, 0.508, -0.49 -> index 2.
    expect(pickWeighted(1, [1, 1, 1, 1])).toEqual([2, 1831565814]);
    // Weights 3,1 -> target 2.508 -> 2.508 - 3 < 0 -> index 0.
    expect(pickWeighted(1, [3, 1])).toEqual([0, 1831565814]);
    // Weights 1,0,3 -> target 2.508 -> 1.508, 1.508, -1.49 -> index 2.
    expect(pickWeighted(1, [1, 0, 3])).toEqual([2, 1831565814]);
    // State 0 draws 0.266: weights 1,1,1,1 -> target 1.066 -> 0.066, -0.93 -> index 1.
    expect(pickWeighted(0, [1, 1, 1, 1])).toEqual([1, 1831565813]);
    // All weights zero: the target 0 is never below 0 -> the last index.
    expect(pickWeighted(1, [0, 0, 0])).toEqual([2, 1831565814]);
  });

  it('picks an index uniformly', () => {
    // 0.627 * 4 = 2.508 -> 2; 0.266 * 10 = 2.66 -> 2; 0.627 * 1 -> 0; 0.906 * 3 = 2.72 -> 2.
    expect(pickIndex(1, 4)).toEqual([2, 1831565814]);
    expect(pickIndex(0, 10)).toEqual([2, 1831565813]);
    expect(pickIndex(1, 1)).toEqual([0, 1831565814]);
    expect(pickIndex(2752130808, 3)).toEqual([2, 288729325]);
    // Nothing to pick from: -1 (no index), as indexOf says.
    expect(pickIndex(1, 0)).toEqual([-1, 1831565814]);
  });
});

describe('turn timer', () => {
  const on: TurnTimer = { enabled: true, limitSeconds: 180, remainingSeconds: 180, forceOnExpiry: true };

  it('starts disabled at 180 s', () => {
    expect(DEFAULT_TIMER).toEqual({ enabled: false, limitSeconds: 180, remainingSeconds: 180, forceOnExpiry: false });
  });

  it('ticks only when enabled, never below 0 nor backwards', () => {
    expect(tickTimer(DEFAULT_TIMER, 30)).toBe(DEFAULT_TIMER);
    expect(tickTimer(on, 30)).toEqual({ ...on, remainingSeconds: 150 });
    expect(tickTimer(on, 200)).toEqual({ ...on, remainingSeconds: 0 });
    expect(tickTimer(on, -5)).toEqual({ ...on, remainingSeconds: 180 });
  });

  it('extends and resets', () => {
    expect(extendTimer(on, 60)).toEqual({ ...on, remainingSeconds: 240 });
    expect(extendTimer(on, -10)).toEqual({ ...on, remainingSeconds: 180 });
    expect(extendTimer(DEFAULT_TIMER, 20).remainingSeconds).toBe(200);
    expect(resetTimer({ ...on, remainingSeconds: 12 })).toEqual(on);
  });

  it('expires at 0 when enabled, and forces a choice only when asked', () => {
    expect(timerExpired({ ...on, remainingSeconds: 0 })).toBe(true);
    expect(timerExpired({ ...on, remainingSeconds: 1 })).toBe(false);
    expect(timerExpired({ ...on, enabled: false, remainingSeconds: 0 })).toBe(false);
    expect(timerForcesChoice({ ...on, remainingSeconds: 0 })).toBe(true);
    expect(timerForcesChoice({ ...on, remainingSeconds: 0, forceOnExpiry: false })).toBe(false);
    expect(timerForcesChoice({ ...on, remainingSeconds: 5 })).toBe(false);
  });
});

describe('scoring', () => {
  const ind = (patch: Partial<Indicators>): Indicators => ({ ...START, ...patch });

  it('weighs the mean 0.6 and the weakest 0.4', () => {
    // eat 60, jobs 30, cohesion 90: mean 60, min 30 -> 36 + 12 = 48.
    expect(overallResilience(ind({ eat: 60, jobs: 30, cohesion: 90 }), ['eat', 'jobs', 'cohesion'])).toBe(48);
    // eat 50, jobs 41, cohesion 60: mean 50.33, min 41 -> 30.2 + 16.4 = 46.6 -> 47.
    expect(overallResilience(ind({ eat: 50, jobs: 41, cohesion: 60 }), ['eat', 'jobs', 'cohesion'])).toBe(47);
    // eat 70, jobs 20: mean 45, min 20 -> 27 + 8 = 35.
    expect(overallResilience(ind({ eat: 70, jobs: 20 }), ['eat', 'jobs'])).toBe(35);
  });

  it('names the weakest dimension, the first one on a tie', () => {
    expect(weakestDimension(ind({ eat: 30, jobs: 30, cohesion: 20 }), ['eat', 'jobs', 'cohesion'])).toBe('cohesion');
    expect(weakestDimension(ind({ eat: 30, jobs: 30, cohesion: 40 }), ['eat', 'jobs', 'cohesion'])).toBe('eat');
    expect(weakestDimension(ind({ eat: 30, jobs: 29 }), ['eat', 'jobs'])).toBe('jobs');
  });

  it('succeeds at the target or above, not in collapse', () => {
    const s = makeScenario();
    const g = createGame(s, { seed: 1, teams: names(2) });
    // All 45: mean 45, min 45 -> 27 + 18 = 45 = the target.
    const at = withTeam(g, 'team-1', { indicators: allAt(45) });
    expect(scoreTeam(team(at, 'team-1'), s)).toEqual({
      team: 'team-1',
      dimensions: allAt(45),
      overall: 45,
      weakest: 'breathe',
      succeeded: true,
    });
    expect(scoreTeam({ ...team(at, 'team-1'), indicators: allAt(44) }, s).succeeded).toBe(false);
    expect(scoreTeam({ ...team(at, 'team-1'), collapsed: true }, s).succeeded).toBe(false);
    // START: sum 380, mean 47.5, min 40 -> 28.5 + 16 = 44.5 -> 45 (weakest: drink, the first 40).
    expect(scoreGame(at, s).map((x) => [x.team, x.overall, x.weakest, x.succeeded])).toEqual([
      ['team-1', 45, 'breathe', true],
      ['team-2', 45, 'drink', true],
    ]);
  });
});

describe('copies and views', () => {
  it('copies a team with every field', () => {
    const g = createGame(makeScenario(), { seed: 3, teams: ['A'] });
    const t = team(g, 'team-1');
    const copy = cloneTeam(t);
    expect(copy).toEqual(t);
    expect(copy).not.toBe(t);
    copy.budget = 1;
    expect(t.budget).toBe(200);
  });

  it('hides the seed, the RNG state, the injected and planned hazards and the facilitator’s notes from a player', () => {
    const g = { ...createGame(makeScenario(), { seed: 3, teams: ['A', 'B'] }), pendingHazard: 'fire' };
    const view = playerView(g, 'team-2');
    expect(view.viewer).toBe('team-2');
    expect('seed' in view || 'rng' in view || 'pendingHazard' in view).toBe(false);
    expect('plannedHazards' in view || 'notes' in view).toBe(false);
    const { seed: _s, rng: _r, pendingHazard: _p, plannedHazards: _h, notes: _n, ...open } = g;
    expect(view).toEqual({ ...open, viewer: 'team-2' });
    expect(playerView(g, null).viewer).toBeNull();
  });
});
