/**
 * The round's sequence as the engine plays it (src/engine/flow.ts): phases,
 * turn order, the facilitator's skip and injection, the end of the game.
 * Expected values are read off scenarios/periurban-brownfield.json by hand.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createGame, currentTeam, playerView } from '../../src/engine/index.ts';
import type { GameEvent, GameState, Phase } from '../../src/engine/types.ts';
import { CONTINUE, pass, refusalOf, scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const SKIP: GameEvent = { type: 'skip-phase' };

function newGame(teams = 3, rounds?: number): GameState {
  return createGame(s, {
    seed: 1,
    teams: Array.from({ length: teams }, (_, i) => `T${i + 1}`),
    ...(rounds === undefined ? {} : { rounds }),
  });
}

function play(state: GameState, ...events: GameEvent[]): GameState {
  let next = state;
  for (const event of events) next = applyEvent(next, s, event);
  return next;
}

const refusal = (state: GameState, event: GameEvent) => refusalOf(s, state, event);

/** Skips phases until the game is in `phase` (of this round, or the next one). */
function toPhase(state: GameState, phase: Phase): GameState {
  let next = state;
  for (let guard = 0; next.phase !== phase; guard += 1) {
    if (guard > 10) throw new Error(`never reached ${phase}`);
    next = applyEvent(next, s, SKIP);
  }
  return next;
}

/** One whole round from its diagnosis to the next diagnosis, every team passing. */
const WHOLE_ROUND: GameEvent[] = [CONTINUE, SKIP, CONTINUE, CONTINUE, CONTINUE];

describe('the round sequence', () => {
  it('goes diagnose -> plan -> implement -> shock -> evaluate -> diagnose, teams playing in turn', () => {
    let g = newGame();
    expect(g.phase).toBe('diagnose');
    expect(g.round).toBe(1);
    expect(g.order).toEqual(['team-1', 'team-2', 'team-3']);
    expect(currentTeam(g)).toBeNull();
    expect(refusal(g, pass('team-1'))).toBe('not-now');

    g = play(g, CONTINUE);
    expect(g.phase).toBe('plan');
    expect(currentTeam(g)).toBe('team-1');
    expect(refusal(g, CONTINUE)).toBe('not-now');
    expect(refusal(g, pass('team-2'))).toBe('not-your-turn');
    expect(refusal(g, start('team-3', 'community-garden'))).toBe('not-your-turn');
    expect(refusal(g, pass('team-9'))).toBe('unknown-team');

    g = play(g, pass('team-1'));
    expect(currentTeam(g)).toBe('team-2');
    expect(refusal(g, pass('team-1'))).toBe('not-your-turn');
    g = play(g, pass('team-2'), pass('team-3'));
    // The plan phase ended by itself once no team had a move left.
    expect(g.phase).toBe('implement');
    expect(currentTeam(g)).toBeNull();
    expect(refusal(g, start('team-1', 'community-garden'))).toBe('not-now');

    g = play(g, CONTINUE);
    expect(g.phase).toBe('shock');
    expect(g.hazards).toHaveLength(1);
    expect(g.hazards[0]).toMatchObject({ round: 1, injected: false });
    expect(g.round).toBe(1);

    g = play(g, CONTINUE);
    expect(g.phase).toBe('evaluate');
    expect(g.round).toBe(2);
    expect(g.teams.map((t) => t.trajectory.length)).toEqual([2, 2, 2]);

    g = play(g, CONTINUE);
    expect(g.phase).toBe('diagnose');
    expect(g.round).toBe(2);
    expect(g.over).toBe(false);
  });

  it('rotates the turn order each round: team 1 opens round 1, team 2 round 2, team 3 round 3', () => {
    let g = newGame();
    expect(g.order).toEqual(['team-1', 'team-2', 'team-3']);
    g = play(g, ...WHOLE_ROUND);
    expect(g.order).toEqual(['team-2', 'team-3', 'team-1']);
    g = play(g, CONTINUE);
    expect(currentTeam(g)).toBe('team-2');
    expect(refusal(g, pass('team-1'))).toBe('not-your-turn');
    g = play(g, pass('team-2'));
    expect(currentTeam(g)).toBe('team-3');
    g = play(g, pass('team-3'));
    expect(currentTeam(g)).toBe('team-1');
    g = play(g, pass('team-1'), CONTINUE, CONTINUE, CONTINUE);
    expect(g.round).toBe(3);
    expect(g.order).toEqual(['team-3', 'team-1', 'team-2']);
    g = play(g, CONTINUE);
    expect(currentTeam(g)).toBe('team-3');
    g = play(g, SKIP, CONTINUE, CONTINUE, CONTINUE);
    expect(g.order).toEqual(['team-1', 'team-2', 'team-3']);
  });

  it('skips a team that has collapsed', () => {
    let g = newGame(2);
    g = { ...g, teams: g.teams.map((t) => (t.id === 'team-1' ? { ...t, collapsed: true } : t)) };
    g = play(g, CONTINUE);
    expect(currentTeam(g)).toBe('team-2');
    expect(refusal(g, pass('team-1'))).toBe('not-your-turn');
  });

  it('skip-phase in the plan phase passes for every team still to play and reaches implement', () => {
    let g = play(newGame(), CONTINUE, pass('team-1'));
    expect(g.teams.map((t) => t.acted)).toEqual([true, false, false]);
    g = play(g, SKIP);
    expect(g.phase).toBe('implement');
    expect(g.teams.map((t) => t.acted)).toEqual([true, true, true]);
    expect(g.teams.map((t) => t.budget)).toEqual([110, 110, 110]);
  });

  it('skip-phase in any other phase moves on like continue', () => {
    let g = newGame();
    const phases: Phase[] = [];
    for (let i = 0; i < 6; i += 1) {
      g = play(g, SKIP);
      phases.push(g.phase);
    }
    expect(phases).toEqual(['plan', 'implement', 'shock', 'evaluate', 'diagnose', 'plan']);
    expect(g.round).toBe(2);
  });

  it('ends the plan phase by itself when the last team has used its two moves', () => {
    let g = newGame(1);
    g = play(g, CONTINUE, start('team-1', 'community-garden'));
    expect(g.phase).toBe('plan');
    g = play(g, start('team-1', 'neighbour-solidarity-network'));
    expect(g.phase).toBe('implement');
    // 110 k€ - 20 - 20.
    expect(g.teams[0]?.budget).toBe(70);
  });
});

describe('implement builds projects', () => {
  it('builds a one-round card started in round 1 as the plan phase ends, and its effects show', () => {
    let g = play(newGame(1), CONTINUE, start('team-1', 'community-garden'));
    expect(g.projects[0]).toMatchObject({ card: 'community-garden', startedRound: 1, readyRound: 1, built: false });
    expect(g.teams[0]?.indicators).toMatchObject({ eat: 44, cohesion: 37, breathe: 55 });
    g = play(g, pass('team-1'));
    expect(g.phase).toBe('implement');
    expect(g.projects[0]?.built).toBe(true);
    // community-garden: eat +4, cohesion +5, breathe +2 on 44, 37, 55; the rest untouched.
    expect(g.teams[0]?.indicators).toEqual({
      breathe: 57,
      drink: 62,
      eat: 48,
      move: 31,
      live: 34,
      cohesion: 42,
      jobs: 27,
      cooperation: 35,
    });
    expect(g.teams[0]?.budget).toBe(90);
  });

  it('builds a two-round card only at the end of the next plan phase', () => {
    let g = play(newGame(1), CONTINUE, start('team-1', 'integration-worksite'), pass('team-1'));
    expect(g.projects[0]).toMatchObject({ readyRound: 2, built: false });
    g = play(g, CONTINUE, CONTINUE, CONTINUE, CONTINUE);
    expect(g.phase).toBe('plan');
    expect(g.projects[0]?.built).toBe(false);
    g = play(g, pass('team-1'));
    expect(g.projects[0]?.built).toBe(true);
  });
});

describe('an injected hazard', () => {
  // Drought weighs 2 in a deck of 52: the injected flag tells it apart from a draw anyway.
  const HAZARD = 'drought';
  const cases: [Phase, number][] = [
    ['diagnose', 1],
    ['plan', 1],
    ['implement', 1],
    ['shock', 2],
    ['evaluate', 2],
  ];

  it.each(cases)('injected in %s is the next shock (round %i)', (phase, round) => {
    let g = toPhase(newGame(), phase);
    expect(g.round).toBe(phase === 'evaluate' ? 2 : 1);
    g = play(g, { type: 'inject-hazard', hazard: HAZARD });
    expect(g.pendingHazard).toBe(HAZARD);
    expect(g.phase).toBe(phase);
    // Players' devices are never told.
    expect(playerView(g, 'team-1')).not.toHaveProperty('pendingHazard');
    while (g.hazards.length < round) g = play(g, SKIP);
    expect(g.phase).toBe('shock');
    expect(g.hazards).toHaveLength(round);
    expect(g.hazards[round - 1]).toMatchObject({ round, hazard: HAZARD, injected: true });
    if (round === 2) expect(g.hazards[0]?.injected).toBe(false);
    expect(g.pendingHazard).toBeNull();
    // The next shock is drawn again.
    g = play(g, SKIP, SKIP, SKIP, SKIP, SKIP);
    expect(g.hazards[round]).toMatchObject({ round: round + 1, injected: false });
  });

  it('refuses a hazard that is not in the scenario deck', () => {
    const g = newGame();
    expect(refusal(g, { type: 'inject-hazard', hazard: 'atlantis-flood' })).toBe('unknown-hazard');
    // A library hazard this scenario does not deal.
    expect(refusal(g, { type: 'inject-hazard', hazard: 'forest-fire' })).toBe('unknown-hazard');
  });
});

describe('the end of the game', () => {
  it('end-game sets over, and every event after is refused as game-over', () => {
    const g = play(newGame(), CONTINUE, { type: 'end-game' });
    expect(g.over).toBe(true);
    expect(g.round).toBe(1);
    expect(currentTeam(g)).toBeNull();
    const after: GameEvent[] = [
      CONTINUE,
      SKIP,
      pass('team-1'),
      start('team-1', 'community-garden'),
      { type: 'inject-hazard', hazard: 'drought' },
      { type: 'end-game' },
    ];
    for (const event of after) expect(refusal(g, event), event.type).toBe('game-over');
  });

  it('a game set to 4 rounds ends when the 4th evaluation is left', () => {
    let g = newGame(2, 4);
    expect(g.rounds).toBe(4);
    for (let r = 0; r < 3; r += 1) g = play(g, ...WHOLE_ROUND);
    expect(g.over).toBe(false);
    expect(g.round).toBe(4);
    g = play(g, CONTINUE, SKIP, CONTINUE, CONTINUE);
    expect(g.phase).toBe('evaluate');
    expect(g.round).toBe(5);
    expect(g.over).toBe(false);
    g = play(g, CONTINUE);
    expect(g.over).toBe(true);
    expect(g.hazards).toHaveLength(4);
    expect(g.teams.map((t) => t.trajectory.length)).toEqual([5, 5]);
    expect(refusal(g, CONTINUE)).toBe('game-over');
  });

  it('lasts the scenario own 7 rounds when no length is given', () => {
    let g = newGame(1);
    expect(g.rounds).toBe(7);
    for (let r = 0; r < 7; r += 1) g = play(g, ...WHOLE_ROUND);
    expect(g.over).toBe(true);
    expect(g.round).toBe(8);
  });

  it('ends early when every team has collapsed', () => {
    let g = newGame(2);
    // Drink at the collapse threshold (10); only drought hits drink, and it is not injected here.
    g = { ...g, teams: g.teams.map((t) => ({ ...t, indicators: { ...t.indicators, drink: 10 } })) };
    g = play(g, CONTINUE, SKIP, { type: 'inject-hazard', hazard: 'heatwave' }, CONTINUE, CONTINUE);
    expect(g.teams.map((t) => t.collapsed)).toEqual([true, true]);
    expect(g.over).toBe(false);
    g = play(g, CONTINUE);
    expect(g.over).toBe(true);
    expect(g.round).toBe(2);
  });

  it('createGame refuses 2 or 13 rounds and 0 or 7 teams, and takes 3 to 12 rounds', () => {
    expect(() => newGame(3, 2)).toThrow(RangeError);
    expect(() => newGame(3, 13)).toThrow(RangeError);
    expect(() => newGame(3, 4.5)).toThrow(RangeError);
    expect(() => newGame(7)).toThrow(RangeError);
    expect(() => newGame(0)).toThrow(RangeError);
    expect(newGame(3, 3).rounds).toBe(3);
    expect(newGame(6, 12).rounds).toBe(12);
  });
});
