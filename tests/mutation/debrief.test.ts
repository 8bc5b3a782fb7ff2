/** debrief.ts: the lessons a team's game calls for. */
import { beforeEach, describe, expect, it } from 'vitest';
import { debriefFor } from '../../src/engine/debrief.ts';
import type { DebriefEntry, GameState, Scenario } from '../../src/engine/types.ts';
import { makeScenario, planGame, project, withIndicators, withProjects } from './fixture.ts';

const lesson = (id: string, when: DebriefEntry['when']): DebriefEntry => ({ id, when, text: { fr: id, en: id }, guide: 'guide' });

let s: Scenario;
beforeEach(() => {
  s = makeScenario({
    debrief: [
      lesson('always', { type: 'always' }),
      lesson('low-eat', { type: 'indicator-below', indicator: 'eat', value: 45 }),
      lesson('high-cohesion', { type: 'indicator-above', indicator: 'cohesion', value: 50 }),
      lesson('fire', { type: 'hazard-struck', hazard: 'fire' }),
      lesson('garden', { type: 'card-built', card: 'garden' }),
      lesson('pooled', { type: 'pooled-project' }),
      lesson('alone', { type: 'no-pooled-project' }),
      lesson('odd', { type: 'moon-phase' } as unknown as DebriefEntry['when']),
    ],
  });
});

const ids = (state: GameState, team: string) => debriefFor(state, s, team).map((d) => d.id);

describe('debrief', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 2);
  });

  it('always says the general lesson, and the lone-player one to a team that pooled nothing', () => {
    // START: eat 45 is not below 45, cohesion 50 is not above 50.
    expect(ids(g, 'team-1')).toEqual(['always', 'alone']);
  });

  it('reads the indicators strictly below or above the value', () => {
    let h = withIndicators(g, 'team-1', { eat: 44, cohesion: 51 });
    h = withIndicators(h, 'team-2', { eat: 46, cohesion: 49 });
    expect(ids(h, 'team-1')).toEqual(['always', 'low-eat', 'high-cohesion', 'alone']);
    expect(ids(h, 'team-2')).toEqual(['always', 'alone']);
  });

  it('names a hazard that struck the game and a card the team built', () => {
    const struck: GameState = {
      ...g,
      hazards: [
        { round: 1, hazard: 'heat', injected: false, effects: {} },
        { round: 2, hazard: 'fire', injected: true, effects: {} },
      ],
    };
    expect(ids(struck, 'team-2')).toEqual(['always', 'fire', 'alone']);
    const heat: GameState = { ...g, hazards: [{ round: 1, hazard: 'heat', injected: false, effects: {} }] };
    expect(ids(heat, 'team-2')).toEqual(['always', 'alone']);
    const built = withProjects(g, project('garden', ['team-1']), project('garden', ['team-2'], { built: false }));
    expect(ids(built, 'team-1')).toEqual(['always', 'garden', 'alone']);
    expect(ids(built, 'team-2')).toEqual(['always', 'alone']);
  });

  it("tells a team that pooled from one that did not (another team's pooled project is not its own)", () => {
    const h = withProjects(
      g,
      project('coalition', ['team-2', 'team-3'], { pooled: true }),
      project('hall', ['team-1'], { pooled: false }),
    );
    expect(ids(h, 'team-2')).toEqual(['always', 'pooled']);
    expect(ids(h, 'team-1')).toEqual(['always', 'alone']);
    // A pooled project counts when it is only started.
    const started = withProjects(g, project('garden', ['team-1', 'team-2'], { pooled: true, built: false }));
    expect(ids(started, 'team-1')).toEqual(['always', 'pooled']);
  });

  it('says nothing to an unknown team', () => {
    expect(debriefFor(g, s, 'team-9')).toEqual([]);
  });
});
