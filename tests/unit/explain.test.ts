import { describe, expect, it } from 'vitest';
import {
  createGame,
  decisionImpacts,
  endedEarly,
  explainTarget,
  lessonsInOrder,
  projectEffects,
  resilienceTrajectory,
  roundsPlayed,
} from '../../src/engine/index.ts';
import type { DebriefEntry, GameState, HazardRecord, Indicators, Project, Scenario, TeamState } from '../../src/engine/types.ts';
import { scenario } from './helpers.ts';

// Peri-urban brownfield: target 51, collapse at 10; needs breathe, drink, eat, move, live, cohesion, jobs, cooperation.
const s = scenario('periurban-brownfield');
const END: Indicators = { breathe: 60, drink: 31, eat: 55, move: 50, live: 60, cohesion: 70, jobs: 40, cooperation: 60 };
const teamWith = (indicators: Indicators): TeamState =>
  ({ ...createGame(s, { seed: 1, teams: ['A'] }).teams[0], indicators }) as TeamState;

describe('why a commune reached or missed its target', () => {
  it('prices each need below the target by what raising it alone to the target would have added', () => {
    // Sum 426, mean 53.25, weakest 31: 0.6 x 53.25 + 0.4 x 31 = 44.35 -> 44.
    // Drink at 51: mean 55.75, weakest 40 (jobs): 33.45 + 16 = 49.45 -> 49, so drink cost 5 points.
    // Jobs at 51: mean 54.625, weakest 31: 32.775 + 12.4 = 45.175 -> 45, 1 point. Move at 51: 44.425 -> 44, nothing.
    expect(explainTarget(teamWith(END), s)).toEqual({
      overall: 44,
      target: 51,
      reached: false,
      collapsedNeeds: [],
      costs: [
        { indicator: 'drink', value: 31, points: 5 },
        { indicator: 'jobs', value: 40, points: 1 },
      ],
    });
  });

  it('a commune in collapse misses whatever its score, and says which need collapsed', () => {
    const high = { ...END, drink: 10, jobs: 90, cohesion: 95, cooperation: 95, live: 90 };
    // Sum 545, mean 68.125, weakest 10: 40.875 + 4 = 44.875 -> 45.
    const why = explainTarget(teamWith(high), s);
    expect([why.overall, why.reached, why.collapsedNeeds]).toEqual([45, false, ['drink']]);
    const fine = explainTarget(teamWith({ ...END, drink: 55, jobs: 55, move: 55 }), s);
    // Sum 470, mean 58.75, weakest 55: 35.25 + 22 = 57.25 -> 57, no need below 51.
    expect(fine).toEqual({ overall: 57, target: 51, reached: true, collapsedNeeds: [], costs: [] });
  });
});

const project = (over: Partial<Project>): Project => ({
  id: 'p1',
  card: 'community-garden',
  engineeringDays: 0,
  owners: ['team-1'],
  levers: [],
  startedRound: 1,
  readyRound: 2,
  built: true,
  pooled: false,
  cost: 20,
  paid: { 'team-1': 20 },
  leverPaid: {},
  ...over,
});

describe('the decisions that mattered', () => {
  it('a project adds its card, its levers’ bonuses and, pooled, the bonus of building together', () => {
    // Community garden: eat 4, cohesion 5, breathe 2; integration clause: jobs 4, cohesion 1; pooled: cooperation 2, cohesion 1.
    expect(projectEffects(project({ levers: ['integration-clause'] }), s)).toEqual({ eat: 4, cohesion: 6, breathe: 2, jobs: 4 });
    expect(projectEffects(project({ owners: ['team-1', 'team-2'], pooled: true }), s)).toEqual({
      eat: 4,
      cohesion: 6,
      breathe: 2,
      cooperation: 2,
    });
  });

  it('weighs what a project added and the shocks it spared once built, the weightiest first', () => {
    const game = createGame(s, { seed: 1, teams: ['A', 'B'] });
    const record = (round: number, hazard: string, exposure: number): HazardRecord => ({
      round,
      hazard,
      injected: false,
      effects: { 'team-1': { impacts: {}, exposure, mitigation: 0 } },
    });
    const garden = project({ levers: ['integration-clause'] });
    const unbuilt = project({ id: 'p2', card: 'repair-cafe', built: false });
    const state: GameState = {
      ...game,
      projects: [garden, unbuilt],
      // Round 1 came before the garden was built; the heatwave of round 3 struck head-on, the drought of round 4 at half strength.
      hazards: [record(1, 'heatwave', 1), record(3, 'heatwave', 1), record(4, 'drought', 0.5)],
    };
    // The garden shields 10 % of a heatwave (breathe 9, live 6, cohesion 4: 19 points) and of a drought (drink 13, eat 9, jobs 3: 25).
    // Normal difficulty strikes at 0.7: 19 x 0.7 x 1 x 0.1 = 1.33, 25 x 0.7 x 0.5 x 0.1 = 0.875; 2.205 -> 2 spared. Added: 16.
    expect(decisionImpacts(state, s, 'team-1')).toEqual([
      { project: garden, effects: { eat: 4, cohesion: 6, breathe: 2, jobs: 4 }, spared: 2, total: 18 },
    ]);
    expect(decisionImpacts(state, s, 'team-2')).toEqual([]);
  });
});

describe('how far the game went', () => {
  it('a game stopped before its last round says so', () => {
    const game = createGame(s, { seed: 1, teams: ['A', 'B'], rounds: 5 });
    const playedFor = (rounds: number): GameState => ({
      ...game,
      teams: game.teams.map((t) => ({ ...t, trajectory: Array.from({ length: rounds + 1 }, () => END) })),
    });
    expect([roundsPlayed(playedFor(2)), endedEarly(playedFor(2))]).toEqual([2, true]);
    expect([roundsPlayed(playedFor(5)), endedEarly(playedFor(5))]).toEqual([5, false]);
    expect(resilienceTrajectory(playedFor(1).teams[0] as TeamState, s)).toEqual([44, 44]);
  });
});

describe('the lessons in the order a team should read them', () => {
  const entry = (id: string, when: DebriefEntry['when']): DebriefEntry => ({
    id,
    when,
    text: { fr: id, en: id },
    guide: 'experiment',
  });
  const withLessons: Scenario = {
    ...s,
    debrief: [
      entry('always', { type: 'always' }),
      entry('jobs-low', { type: 'indicator-below', indicator: 'jobs', value: 50 }),
      entry('drink-low', { type: 'indicator-below', indicator: 'drink', value: 50 }),
      entry('heat', { type: 'hazard-struck', hazard: 'heatwave' }),
      entry('alone', { type: 'no-pooled-project' }),
      entry('cohesion-high', { type: 'indicator-above', indicator: 'cohesion', value: 60 }),
    ],
  };
  const state = (indicators: Indicators): GameState => {
    const game = createGame(s, { seed: 1, teams: ['A'] });
    const struck: HazardRecord = { round: 1, hazard: 'heatwave', injected: false, effects: {} };
    return { ...game, teams: [{ ...(game.teams[0] as TeamState), indicators }], hazards: [struck] };
  };

  it('a team that missed reads first about the needs that cost it most, then its shocks, then what it did not do', () => {
    // END: drink (31) cost 5 points, jobs (40) 1 point.
    expect(lessonsInOrder(state(END), withLessons, 'team-1').map((l) => l.id)).toEqual([
      'drink-low',
      'jobs-low',
      'heat',
      'alone',
      'always',
      'cohesion-high',
    ]);
  });

  it('a team that reached its target reads first about what went well', () => {
    const good = { ...END, drink: 55, jobs: 55, move: 55 };
    expect(lessonsInOrder(state(good), withLessons, 'team-1').map((l) => l.id)).toEqual([
      'cohesion-high',
      'heat',
      'always',
      'alone',
    ]);
  });
});
