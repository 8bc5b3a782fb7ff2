/**
 * The rules one at a time, on periurban-brownfield (scenarios/periurban-brownfield.json
 * and scenarios/library): start indicators breathe 55, drink 62, eat 44, move 31,
 * live 34, cohesion 37, jobs 27, cooperation 35; budget 110 k€, income 45 k€.
 * Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  applyHazard,
  cardsOpenTo,
  closeRound,
  createGame,
  GameRuleError,
  implementProjects,
  mitigationFor,
  overallResilience,
  quoteProject,
  scoreTeam,
} from '../../src/engine/index.ts';
import type { GameState, Indicators } from '../../src/engine/types.ts';
import { pass, scenario, start, withBudget } from './helpers.ts';

const s = scenario('periurban-brownfield');

function game(teams = 1, budget?: number): GameState {
  const g = createGame(s, { seed: 1, teams: Array.from({ length: teams }, (_, i) => `T${i + 1}`) });
  return budget === undefined ? g : withBudget(g, budget);
}

const START: Indicators = { breathe: 55, drink: 62, eat: 44, move: 31, live: 34, cohesion: 37, jobs: 27, cooperation: 35 };

describe('creating a game', () => {
  it('starts every team with the scenario indicators and budget', () => {
    const g = createGame(s, { seed: 42, teams: ['A', 'B'] });
    expect(g.teams.map((t) => t.indicators)).toEqual([START, START]);
    expect(g.teams.map((t) => t.budget)).toEqual([110, 110]);
    expect(g).toMatchObject({ round: 1, rounds: 7, phase: 'diagnose', over: false, pendingHazard: null, difficulty: 'normal' });
  });

  it('scales the budget by difficulty: 132 easy, 94 hard', () => {
    // 110 * 1.2 = 132; 110 * 0.85 = 93.5 -> 94.
    expect(createGame(s, { seed: 1, teams: ['A'], difficulty: 'easy' }).teams[0]?.budget).toBe(132);
    expect(createGame(s, { seed: 1, teams: ['A'], difficulty: 'hard' }).teams[0]?.budget).toBe(94);
  });
});

describe('quotes and levers', () => {
  it('community-garden (20 k€): contract 45 % -> 9, call for projects 35 % -> 7, the team pays 4', () => {
    const q = quoteProject(
      game(),
      s,
      start('team-1', 'community-garden', ['solidarity-territory-contract', 'call-for-projects']),
    );
    expect(q).toEqual({
      ok: true,
      cost: 20,
      leverPaid: { 'solidarity-territory-contract': 9, 'call-for-projects': 7 },
      shares: { 'team-1': 4 },
      duration: 1,
      pooled: false,
    });
  });

  it('housing-renovation (120 k€): levers stop at 80 % of the cost, 96 k€', () => {
    // Contract round(54) = 54 (cap 70); call round(42) = 42 within the 96 - 54 left; the team pays 24.
    const q = quoteProject(
      game(),
      s,
      start('team-1', 'housing-renovation', ['solidarity-territory-contract', 'call-for-projects']),
    );
    expect(q.leverPaid).toEqual({ 'solidarity-territory-contract': 54, 'call-for-projects': 42 });
    expect(q.shares).toEqual({ 'team-1': 24 });
    expect(q.duration).toBe(2);
  });

  it('a lever pays no more than its cap of the round, summed over the team’s projects', () => {
    let g = applyAction(game(), s, start('team-1', 'housing-renovation', ['solidarity-territory-contract', 'call-for-projects']));
    expect(g.teams[0]?.budget).toBe(86);
    expect(g.teams[0]?.leverUsed).toEqual({ 'solidarity-territory-contract': 54, 'call-for-projects': 42 });
    // early-childhood-centre, 80 k€: 45 % would be 36, but 70 - 54 = 16 is left on the contract.
    const q = quoteProject(g, s, start('team-1', 'early-childhood-centre', ['solidarity-territory-contract']));
    expect(q.leverPaid).toEqual({ 'solidarity-territory-contract': 16 });
    expect(q.shares).toEqual({ 'team-1': 64 });
    g = applyAction(g, s, start('team-1', 'early-childhood-centre', ['solidarity-territory-contract']));
    expect(g.teams[0]?.budget).toBe(22);
    // Two moves: the team's turn is over, and a pass is refused.
    expect(g.teams[0]?.acted).toBe(true);
    expect(() => applyAction(g, s, pass('team-1'))).toThrow(GameRuleError);
    // The next round, the caps are fresh.
    expect(closeRound(g, s).teams[0]?.leverUsed).toEqual({});
  });

  it('refuses a lever the card is not eligible for, a duplicate lever and an unknown one', () => {
    expect(quoteProject(game(), s, start('team-1', 'logistics-warehouse', ['solidarity-territory-contract'])).error).toBe(
      'lever-not-eligible',
    );
    expect(quoteProject(game(), s, start('team-1', 'community-garden', ['call-for-projects', 'call-for-projects'])).error).toBe(
      'duplicate-lever',
    );
    expect(quoteProject(game(), s, start('team-1', 'community-garden', ['lottery'])).error).toBe('unknown-lever');
    expect(quoteProject(game(), s, start('team-1', 'no-such-card')).error).toBe('unknown-card');
    // dune-restoration is another scenario's card.
    expect(quoteProject(game(), s, start('team-1', 'water-saving-network')).error).toBe('card-not-in-deck');
  });

  it('ptce needs departmental engineering, which takes a round off its 3', () => {
    expect(quoteProject(game(), s, start('team-1', 'ptce')).error).toBe('needs-engineering');
    const q = quoteProject(game(), s, start('team-1', 'ptce', ['departmental-engineering']));
    expect(q).toMatchObject({ ok: true, duration: 2, shares: { 'team-1': 90 }, leverPaid: {}, pooled: false });
    // With the neighbours' pooling lever: 30 % of 90 = 27, the project is pooled and takes a round more.
    const pooled = quoteProject(game(), s, start('team-1', 'ptce', ['departmental-engineering', 'pooling-neighbours']));
    expect(pooled).toMatchObject({
      ok: true,
      duration: 3,
      shares: { 'team-1': 63 },
      leverPaid: { 'pooling-neighbours': 27 },
      pooled: true,
    });
  });

  it('refuses a project the team cannot afford and leaves the state untouched', () => {
    const g = game(1, 10);
    expect(quoteProject(g, s, start('team-1', 'community-garden')).error).toBe('budget');
    expect(() => applyAction(g, s, start('team-1', 'community-garden'))).toThrow(GameRuleError);
    expect(g.teams[0]?.budget).toBe(10);
    expect(g.projects).toEqual([]);
  });

  it('enforces prerequisites: tzcld-energy-helpers needs a built tzcld-company', () => {
    expect(quoteProject(game(), s, start('team-1', 'tzcld-energy-helpers')).error).toBe('missing-prerequisite');
    expect(cardsOpenTo(game(), s, 'team-1').map((c) => c.id)).not.toContain('tzcld-energy-helpers');
    expect(cardsOpenTo(game(), s, 'team-1')).toHaveLength(22);
  });

  it('records the project and takes the team’s share', () => {
    const g = applyAction(game(), s, start('team-1', 'integration-worksite'));
    expect(g.teams[0]?.budget).toBe(45);
    expect(g.projects).toEqual([
      {
        id: 'p1',
        card: 'integration-worksite',
        owners: ['team-1'],
        levers: [],
        startedRound: 1,
        readyRound: 2,
        built: false,
        pooled: false,
        cost: 65,
        paid: { 'team-1': 65 },
        leverPaid: {},
      },
    ]);
    expect(quoteProject(g, s, start('team-1', 'integration-worksite')).error).toBe('already-started');
  });
});

describe('pooling', () => {
  it('splits shared-mobility-scic (75 k€) three ways, 25 each, one move each, a round longer', () => {
    const g = applyAction(game(3), s, start('team-1', 'shared-mobility-scic', [], ['team-2', 'team-3']));
    expect(g.projects[0]).toMatchObject({ owners: ['team-1', 'team-2', 'team-3'], pooled: true, readyRound: 3 });
    expect(g.teams.map((t) => t.budget)).toEqual([85, 85, 85]);
    expect(g.teams.map((t) => t.moves)).toEqual([1, 1, 1]);
  });

  it('the proposer pays the odd k€: 38 and 37', () => {
    const g = applyAction(game(2), s, start('team-1', 'shared-mobility-scic', [], ['team-2']));
    expect(g.teams.map((t) => t.budget)).toEqual([72, 73]);
  });

  it('refuses a card that cannot be pooled, the proposer as its own partner, and an unknown partner', () => {
    expect(quoteProject(game(2), s, start('team-1', 'community-garden', [], ['team-2'])).error).toBe('not-poolable');
    expect(quoteProject(game(2), s, start('team-1', 'shared-mobility-scic', [], ['team-1'])).error).toBe('bad-partner');
    expect(quoteProject(game(2), s, start('team-1', 'shared-mobility-scic', [], ['team-7'])).error).toBe('bad-partner');
  });

  it('every owner gets the full effects and the pooling bonus when built', () => {
    let g = applyAction(game(2), s, start('team-1', 'solidarity-transport', [], ['team-2']));
    expect(g.projects[0]?.readyRound).toBe(2);
    expect(implementProjects(g, s)).toBe(g);
    g = implementProjects({ ...g, round: 2 }, s);
    // move 31 + 6; cohesion 37 + 4 + 1; cooperation 35 + 2 + 2.
    for (const t of g.teams) expect(t.indicators).toMatchObject({ move: 37, cohesion: 42, cooperation: 39 });
    // And each round after: cooperation +2, cohesion +1, on top of the pressures (cohesion -1).
    const closed = closeRound(g, s);
    expect(closed.teams[0]?.indicators).toMatchObject({ cooperation: 41, cohesion: 42, move: 36 });
  });
});

describe('building', () => {
  it('adds the integration clause bonus (jobs +4, cohesion +1) to public works', () => {
    const g = implementProjects(
      { ...applyAction(game(), s, start('team-1', 'integration-worksite', ['integration-clause'])), round: 2 },
      s,
    );
    // integration-worksite: jobs 27 + 7 + 4, cohesion 37 + 3 + 1, breathe 55 + 3.
    expect(g.teams[0]?.indicators).toEqual({ ...START, jobs: 38, cohesion: 41, breathe: 58 });
  });

  it('keeps indicators within 0..100', () => {
    const g0 = applyAction(game(), s, start('team-1', 'community-garden'));
    const g = implementProjects(
      { ...g0, teams: g0.teams.map((t) => ({ ...t, indicators: { ...t.indicators, cohesion: 98 } })) },
      s,
    );
    expect(g.teams[0]?.indicators.cohesion).toBe(100);
  });
});

describe('hazards and mitigation', () => {
  it('fuel-price-spike at normal (x0.7) with cooperation 35 (8.75 % absorbed)', () => {
    const after = applyHazard(game(2), s, 'fuel-price-spike');
    // move 31 - 10*0.7*0.9125 = 24.61 -> 25; live 34 - 1.92 -> 32; cohesion 37 - 1.28 -> 36.
    expect(after.teams[0]?.indicators).toEqual({ ...START, move: 25, live: 32, cohesion: 36 });
    expect(after.hazards).toEqual([
      {
        round: 1,
        hazard: 'fuel-price-spike',
        injected: false,
        effects: {
          'team-1': { impacts: { move: -6, live: -2, cohesion: -1 }, mitigation: 0.09 },
          'team-2': { impacts: { move: -6, live: -2, cohesion: -1 }, mitigation: 0.09 },
        },
      },
    ]);
  });

  it('a built shield mitigates its hazard and hazards of the same kind', () => {
    const g = implementProjects({ ...applyAction(game(), s, start('team-1', 'shared-mobility-scic')), round: 2 }, s);
    const team = g.teams[0];
    if (!team) throw new Error('setup');
    // Cooperation 35 + 4 = 39: 0.0975, plus the card's 0.35 against fuel, and against energy-price-spike (same kind).
    expect(mitigationFor(g, s, team, 'fuel-price-spike')).toBeCloseTo(0.4475, 10);
    expect(mitigationFor(g, s, team, 'energy-price-spike')).toBeCloseTo(0.4475, 10);
    expect(mitigationFor(g, s, team, 'rail-service-cut')).toBeCloseTo(0.3475, 10);
    expect(mitigationFor(g, s, team, 'heatwave')).toBeCloseTo(0.0975, 10);
  });

  it('never mitigates more than 85 %', () => {
    const g = game();
    const team = { ...(g.teams[0] as GameState['teams'][number]), indicators: { ...START, cooperation: 100 } };
    const built = {
      ...g,
      teams: [team],
      projects: [{ ...applyAction(g, s, start('team-1', 'shared-mobility-scic')).projects[0], built: true }],
    } as GameState;
    // Cooperation 100: 0.25, plus the card's 0.35 against fuel (its rail shield is of another kind).
    expect(mitigationFor(built, s, team, 'fuel-price-spike')).toBeCloseTo(0.6, 10);
    const strong = {
      ...built,
      projects: [...built.projects, { ...built.projects[0], id: 'p2', card: 'rail-halt-hub' }],
    } as GameState;
    // rail-halt-hub shields fuel 0.2 more: 0.8.
    expect(mitigationFor(strong, s, team, 'fuel-price-spike')).toBeCloseTo(0.8, 10);
    const capped = {
      ...strong,
      projects: [...strong.projects, { ...built.projects[0], id: 'p3', card: 'solidarity-transport' }],
    } as GameState;
    // solidarity-transport shields energy-price-spike 0.15 (same kind as fuel): 0.95 -> 0.85.
    expect(mitigationFor(capped, s, team, 'fuel-price-spike')).toBeCloseTo(0.85, 10);
  });
});

describe('closing a round', () => {
  it('applies pressures and income, resets the moves and rotates the order', () => {
    const g = closeRound(applyAction(game(2), s, pass('team-1')), s);
    expect(g.round).toBe(2);
    expect(g.order).toEqual(['team-2', 'team-1']);
    expect(g.teams[0]).toMatchObject({ acted: false, moves: 0, budget: 155 });
    // jobs -2, move -1, live -1, cohesion -1.
    expect(g.teams[0]?.indicators).toEqual({ ...START, jobs: 25, move: 30, live: 33, cohesion: 36 });
    expect(g.teams[0]?.trajectory).toEqual([START, { ...START, jobs: 25, move: 30, live: 33, cohesion: 36 }]);
  });

  it('local jobs feed the budget: jobs 60 -> 58 after pressure, 8 points above 50 -> +5 k€', () => {
    const g0 = game();
    const g = closeRound({ ...g0, teams: g0.teams.map((t) => ({ ...t, indicators: { ...t.indicators, jobs: 60 } })) }, s);
    // 110 + 45 + round(8 * 0.6 = 4.8).
    expect(g.teams[0]?.budget).toBe(160);
  });

  it('collapses a team whose essential need is at the threshold (10)', () => {
    const g0 = game(2);
    const g = closeRound(
      { ...g0, teams: g0.teams.map((t, i) => (i === 0 ? { ...t, indicators: { ...t.indicators, drink: 10 } } : t)) },
      s,
    );
    expect(g.teams.map((t) => t.collapsed)).toEqual([true, false]);
    const again = closeRound(g, s);
    // A collapsed team is frozen: no income, no pressure.
    expect(again.teams[0]?.budget).toBe(155);
    expect(again.teams[0]?.indicators.jobs).toBe(25);
  });
});

describe('scoring: 0.6 x mean + 0.4 x weakest', () => {
  const ids = s.indicatorIds;
  const all = (v: number) => Object.fromEntries(ids.map((id) => [id, v])) as Indicators;

  it('all 50 but one at 20: mean 46.25, overall round(27.75 + 8) = 36', () => {
    expect(ids).toHaveLength(8);
    expect(overallResilience({ ...all(50), jobs: 20 }, ids)).toBe(36);
  });

  it('all 80 but cooperation at 30: mean 73.75, overall round(44.25 + 12) = 56', () => {
    expect(overallResilience({ ...all(80), cooperation: 30 }, ids)).toBe(56);
  });

  it('all 90: 90', () => {
    expect(overallResilience(all(90), ids)).toBe(90);
  });

  it('succeeds at the target (52) without collapsing, names the weakest dimension', () => {
    const team = game().teams[0];
    if (!team) throw new Error('setup');
    // The start profile: mean 325 / 8 = 40.625, weakest jobs 27: round(24.375 + 10.8) = 35.
    expect(scoreTeam(team, s)).toMatchObject({ overall: 35, weakest: 'jobs', succeeded: false });
    // all 52 -> 52 = target.
    expect(scoreTeam({ ...team, indicators: all(52) }, s).succeeded).toBe(true);
    expect(scoreTeam({ ...team, indicators: all(51) }, s).succeeded).toBe(false);
    expect(scoreTeam({ ...team, indicators: all(90), collapsed: true }, s).succeeded).toBe(false);
  });
});
