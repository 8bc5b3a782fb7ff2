/**
 * round.ts: building projects, the soft ceiling, drawing and applying a
 * hazard (exposure, spill-over, mitigation, aggravation), collapse, closing a
 * round and the turn order. Fixture numbers in fixture.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyHazard,
  clampIndicator,
  closeRound,
  drawHazard,
  exposureOf,
  implementProjects,
  isCollapsed,
  mitigationFor,
  shieldingProjects,
  softGain,
  turnOrder,
} from '../../src/engine/round.ts';
import type { GameState, Scenario, TeamState } from '../../src/engine/types.ts';
import { card, hazard, makeScenario, planGame, project, START, team, withIndicators, withProjects, withTeam } from './fixture.ts';

/** A fresh scenario in each test (the engine caches per scenario object), with two extra shields: hedge (fire -40 %), windbreak (storm -50 %). */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
  s.cards.hedge = card('hedge', { mitigates: [{ hazard: 'fire', share: 0.4 }] });
  s.cards.windbreak = card('windbreak', { mitigates: [{ hazard: 'storm', share: 0.5 }] });
});

describe('indicator arithmetic', () => {
  it('rounds and clamps to 0..100', () => {
    expect(clampIndicator(-5)).toBe(0);
    expect(clampIndicator(104)).toBe(100);
    expect(clampIndicator(50.5)).toBe(51);
    expect(clampIndicator(49.4)).toBe(49);
    expect(clampIndicator(100)).toBe(100);
    expect(clampIndicator(0)).toBe(0);
  });

  it('scales a gain above 60 by the room left: gain * (100 - value) / 40', () => {
    expect(softGain(50, 10)).toBe(10);
    expect(softGain(60, 10)).toBe(10);
    // 8 * 39 / 40 = 7.8; 10 * 20 / 40 = 5; 6 * 10 / 40 = 1.5; at 100 nothing.
    expect(softGain(61, 8)).toBeCloseTo(7.8, 10);
    expect(softGain(80, 10)).toBe(5);
    expect(softGain(90, 6)).toBe(1.5);
    expect(softGain(100, 5)).toBe(0);
    // Losses and nothing are never scaled.
    expect(softGain(90, -6)).toBe(-6);
    expect(softGain(70, 0)).toBe(0);
  });
});

describe('building projects', () => {
  let g: GameState;
  beforeEach(() => {
    g = { ...planGame(s, 2), round: 2 };
  });

  it('builds what is due (even late), applies its effects and its levers bonus to the owners', () => {
    const h = withProjects(
      g,
      project('garden', ['team-1'], { built: false, readyRound: 2 }),
      project('hall', ['team-1'], { built: false, readyRound: 3 }),
      project('shop', ['team-2'], { built: false, readyRound: 1, levers: ['clause'] }),
      project('firebreak', ['team-1'], { built: true, readyRound: 1 }),
    );
    const after = implementProjects(h, s);
    expect(after.projects.map((p) => p.built)).toEqual([true, false, true, true]);
    // garden: eat 45 + 8 = 53, cohesion 50 + 3 = 53 (hall not due, firebreak already built).
    expect(team(after, 'team-1').indicators).toEqual({ ...START, eat: 53, cohesion: 53 });
    // shop: jobs 50 + 3 = 53, eat 45 + 2 = 47; the clause: jobs + 4 = 57.
    expect(team(after, 'team-2').indicators).toEqual({ ...START, jobs: 57, eat: 47 });
    // The state it came from is untouched.
    expect(h.projects.map((p) => p.built)).toEqual([false, false, false, true]);
    expect(team(h, 'team-1').indicators).toEqual(START);
  });

  it('gives each owner of a pooled project the whole effect and cooperation +2, cohesion +1', () => {
    const h = withProjects(g, project('garden', ['team-1', 'team-2'], { built: false, readyRound: 2, pooled: true }));
    const after = implementProjects(h, s);
    // eat 45 + 8 = 53; cohesion 50 + 3 + 1 = 54; cooperation 40 + 2 = 42.
    expect(after.teams.map((t) => t.indicators)).toEqual([
      { ...START, eat: 53, cohesion: 54, cooperation: 42 },
      { ...START, eat: 53, cohesion: 54, cooperation: 42 },
    ]);
  });

  it('softens gains above 60 and clamps losses at 0', () => {
    const harsh = makeScenario();
    harsh.cards.cuts = card('cuts', { effects: { cohesion: -10, eat: 8 } });
    let h = withIndicators(planGame(harsh, 2), 'team-1', { eat: 70, cohesion: 5 });
    h = withIndicators(h, 'team-2', { eat: 90 });
    h = withProjects(h, project('cuts', ['team-1'], { built: false }), project('cuts', ['team-2'], { built: false }));
    const after = implementProjects(h, harsh);
    // eat 70 + 8 * 30 / 40 = 76; cohesion 5 - 10 -> 0. eat 90 + 8 * 10 / 40 = 92; cohesion 50 - 10 = 40.
    expect(team(after, 'team-1').indicators).toMatchObject({ eat: 76, cohesion: 0 });
    expect(team(after, 'team-2').indicators).toMatchObject({ eat: 92, cohesion: 40 });
  });

  it('only touches the scenario indicators; an unknown card or lever builds with no effect', () => {
    const few = makeScenario({ indicatorIds: ['eat', 'drink', 'jobs'] });
    const h = withProjects(
      planGame(few, 1),
      project('garden', ['team-1'], { built: false }),
      project('ghost', ['team-1'], { built: false }),
      project('hall', ['team-1'], { built: false, levers: ['ghost'] }),
    );
    const after = implementProjects(h, few);
    // garden eat + 8 (cohesion not played); hall jobs + 2 (cohesion not played).
    expect(team(after, 'team-1').indicators).toEqual({ ...START, eat: 53, jobs: 52 });
    expect(after.projects.map((p) => p.built)).toEqual([true, true, true]);
  });

  it('returns the very same state when nothing is due', () => {
    const h = withProjects(g, project('hall', ['team-1'], { built: false, readyRound: 3 }));
    expect(implementProjects(h, s)).toBe(h);
  });
});

describe('drawing a hazard', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 1);
  });

  it('draws by weight with the seeded RNG (fire 2, flood 1, heat 1)', () => {
    // rng 1 draws 0.627 -> 2.508: fire 0.508, flood -0.49 -> flood.
    expect(drawHazard({ ...g, rng: 1 }, s)).toEqual({ state: { ...g, rng: 1831565814 }, hazard: 'flood' });
    // rng 0 draws 0.266 -> 1.066: fire.
    expect(drawHazard({ ...g, rng: 0 }, s).hazard).toBe('fire');
    // rng 2752130808 draws 0.906 -> 3.625: fire 1.625, flood 0.625, heat -0.375 -> heat.
    expect(drawHazard({ ...g, rng: 2752130808 }, s).hazard).toBe('heat');
  });

  it('draws nothing from an empty deck', () => {
    const empty = makeScenario({ deckHazards: [] });
    expect(drawHazard({ ...g, rng: 1 }, empty)).toEqual({ state: { ...g, rng: 1831565814 }, hazard: '' });
  });
});

describe('mitigation', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 2);
  });
  const t1 = (state: GameState) => team(state, 'team-1');

  it('is cooperation / 400 plus the shields of the built projects the team owns', () => {
    // cooperation 40 -> 0.1.
    expect(mitigationFor(g, s, t1(g), 'fire')).toBe(0.1);
    const fb = withProjects(
      g,
      project('firebreak', ['team-1']),
      project('hedge', ['team-1'], { built: false }),
      project('hedge', ['team-2']),
    );
    // 0.1 + 0.6 = 0.7 (the unbuilt hedge and team-2's hedge do not count).
    expect(mitigationFor(fb, s, t1(fb), 'fire')).toBeCloseTo(0.7, 10);
    expect(mitigationFor(fb, s, t1(fb), 'flood')).toBe(0.1);
    expect(shieldingProjects(fb, s, 'team-1', 'fire').map((p) => p.card)).toEqual(['firebreak']);
  });

  it('is capped at 0.85', () => {
    const h = withProjects(g, project('firebreak', ['team-1']), project('hedge', ['team-1']));
    // 0.1 + 0.6 + 0.4 = 1.1 -> 0.85.
    expect(mitigationFor(h, s, t1(h), 'fire')).toBe(0.85);
  });

  it('goes negative with a trap, floored at -1', () => {
    const trap = withProjects(g, project('concrete', ['team-1']));
    // 0.1 + 0.2 - 0.5 = -0.2.
    expect(mitigationFor(trap, s, t1(trap), 'fire')).toBeCloseTo(-0.2, 10);
    const worse = withIndicators(withProjects(trap, project('sprawl', ['team-1'])), 'team-1', { cooperation: 0 });
    // 0 - 0.3 - 0.8 = -1.1 -> -1.
    expect(mitigationFor(worse, s, t1(worse), 'fire')).toBe(-1);
    const sprawl = withIndicators(withProjects(g, project('sprawl', ['team-1'])), 'team-1', { cooperation: 0 });
    expect(mitigationFor(sprawl, s, t1(sprawl), 'fire')).toBe(-0.8);
  });

  it('names only the built projects that shield the team', () => {
    const h = withProjects(
      g,
      project('concrete', ['team-1']),
      project('garden', ['team-1']),
      project('firebreak', ['team-1'], { built: false }),
      project('firebreak', ['team-2']),
      project('hedge', ['team-1', 'team-2']),
    );
    expect(shieldingProjects(h, s, 'team-1', 'fire').map((p) => p.card)).toEqual(['hedge']);
    expect(shieldingProjects(h, s, 'team-2', 'fire').map((p) => p.card)).toEqual(['firebreak', 'hedge']);
    expect(shieldingProjects(h, s, 'team-1', 'heat').map((p) => p.card)).toEqual(['garden']);
  });
});

describe('exposure', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 4);
  });
  const exposure = (state: GameState, teamId: string, hazardId: string) => exposureOf(state, s, team(state, teamId), hazardId);

  it('is 1 struck head-on, the spill-over next door, 0 further away', () => {
    // fire strikes c2; team-2 stops 0.1 (cooperation 40) -> 0.5 * 0.9 = 0.45 in c1 and c3; c4 borders no struck commune.
    expect(['team-1', 'team-2', 'team-3', 'team-4'].map((t) => exposure(g, t, 'fire'))).toEqual([0.45, 1, 0.45, 0]);
    // heat strikes everywhere; flood (c4) does not spill over.
    expect(['team-1', 'team-2', 'team-3', 'team-4'].map((t) => exposure(g, t, 'heat'))).toEqual([1, 1, 1, 1]);
    expect(['team-1', 'team-2', 'team-3', 'team-4'].map((t) => exposure(g, t, 'flood'))).toEqual([0, 0, 0, 1]);
  });

  it("is reduced by the struck neighbour's own mitigation, rounded to the hundredth", () => {
    const fb = withProjects(g, project('firebreak', ['team-2']));
    // team-2 stops 0.7 -> 0.5 * 0.3 = 0.15.
    expect(exposure(fb, 'team-1', 'fire')).toBe(0.15);
    const coop30 = withIndicators(g, 'team-2', { cooperation: 30 });
    // 0.075 -> 0.5 * 0.925 = 0.4625 -> 0.46.
    expect(exposure(coop30, 'team-1', 'fire')).toBe(0.46);
  });

  it('is not made worse by a trap next door, nor reduced by a neighbour nobody plays', () => {
    const trap = withProjects(g, project('sprawl', ['team-2']));
    // team-2: 0.1 - 0.8 = -0.7, stops max(0, -0.7) = 0 -> 0.5.
    expect(exposure(trap, 'team-1', 'fire')).toBe(0.5);
    const alone = planGame(s, 1);
    expect(exposure(alone, 'team-1', 'fire')).toBe(0.5);
  });

  it('takes the worst of several struck neighbours', () => {
    // storm strikes c2 and c4 (spill 0.4); c3 borders both.
    const a = withProjects(g, project('windbreak', ['team-2']));
    // team-2 stops 0.6 (through 0.4), team-4 stops 0.1 (through 0.9) -> 0.4 * 0.9 = 0.36.
    expect(exposure(a, 'team-3', 'storm')).toBe(0.36);
    const b = withProjects(g, project('windbreak', ['team-4']));
    expect(exposure(b, 'team-3', 'storm')).toBe(0.36);
    // c1 borders c2 only: 0.4 * 0.4 = 0.16.
    expect(exposure(a, 'team-1', 'storm')).toBe(0.16);
  });

  it('is 0 for a commune outside the territory map', () => {
    const five = planGame(s, 5);
    expect(team(five, 'team-5').commune).toBe('commune-5');
    expect(exposure(five, 'team-5', 'fire')).toBe(0);
    expect(exposure(five, 'team-5', 'ghost')).toBe(0);
    expect(exposure(five, 'team-1', 'ghost')).toBe(1);
  });
});

describe('applying a hazard', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 4);
  });

  it('strikes each commune by its exposure and mitigation, and records it', () => {
    const after = applyHazard(g, s, 'fire');
    // team-1/3: exposure 0.45, mitigation 0.1: breathe 50 - 20 * 0.7 * 0.45 * 0.9 = 50 - 5.67 -> 44 (-6);
    //   live 55 - 10 * 0.7 * 0.45 * 0.9 = 55 - 2.835 -> 52 (-3).
    // team-2: exposure 1: breathe 50 - 12.6 -> 37 (-13); live 55 - 6.3 -> 49 (-6). team-4: exposure 0.
    expect(after.teams.map((t) => [t.indicators.breathe, t.indicators.live])).toEqual([
      [44, 52],
      [37, 49],
      [44, 52],
      [50, 55],
    ]);
    expect(after.hazards).toEqual([
      {
        round: 1,
        hazard: 'fire',
        injected: false,
        effects: {
          'team-1': { impacts: { breathe: -6, live: -3 }, exposure: 0.45, mitigation: 0.1 },
          'team-2': { impacts: { breathe: -13, live: -6 }, exposure: 1, mitigation: 0.1 },
          'team-3': { impacts: { breathe: -6, live: -3 }, exposure: 0.45, mitigation: 0.1 },
          'team-4': { impacts: { breathe: 0, live: 0 }, exposure: 0, mitigation: 0.1 },
        },
      },
    ]);
    // Everything else is unchanged, and the state it came from too.
    expect(team(after, 'team-2').indicators).toEqual({ ...START, breathe: 37, live: 49 });
    expect(team(g, 'team-2').indicators).toEqual(START);
  });

  it('scales by difficulty: easy 0.5, hard 0.9', () => {
    // team-2 head-on, mitigation 0.1: breathe 50 - 20 * 0.5 * 0.9 = 41; 50 - 20 * 0.9 * 0.9 = 33.8 -> 34.
    expect(team(applyHazard({ ...g, difficulty: 'easy' }, s, 'fire'), 'team-2').indicators.breathe).toBe(41);
    expect(team(applyHazard({ ...g, difficulty: 'hard' }, s, 'fire'), 'team-2').indicators.breathe).toBe(34);
  });

  it('is worse with an aggravating trap', () => {
    const trap = withProjects(g, project('concrete', ['team-2']));
    // mitigation 0.1 - 0.3 = -0.2: breathe 50 - 20 * 0.7 * 1.2 = 33.2 -> 33 (-17); live 55 - 8.4 = 46.6 -> 47 (-8).
    const effects = applyHazard(trap, s, 'fire').hazards[0]?.effects['team-2'];
    expect(effects).toEqual({ impacts: { breathe: -17, live: -8 }, exposure: 1, mitigation: -0.2 });
  });

  it('records the mitigation rounded to the hundredth, clamps at 0, and flags an injected hazard', () => {
    let h = withIndicators(g, 'team-2', { cooperation: 30, breathe: 5 });
    h = { ...h, round: 3, hazards: [{ round: 1, hazard: 'heat', injected: false, effects: {} }] };
    const after = applyHazard(h, s, 'fire', true);
    // 30 / 400 = 0.075 -> 0.08; breathe 5 - 20 * 0.7 * 0.925 = 5 - 12.95 -> 0 (-5).
    expect(after.hazards[1]).toMatchObject({ round: 3, hazard: 'fire', injected: true });
    expect(after.hazards[1]?.effects['team-2']).toMatchObject({ impacts: { breathe: -5 }, mitigation: 0.08 });
    expect(after.hazards[0]?.hazard).toBe('heat');
  });

  it('skips impacts on indicators the scenario does not play, and zero impacts', () => {
    const few = makeScenario({ indicatorIds: ['breathe', 'eat', 'cooperation'] });
    few.hazards.fire = hazard('fire', { impacts: { breathe: -20, live: -10, eat: 0 }, zoneKinds: ['forest'], spill: 0.5 });
    const after = applyHazard(planGame(few, 2), few, 'fire');
    expect(after.hazards[0]?.effects['team-2']?.impacts).toEqual({ breathe: -13 });
    expect(team(after, 'team-2').indicators).toEqual({ ...START, breathe: 37 });
  });

  it('refuses an unknown hazard', () => {
    expect(() => applyHazard(g, s, 'ghost')).toThrow(new RangeError('unknown hazard ghost'));
  });
});

describe('collapse', () => {
  let g: GameState;
  let t: TeamState;
  beforeEach(() => {
    g = planGame(s, 1);
    t = team(g, 'team-1');
  });

  it('is an essential need at or below the threshold (15)', () => {
    expect(isCollapsed(t, s)).toBe(false);
    expect(isCollapsed({ ...t, indicators: { ...START, drink: 15 } }, s)).toBe(true);
    expect(isCollapsed({ ...t, indicators: { ...START, live: 3 } }, s)).toBe(true);
    expect(isCollapsed({ ...t, indicators: { ...START, drink: 16 } }, s)).toBe(false);
    expect(isCollapsed({ ...t, indicators: { ...START, jobs: 5, cohesion: 0 } }, s)).toBe(false);
    const noDrink = makeScenario({ indicatorIds: ['breathe', 'eat', 'move', 'live'] });
    expect(isCollapsed({ ...t, indicators: { ...START, drink: 5 } }, noDrink)).toBe(false);
  });
});

describe('closing a round', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 2);
  });

  it('applies the pressures, pays the income, resets the moves and the envelopes, rotates the order', () => {
    let h = withTeam(g, 'team-1', { moves: 2, acted: true, leverUsed: { contract: 10 }, budget: 100 });
    h = { ...h, envelope: { contract: 1, call: 2, eng: 0, clause: 0, pool: 3 }, engineeringDays: 0 };
    const after = closeRound(h, s);
    // cohesion 50 - 2 = 48, eat 45 - 1 = 44; income 50.
    const post = { ...START, cohesion: 48, eat: 44 };
    expect(after.teams).toEqual([
      {
        ...team(h, 'team-1'),
        budget: 150,
        received: 250,
        indicators: post,
        moves: 0,
        acted: false,
        leverUsed: {},
        collapsed: false,
        trajectory: [START, post],
      },
      { ...team(h, 'team-2'), budget: 250, received: 250, indicators: post, trajectory: [START, post] },
    ]);
    expect(after.round).toBe(2);
    expect(after.order).toEqual(['team-2', 'team-1']);
    expect(after.envelope).toEqual({ contract: 90, call: 60, eng: 0, clause: 0, pool: 38 });
    expect(after.engineeringDays).toBe(5);
    expect(after.phase).toBe('plan');
  });

  it('adds 0.6 k€ per jobs point above 50, nothing below', () => {
    let h = withIndicators(g, 'team-1', { jobs: 60 });
    h = withIndicators(h, 'team-2', { jobs: 40 });
    const after = closeRound(h, s);
    // (60 - 50) * 0.6 = 6 -> 56; jobs 40 -> 50.
    expect(after.teams.map((t) => t.budget)).toEqual([256, 250]);
  });

  it('pays half the income in collapse (rounded), and lets a commune recover', () => {
    let h = withTeam(g, 'team-1', { collapsed: true });
    h = withIndicators(h, 'team-1', { jobs: 55 });
    const after = closeRound(h, s);
    // (50 + (55 - 50) * 0.6 = 53) * 0.5 = 26.5 -> 27; every need is above 15 again: recovered.
    expect(team(after, 'team-1')).toMatchObject({ budget: 227, received: 227, collapsed: false });
  });

  it('puts a commune in collapse once the pressures bring a need to 15', () => {
    let h = withIndicators(g, 'team-1', { eat: 16 });
    h = withIndicators(h, 'team-2', { drink: 16 });
    const after = closeRound(h, s);
    // eat 16 - 1 = 15: collapse; drink 16 has no pressure: fine. Income is full this round.
    expect(after.teams.map((t) => [t.collapsed, t.budget])).toEqual([
      [true, 250],
      [false, 250],
    ]);
  });

  it('rewards a built pooled project each round: cooperation +2, cohesion +1', () => {
    const h = withProjects(
      g,
      project('garden', ['team-1', 'team-2'], { pooled: true }),
      project('wells', ['team-2', 'team-1'], { pooled: true, built: false }),
    );
    const after = closeRound(withIndicators(h, 'team-2', { cooperation: 80 }), s);
    // cohesion 50 - 2 + 1 = 49; cooperation 40 + 2 = 42; at 80: 2 * 20 / 40 = 1 -> 81.
    expect(after.teams.map((t) => [t.indicators.cohesion, t.indicators.cooperation])).toEqual([
      [49, 42],
      [49, 81],
    ]);
    const solo = withProjects(g, project('garden', ['team-1'], { pooled: false }));
    expect(team(closeRound(solo, s), 'team-1').indicators.cooperation).toBe(40);
  });

  it('rewards an ecosystem of 3 SSE actor types: cohesion +1, jobs +1 (which feeds the income)', () => {
    const two = withProjects(g, project('garden', ['team-1']), project('hall', ['team-1']), project('wells', ['team-1']));
    expect(team(closeRound(two, s), 'team-1').indicators).toMatchObject({ cohesion: 48, jobs: 50 });
    const three = withProjects(two, project('shop', ['team-1']));
    const after = closeRound(three, s);
    // cohesion 50 - 2 + 1 = 49; jobs 51 -> income 50 + 0.6 = 50.6 -> 51.
    expect(team(after, 'team-1')).toMatchObject({ budget: 251, indicators: { ...START, eat: 44, cohesion: 49, jobs: 51 } });
    expect(team(after, 'team-2').indicators).toMatchObject({ cohesion: 48, jobs: 50 });
  });

  it('scales the income by difficulty: easy 60, hard 42.5 -> 43', () => {
    expect(team(closeRound({ ...g, difficulty: 'easy' }, s), 'team-1').budget).toBe(260);
    expect(team(closeRound({ ...g, difficulty: 'hard' }, s), 'team-1').budget).toBe(243);
  });

  it('keeps the trajectory of every round', () => {
    const once = closeRound(g, s);
    const twice = closeRound(once, s);
    expect(team(twice, 'team-1').trajectory).toEqual([
      START,
      { ...START, cohesion: 48, eat: 44 },
      { ...START, cohesion: 46, eat: 43 },
    ]);
    expect(twice.round).toBe(3);
    expect(twice.order).toEqual(['team-1', 'team-2']);
  });
});

describe('turn order', () => {
  let teams: TeamState[];
  beforeEach(() => {
    teams = planGame(s, 3).teams;
  });

  it('rotates by one team a round', () => {
    expect(turnOrder(teams, 1)).toEqual(['team-1', 'team-2', 'team-3']);
    expect(turnOrder(teams, 2)).toEqual(['team-2', 'team-3', 'team-1']);
    expect(turnOrder(teams, 3)).toEqual(['team-3', 'team-1', 'team-2']);
    expect(turnOrder(teams, 4)).toEqual(['team-1', 'team-2', 'team-3']);
    expect(turnOrder(teams.slice(0, 1), 2)).toEqual(['team-1']);
    expect(turnOrder([], 3)).toEqual([]);
  });
});
