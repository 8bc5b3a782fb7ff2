/**
 * selectors.ts: what a team would pay to start a card on its own, with every
 * lever that can apply alone. Two teams: contract 90, call 60 (fixture.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { hazardOdds, needsNearCollapse, remainingMoves, soloPrice, soloQuote } from '../../src/engine/selectors.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { makeScenario, planGame, project, withProjects, withTeam } from './fixture.ts';

let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});

describe('a solo quote', () => {
  it('asks every lever that applies, but not pooling, nor engineering a card does not need', () => {
    const g = planGame(s, 2);
    // garden: contract 45, call 35 (pool and eng left out) -> the team pays 20, 2 rounds.
    const garden = soloQuote(g, s, 'team-1', 'garden');
    expect([garden.ok, garden.leverPaid, garden.shares, garden.duration, garden.engineeringDays]).toEqual([
      true,
      { contract: 45, call: 35 },
      { 'team-1': 20 },
      2,
      0,
    ]);
    // wells needs engineering: contract 36, eng (3 - 1 = 2 rounds, 2 days) -> pays 44.
    const wells = soloQuote(g, s, 'team-1', 'wells');
    expect([wells.ok, wells.leverPaid, wells.shares, wells.duration, wells.engineeringDays]).toEqual([
      true,
      { contract: 36 },
      { 'team-1': 44 },
      2,
      2,
    ]);
    // hall (a cooperative): contract 50 * 45 % = 22.5 -> 23 and the clause -> pays 27.
    expect(soloQuote(g, s, 'team-2', 'hall').shares).toEqual({ 'team-2': 27 });
    expect(soloQuote(g, s, 'team-1', 'nope').error).toBe('unknown-card');
  });
});

describe('a solo price', () => {
  it('is the share, affordable or not', () => {
    const g = planGame(s, 2);
    expect(soloPrice(g, s, 'team-1', 'garden')).toEqual({ share: 20, affordable: true, error: null });
    // With 10 k€ the garden's 20 is beyond the budget; the share is still told.
    const poor = withTeam(g, 'team-1', { budget: 10 });
    expect(soloPrice(poor, s, 'team-1', 'garden')).toEqual({ share: 20, affordable: false, error: 'budget' });
    expect(soloPrice(withTeam(g, 'team-1', { budget: 20 }), s, 'team-1', 'garden').affordable).toBe(true);
  });

  it('is nothing when the card cannot be started at all', () => {
    const g = withProjects(planGame(s, 2), project('garden', ['team-1'], { built: false }));
    expect(soloPrice(g, s, 'team-1', 'garden')).toEqual({ share: 0, affordable: false, error: 'already-started' });
    expect(soloPrice(g, s, 'team-1', 'ptce')).toEqual({ share: 0, affordable: false, error: 'needs-partners' });
    expect(soloPrice(withTeam(g, 'team-2', { budget: 0 }), s, 'team-2', 'nope')).toEqual({
      share: 0,
      affordable: false,
      error: 'unknown-card',
    });
  });
});

describe('moves left', () => {
  it('three a round, one for a commune in collapse, none once the team passed', () => {
    const team = planGame(s, 2).teams[0];
    if (!team) throw new Error('no team');
    expect(remainingMoves(team)).toBe(3);
    expect(remainingMoves({ ...team, moves: 2 })).toBe(1);
    expect(remainingMoves({ ...team, moves: 3 })).toBe(0);
    expect(remainingMoves({ ...team, collapsed: true })).toBe(1);
    expect(remainingMoves({ ...team, collapsed: true, moves: 2 })).toBe(0);
    expect(remainingMoves({ ...team, acted: true })).toBe(0);
  });
});

describe('what the rules panel shows', () => {
  it('the odds of each hazard of the deck: fire 2, flood 1, heat 1 -> a half, a quarter, a quarter', () => {
    expect(hazardOdds(s)).toEqual([
      { hazard: 'fire', share: 0.5 },
      { hazard: 'flood', share: 0.25 },
      { hazard: 'heat', share: 0.25 },
    ]);
    expect(hazardOdds({ ...s, deckHazards: [] })).toEqual([]);
  });

  it('warns of essential needs at most 10 points above the collapse threshold (15), weakest first; other needs never', () => {
    const team = planGame(s, 2).teams[0];
    if (!team) throw new Error('no team');
    const indicators = { ...team.indicators, breathe: 40, drink: 25, eat: 26, move: 12, live: 50, cohesion: 5, jobs: 20 };
    expect(needsNearCollapse({ ...team, indicators }, s)).toEqual(['move', 'drink']);
  });
});
