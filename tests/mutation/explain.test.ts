/** explain.ts: what each weak need cost, rounds played, a project's nominal effects, the shocks it spared, the decisions ranked, the trajectory. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  decisionImpacts,
  endedEarly,
  explainTarget,
  projectEffects,
  resilienceTrajectory,
  roundsPlayed,
} from '../../src/engine/explain.ts';
import type { GameState, HazardRecord, Scenario } from '../../src/engine/types.ts';
import { allAt, card, makeScenario, planGame, project, START, team, withIndicators, withProjects, withTeam } from './fixture.ts';

/**
 * A fresh scenario in each test (the engine caches per scenario object), with
 * three extra cards: feud (cohesion -1, jobs 0), hollow (eat undefined, live +2)
 * and rod, a shield (50 %) against meteor, a hazard the scenario does not hold.
 */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
  s.cards.feud = card('feud', { effects: { cohesion: -1, jobs: 0 } });
  s.cards.hollow = card('hollow', { effects: { eat: undefined, live: 2 } });
  s.cards.rod = card('rod', { mitigates: [{ hazard: 'meteor', share: 0.5 }] });
});

/** A shock as the game records it: only the exposure of each team named matters here. */
const struck = (round: number, hazard: string, exposure: Record<string, number>): HazardRecord => ({
  round,
  hazard,
  injected: false,
  effects: Object.fromEntries(Object.entries(exposure).map(([t, e]) => [t, { impacts: {}, exposure: e, mitigation: 0 }])),
});

describe('explainTarget', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 2);
  });

  it('ranks the needs below the target by the points raising each alone to 45 would add, and lists collapsed needs', () => {
    const h = withIndicators(g, 'team-1', {
      breathe: 60,
      drink: 15,
      eat: 60,
      move: 60,
      live: 10,
      cohesion: 30,
      jobs: 41,
      cooperation: 61,
    });
    // Sum 337, mean 42.125, min 10: 25.275 + 4 = 29.275 -> 29.
    // drink -> 45: sum 367, mean 45.875, min 10: 27.525 + 4 = 31.525 -> 32, +3.
    // live -> 45: sum 372, mean 46.5, min 15: 27.9 + 6 = 33.9 -> 34, +5.
    // cohesion -> 45: sum 352, mean 44, min 10: 26.4 + 4 = 30.4 -> 30, +1.
    // jobs -> 45: sum 341, mean 42.625, min 10: 25.575 + 4 = 29.575 -> 30, +1 (a tie: the lower value first).
    // drink 15 is at the collapse threshold, live 10 below it; cohesion 30 is no essential need.
    expect(explainTarget(team(h, 'team-1'), s)).toEqual({
      overall: 29,
      target: 45,
      reached: false,
      collapsedNeeds: ['drink', 'live'],
      costs: [
        { indicator: 'live', value: 10, points: 5 },
        { indicator: 'drink', value: 15, points: 3 },
        { indicator: 'cohesion', value: 30, points: 1 },
        { indicator: 'jobs', value: 41, points: 1 },
      ],
    });
  });

  it('reaches the target at exactly 45, leaves out a need that costs no point and puts the lower of two equal costs first', () => {
    const h = withIndicators(g, 'team-1', {
      breathe: 33,
      drink: 45,
      eat: 32,
      move: 69,
      live: 69,
      cohesion: 69,
      jobs: 39,
      cooperation: 69,
    });
    // Sum 425, mean 53.125, min 32: 31.875 + 12.8 = 44.675 -> 45.
    // breathe -> 45: sum 437, mean 54.625, min 32: 32.775 + 12.8 = 45.575 -> 46, +1.
    // eat -> 45: sum 438, mean 54.75, min 33: 32.85 + 13.2 = 46.05 -> 46, +1.
    // jobs -> 45: sum 431, mean 53.875, min 32: 32.325 + 12.8 = 45.125 -> 45, +0 (left out).
    // drink is at the target: no cost.
    expect(explainTarget(team(h, 'team-1'), s)).toEqual({
      overall: 45,
      target: 45,
      reached: true,
      collapsedNeeds: [],
      costs: [
        { indicator: 'eat', value: 32, points: 1 },
        { indicator: 'breathe', value: 33, points: 1 },
      ],
    });
  });

  it('misses the target with an essential need collapsed, whatever the overall score', () => {
    const h = withIndicators(g, 'team-1', { ...allAt(84), move: 15, cohesion: 15 });
    // Sum 6 x 84 + 30 = 534, mean 66.75, min 15: 40.05 + 6 = 46.05 -> 46 (above 45).
    // move or cohesion -> 45: sum 564, mean 70.5, min 15: 42.3 + 6 = 48.3 -> 48, +2 each (same value: the scenario's order).
    expect(explainTarget(team(h, 'team-1'), s)).toEqual({
      overall: 46,
      target: 45,
      reached: false,
      collapsedNeeds: ['move'],
      costs: [
        { indicator: 'move', value: 15, points: 2 },
        { indicator: 'cohesion', value: 15, points: 2 },
      ],
    });
  });

  it('misses the target below 45 with no need collapsed', () => {
    const h = withIndicators(g, 'team-1', { ...allAt(60), drink: 30, eat: 40 });
    // Sum 430, mean 53.75, min 30: 32.25 + 12 = 44.25 -> 44.
    // drink -> 45: sum 445, mean 55.625, min 40: 33.375 + 16 = 49.375 -> 49, +5.
    // eat -> 45: sum 435, mean 54.375, min 30: 32.625 + 12 = 44.625 -> 45, +1.
    expect(explainTarget(team(h, 'team-1'), s)).toEqual({
      overall: 44,
      target: 45,
      reached: false,
      collapsedNeeds: [],
      costs: [
        { indicator: 'drink', value: 30, points: 5 },
        { indicator: 'eat', value: 40, points: 1 },
      ],
    });
  });

  it('reads only the needs the scenario plays, and a need just above the threshold is not collapsed', () => {
    const noDrink = makeScenario({ indicatorIds: ['breathe', 'eat', 'move', 'live', 'cohesion', 'jobs', 'cooperation'] });
    const h = withIndicators(planGame(noDrink, 1), 'team-1', { ...allAt(50), breathe: 16, drink: 5 });
    // Seven needs: sum 316, mean 45.142..., min 16: 27.086 + 6.4 = 33.49 -> 33.
    // breathe -> 45: sum 345, mean 49.286, min 45: 29.571 + 18 = 47.57 -> 48, +15. drink 5 is not played.
    expect(explainTarget(team(h, 'team-1'), noDrink)).toEqual({
      overall: 33,
      target: 45,
      reached: false,
      collapsedNeeds: [],
      costs: [{ indicator: 'breathe', value: 16, points: 15 }],
    });
  });
});

describe('rounds played', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 2);
  });

  const played = (state: GameState, id: string, rounds: number) =>
    withTeam(state, id, { trajectory: Array.from({ length: rounds + 1 }, () => ({ ...START })) });

  it('counts none before the first round ends: the game ended early', () => {
    expect(roundsPlayed(g)).toBe(0);
    expect(endedEarly(g)).toBe(true);
  });

  it('counts the longest trajectory less its start point', () => {
    const h = played(played(g, 'team-1', 3), 'team-2', 2);
    expect(roundsPlayed(h)).toBe(3);
    expect(endedEarly(h)).toBe(true);
    expect(roundsPlayed(played(played(g, 'team-1', 1), 'team-2', 4))).toBe(4);
  });

  it('a game played to its 5 rounds did not end early, and never counts more than its rounds', () => {
    const full = played(played(g, 'team-1', 5), 'team-2', 5);
    expect(roundsPlayed(full)).toBe(5);
    expect(endedEarly(full)).toBe(false);
    const over = played(g, 'team-1', 7);
    expect(roundsPlayed(over)).toBe(5);
    expect(endedEarly(over)).toBe(false);
  });

  it('counts none for a game without teams', () => {
    expect(roundsPlayed({ ...g, teams: [] })).toBe(0);
  });
});

describe('projectEffects', () => {
  it("adds up the card's effects, each lever's bonus and the pooled bonus (cooperation +2, cohesion +1)", () => {
    expect(projectEffects(project('hall', ['team-1']), s)).toEqual({ cohesion: 5, jobs: 2 });
    // shop jobs +3, eat +2; the integration clause jobs +4: jobs 7.
    expect(projectEffects(project('shop', ['team-1'], { levers: ['clause'] }), s)).toEqual({ jobs: 7, eat: 2 });
    // A lever without a bonus adds nothing.
    expect(projectEffects(project('shop', ['team-1'], { levers: ['contract'] }), s)).toEqual({ jobs: 3, eat: 2 });
    // coalition cooperation +6, pooled +2: 8; cohesion +1.
    expect(projectEffects(project('coalition', ['team-1', 'team-2'], { pooled: true }), s)).toEqual({
      cooperation: 8,
      cohesion: 1,
    });
    // garden eat +8, cohesion +3; pooled: cohesion 4, cooperation 2.
    expect(projectEffects(project('garden', ['team-1', 'team-2'], { pooled: true }), s)).toEqual({
      eat: 8,
      cohesion: 4,
      cooperation: 2,
    });
  });

  it('drops a need whose parts cancel out, a nil or missing effect, and a need the scenario does not play', () => {
    // feud cohesion -1 and the pooled cohesion +1 cancel; its jobs 0 is nothing.
    expect(projectEffects(project('feud', ['team-1', 'team-2'], { pooled: true }), s)).toEqual({ cooperation: 2 });
    expect(projectEffects(project('hollow', ['team-1']), s)).toEqual({ live: 2 });
    const noJobs = makeScenario({ indicatorIds: ['breathe', 'drink', 'eat', 'move', 'live', 'cohesion', 'cooperation'] });
    expect(projectEffects(project('hall', ['team-1']), noJobs)).toEqual({ cohesion: 5 });
  });

  it('gives nothing for a card the scenario does not hold', () => {
    expect(projectEffects(project('ghost', ['team-1']), s)).toEqual({});
  });
});

describe('decisionImpacts', () => {
  let g: GameState;
  beforeEach(() => {
    g = {
      ...planGame(s, 2),
      hazards: [
        struck(1, 'fire', { 'team-1': 1, 'team-2': 0.5 }),
        struck(2, 'fire', { 'team-1': 1 }),
        struck(3, 'fire', { 'team-1': 0.5 }),
        struck(4, 'heat', { 'team-1': 1, 'team-2': 1 }),
        struck(5, 'fire', { 'team-2': 1 }),
      ],
    };
  });

  const summary = (state: GameState, scenario: Scenario, id: string) =>
    decisionImpacts(state, scenario, id).map((d) => [d.project.card, d.effects, d.spared, d.total]);

  it("ranks a team's built projects by effects plus shocks spared, the earliest built first on a tie", () => {
    const h = withProjects(
      g,
      project('sprawl', ['team-1'], { readyRound: 3 }),
      project('coalition', ['team-1', 'team-2'], { readyRound: 3, pooled: true }),
      project('hall', ['team-1'], { readyRound: 1 }),
      project('garden', ['team-1'], { readyRound: 2, built: false }),
      project('firebreak', ['team-1'], { readyRound: 2 }),
      project('shop', ['team-1'], { readyRound: 2, levers: ['clause'] }),
      project('wells', ['team-2'], { readyRound: 1 }),
    );
    // Normal difficulty: impacts x 0.7. Fire hits breathe 20 + live 10 = 30.
    // firebreak (fire -60 %), built round 2: round 2 30 x 0.7 x 1 x 0.6 = 12.6, round 3 x 0.5 = 6.3,
    // round 1 came before it, round 5 did not reach team-1: 18.9 -> 19; breathe +4: 23.
    // shop + clause: jobs 7, eat 2: 9 (built round 2). coalition pooled: cooperation 8, cohesion 1: 9 (round 3).
    // hall: cohesion 5, jobs 2: 7. sprawl (fire +80 %), built round 3: 30 x 0.7 x 0.5 x -0.8 = -8.4 -> -8; live +3: -5.
    expect(summary(h, s, 'team-1')).toEqual([
      ['firebreak', { breathe: 4 }, 19, 23],
      ['shop', { jobs: 7, eat: 2 }, 0, 9],
      ['coalition', { cooperation: 8, cohesion: 1 }, 0, 9],
      ['hall', { cohesion: 5, jobs: 2 }, 0, 7],
      ['sprawl', { live: 3 }, -8, -5],
    ]);
    // wells (heat -50 %), built round 1: heat drink 10 + eat 4 = 14, round 4: 14 x 0.7 x 1 x 0.5 = 4.9 -> 5; drink +10: 15.
    expect(summary(h, s, 'team-2')).toEqual([
      ['wells', { drink: 10 }, 5, 15],
      ['coalition', { cooperation: 8, cohesion: 1 }, 0, 9],
    ]);
    expect(decisionImpacts(h, s, 'team-9')).toEqual([]);
  });

  it('counts a shock from the ready round on, weighted by the difficulty', () => {
    const h = withProjects({ ...g, difficulty: 'easy' }, project('sprawl', ['team-1'], { readyRound: 3 }));
    // Easy: x 0.5. sprawl (fire +80 %) from round 3 only: 30 x 0.5 x 0.5 x -0.8 = -6; live +3: -3.
    expect(summary(h, s, 'team-1')).toEqual([['sprawl', { live: 3 }, -6, -3]]);
    const late = withProjects({ ...g, difficulty: 'hard' }, project('firebreak', ['team-1'], { readyRound: 4 }));
    // Rounds 4 (heat, no fire shield) and 5 (team-1 not reached) spare nothing.
    expect(summary(late, s, 'team-1')).toEqual([['firebreak', { breathe: 4 }, 0, 4]]);
    const hard = withProjects({ ...g, difficulty: 'hard' }, project('firebreak', ['team-1'], { readyRound: 2 }));
    // Hard: x 0.9. Rounds 2 and 3: 30 x 0.9 x 0.6 x (1 + 0.5) = 24.3 -> 24; breathe +4: 28.
    expect(summary(hard, s, 'team-1')).toEqual([['firebreak', { breathe: 4 }, 24, 28]]);
  });

  it('spares only the needs the scenario plays, and nothing from a hazard the scenario does not hold', () => {
    const noLive = makeScenario({ indicatorIds: ['breathe', 'drink', 'eat', 'move', 'cohesion', 'jobs', 'cooperation'] });
    const h = withProjects(g, project('firebreak', ['team-1'], { readyRound: 2 }));
    // breathe 20 only: 20 x 0.7 x 0.6 x (1 + 0.5) = 12.6 -> 13; breathe +4: 17.
    expect(summary(h, noLive, 'team-1')).toEqual([['firebreak', { breathe: 4 }, 13, 17]]);
    const meteor = withProjects(
      { ...g, hazards: [struck(2, 'meteor', { 'team-1': 1 })] },
      project('rod', ['team-1'], { readyRound: 1 }),
    );
    expect(summary(meteor, s, 'team-1')).toEqual([['rod', {}, 0, 0]]);
  });
});

describe('resilienceTrajectory', () => {
  it('scores the start and each round', () => {
    const g = planGame(s, 1);
    const h = withTeam(g, 'team-1', {
      trajectory: [{ ...START }, { ...allAt(60), drink: 30, eat: 40 }, { ...allAt(84), move: 15, cohesion: 15 }],
    });
    // START: sum 380, mean 47.5, min 40: 28.5 + 16 = 44.5 -> 45; then 44 and 46 (worked out above).
    expect(resilienceTrajectory(team(h, 'team-1'), s)).toEqual([45, 44, 46]);
    expect(resilienceTrajectory(team(g, 'team-1'), s)).toEqual([45]);
  });
});
