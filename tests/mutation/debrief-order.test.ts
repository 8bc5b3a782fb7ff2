/** debrief.ts: the order a team reads its lessons in, by whether it reached its target and what cost it most. */
import { beforeEach, describe, expect, it } from 'vitest';
import { lessonsInOrder } from '../../src/engine/debrief.ts';
import type { DebriefEntry, GameState, Indicators, Scenario } from '../../src/engine/types.ts';
import { allAt, makeScenario, planGame, project, withIndicators, withProjects } from './fixture.ts';

const lesson = (id: string, when: DebriefEntry['when']): DebriefEntry => ({ id, when, text: { fr: id, en: id }, guide: 'guide' });
const below = (id: string, indicator: keyof Indicators): DebriefEntry =>
  lesson(id, { type: 'indicator-below', indicator, value: 100 });

/** Lessons in a scrambled order; every indicator-below one (below 100) and indicator-above one (above 0) applies. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario({
    debrief: [
      lesson('always-1', { type: 'always' }),
      lesson('built-hall', { type: 'card-built', card: 'hall' }),
      below('low-cohesion', 'cohesion'),
      lesson('alone', { type: 'no-pooled-project' }),
      lesson('fire', { type: 'hazard-struck', hazard: 'fire' }),
      below('low-live', 'live'),
      lesson('high-breathe', { type: 'indicator-above', indicator: 'breathe', value: 0 }),
      below('low-breathe', 'breathe'),
      below('low-drink', 'drink'),
      lesson('flood', { type: 'hazard-struck', hazard: 'flood' }),
      lesson('always-2', { type: 'always' }),
      below('low-jobs', 'jobs'),
      lesson('pooled', { type: 'pooled-project' }),
      below('low-eat', 'eat'),
    ],
  });
});

const order = (state: GameState, team: string) => lessonsInOrder(state, s, team).map((d) => d.id);

describe('lessons in order', () => {
  /**
   * Fire and flood struck. team-1 missed its target with needs collapsed and
   * built the hall alone; team-2 reached it, built the hall and pooled the
   * coalition with team-3; team-3 missed it with no need collapsed.
   */
  let g: GameState;
  beforeEach(() => {
    let h: GameState = {
      ...planGame(s, 3),
      hazards: [
        { round: 1, hazard: 'fire', injected: false, effects: {} },
        { round: 2, hazard: 'flood', injected: false, effects: {} },
      ],
    };
    h = withIndicators(h, 'team-1', {
      breathe: 60,
      drink: 15,
      eat: 60,
      move: 60,
      live: 10,
      cohesion: 30,
      jobs: 41,
      cooperation: 61,
    });
    h = withIndicators(h, 'team-2', allAt(60));
    h = withIndicators(h, 'team-3', { ...allAt(60), drink: 30, eat: 40 });
    g = withProjects(
      h,
      project('hall', ['team-1']),
      project('hall', ['team-2']),
      project('coalition', ['team-2', 'team-3'], { pooled: true }),
    );
  });

  it('a team that missed its target reads its collapsed needs, its costliest needs, other needs, shocks, the lone-player lesson, the general ones, then the rest', () => {
    // team-1: sum 337, mean 42.125, min 10: 25.275 + 4 = 29 < 45. Collapsed (<= 15, in the needs' order): drink, live.
    // Costs: live +5 (to 45: mean 46.5, min 15: 33.9 -> 34), drink +3 (mean 45.875: 31.525 -> 32),
    // cohesion +1 (mean 44: 30.4 -> 30), jobs +1 (mean 42.625: 29.575 -> 30; cohesion's lower value first).
    // Ranks: drink 0, live 1 (collapsed first), then 2 + the cost's place: cohesion 2 + 2 = 4, jobs 2 + 3 = 5;
    // breathe and eat cost nothing: 100. Shocks 200, alone 300, always 400, built and above 500.
    expect(order(g, 'team-1')).toEqual([
      'low-drink',
      'low-live',
      'low-cohesion',
      'low-jobs',
      'low-breathe',
      'low-eat',
      'fire',
      'flood',
      'alone',
      'always-1',
      'always-2',
      'built-hall',
      'high-breathe',
    ]);
  });

  it('with no need collapsed, the costliest need comes first; a pooled lesson comes last', () => {
    // team-3: sum 430, mean 53.75, min 30: 32.25 + 12 = 44.25 -> 44 < 45.
    // Costs: drink +5 (to 45: mean 55.625, min 40: 49.375 -> 49), eat +1 (mean 54.375, min 30: 44.625 -> 45).
    // Ranks: drink 0, eat 1, the other needs 100; it did not build the hall; pooled 500 with high-breathe.
    expect(order(g, 'team-3')).toEqual([
      'low-drink',
      'low-eat',
      'low-cohesion',
      'low-live',
      'low-breathe',
      'low-jobs',
      'fire',
      'flood',
      'always-1',
      'always-2',
      'high-breathe',
      'pooled',
    ]);
  });

  it('a team that reached its target reads what it built, what it pooled, a need above, the shocks, the general ones, then the rest', () => {
    // team-2: all 60 -> 60 >= 45, nothing collapsed.
    expect(order(g, 'team-2')).toEqual([
      'built-hall',
      'pooled',
      'high-breathe',
      'fire',
      'flood',
      'always-1',
      'always-2',
      'low-cohesion',
      'low-live',
      'low-breathe',
      'low-drink',
      'low-jobs',
      'low-eat',
    ]);
  });

  it('a team that reached its target and pooled nothing reads the lone-player lesson with the rest, in the scenario order', () => {
    const h = withIndicators(g, 'team-1', allAt(60));
    expect(order(h, 'team-1')).toEqual([
      'built-hall',
      'high-breathe',
      'fire',
      'flood',
      'always-1',
      'always-2',
      'low-cohesion',
      'alone',
      'low-live',
      'low-breathe',
      'low-drink',
      'low-jobs',
      'low-eat',
    ]);
  });

  it('says nothing to an unknown team', () => {
    expect(lessonsInOrder(g, s, 'team-9')).toEqual([]);
  });
});
