/**
 * The round's sequence as the engine plays it (src/engine/flow.ts): phases,
 * turn order, the facilitator's skip and injection, the end of the game.
 * Expected values are read off scenarios/periurban-brownfield.json by hand.
 */
import { describe, expect, it } from 'vitest';
import { applyEvent, createGame, currentTeam, playerView } from '../../src/engine/index.ts';
import type { GameEvent, GameState, Phase } from '../../src/engine/types.ts';
import { CONTINUE, MONEY, pass, refusalOf, scenario, start } from './helpers.ts';

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

  it('a team in collapse still plays, with one move', () => {
    let g = newGame(2);
    g = { ...g, teams: g.teams.map((t) => (t.id === 'team-1' ? { ...t, collapsed: true } : t)) };
    g = play(g, CONTINUE);
    expect(currentTeam(g)).toBe('team-1');
    g = play(g, start('team-1', 'community-garden'));
    // Its one move is used: team-2's turn.
    expect(g.teams[0]).toMatchObject({ moves: 1, acted: true, budget: 35 });
    expect(currentTeam(g)).toBe('team-2');
    expect(refusal(g, pass('team-1'))).toBe('not-your-turn');
  });

  it('skip-phase in the plan phase passes for every team still to play and reaches implement', () => {
    let g = play(newGame(), CONTINUE, pass('team-1'));
    expect(g.teams.map((t) => t.acted)).toEqual([true, false, false]);
    g = play(g, SKIP);
    expect(g.phase).toBe('implement');
    expect(g.teams.map((t) => t.acted)).toEqual([true, true, true]);
    expect(g.teams.map((t) => t.budget)).toEqual([55, 55, 55]);
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

  it('ends the plan phase by itself when the last team has used its three moves', () => {
    let g = newGame(1);
    g = play(g, CONTINUE, start('team-1', 'community-garden'), start('team-1', 'neighbour-solidarity-network'));
    expect(g.phase).toBe('plan');
    expect(currentTeam(g)).toBe('team-1');
    g = play(g, start('team-1', 'youth-service-cooperative', MONEY));
    expect(g.phase).toBe('implement');
    // 55 k€ - 20 - 20 - 4 (youth-service-cooperative, 20 k€: contract 9, call for projects 7).
    expect(g.teams[0]?.budget).toBe(11);
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
    // 55 - 20.
    expect(g.teams[0]?.budget).toBe(35);
  });

  it('builds a two-round card only at the end of the next plan phase', () => {
    // integration-worksite (65 k€, 2 rounds): contract 29 and call for projects 23, the team pays 13.
    let g = play(newGame(1), CONTINUE, start('team-1', 'integration-worksite', MONEY), pass('team-1'));
    expect(g.projects[0]).toMatchObject({ readyRound: 2, built: false });
    g = play(g, CONTINUE, CONTINUE, CONTINUE, CONTINUE);
    expect(g.phase).toBe('plan');
    expect(g.projects[0]?.built).toBe(false);
    g = play(g, pass('team-1'));
    expect(g.projects[0]?.built).toBe(true);
  });
});

describe('an injected hazard', () => {
  // Drought weighs 2 in a deck of 55: the injected flag tells it apart from a draw anyway.
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
    expect(refusal(g, { type: 'inject-hazard', hazard: 'coastal-erosion' })).toBe('unknown-hazard');
  });
});

describe('collapse and solidarity, on real hazards', () => {
  const inject = (hazard: string): GameEvent => ({ type: 'inject-hazard', hazard });
  const FUEL = inject('fuel-price-spike');

  it('a commune falls into collapse, plays on with one move, and a neighbour’s aid lifts it out', () => {
    // Two teams, four rounds, fuel-price-spike injected in rounds 1 to 3: move -10 * 0.7 * (1 - 35/400) = -6.39,
    // then the pressure move -1. team-1: 31 -> 24.61 -> 25 -> 24; 24 -> 17.61 -> 18 -> 17; 17 -> 10.61 -> 11 -> 10.
    // team-2 builds solidarity-garage in round 1 (35 k€, move +8): 39 -> 33 -> 32; 32 -> 26 -> 25; 25 -> 19 -> 18.
    let g = newGame(2, 4);
    g = play(g, FUEL, CONTINUE, pass('team-1'), start('team-2', 'solidarity-garage'), pass('team-2'), CONTINUE, CONTINUE);
    expect(g.teams.map((t) => t.indicators.move)).toEqual([24, 32]);
    g = play(g, CONTINUE, FUEL, CONTINUE, SKIP, CONTINUE, CONTINUE);
    g = play(g, CONTINUE, FUEL, CONTINUE, SKIP, CONTINUE, CONTINUE);
    expect(g).toMatchObject({ round: 4, phase: 'evaluate', over: false });
    expect(g.teams.map((t) => [t.indicators.move, t.collapsed])).toEqual([
      [10, true],
      [18, false],
    ]);
    // Three whole incomes: 55 + 3 * 22 = 121; team-2 paid 35 for its garage: 86.
    expect(g.teams.map((t) => t.budget)).toEqual([121, 86]);

    // Round 4, team-2 opens: it sends aid (one of its three moves), then passes.
    g = play(g, { type: 'inject-hazard', hazard: 'heatwave' }, CONTINUE, CONTINUE);
    expect(currentTeam(g)).toBe('team-2');
    g = play(g, { type: 'send-aid', team: 'team-2', to: 'team-1' });
    expect(currentTeam(g)).toBe('team-2');
    // team-1: 121 + 20 = 141, move 10 + 6 = 16, cooperation 35 + 2; team-2: 86 - 20 = 66, cooperation 37.
    expect(g.teams.map((t) => [t.budget, t.indicators.move, t.indicators.cooperation])).toEqual([
      [141, 16, 37],
      [66, 18, 37],
    ]);
    expect(g.aid).toEqual([{ round: 4, from: 'team-2', to: 'team-1', amount: 20 }]);
    g = play(g, pass('team-2'));
    expect(currentTeam(g)).toBe('team-1');
    expect(refusal(g, { type: 'send-aid', team: 'team-1', to: 'team-2' })).toBe('not-in-collapse');
    // team-1's one move ends the plan phase; community-garden is built (eat +4, cohesion +5, breathe +2).
    g = play(g, start('team-1', 'community-garden'));
    expect(g.phase).toBe('implement');
    g = play(g, CONTINUE, CONTINUE);
    // Heatwave: cooperation 37 absorbs 9.25 %, the garden 10 % more: breathe 57 - 9*0.7*0.8075 = 51.91 -> 52;
    // live 25 - 3.39 -> 22, 21 after the pressure; move 16 -> 15. Every essential need above 10 again: recovered.
    expect(g.phase).toBe('evaluate');
    expect(g.teams[0]).toMatchObject({
      collapsed: false,
      indicators: { breathe: 52, drink: 62, eat: 48, move: 15, live: 21 },
      // 141 - 20 + half an income, round(22 * 0.5) = 11; received 121 + 20 + 11.
      budget: 132,
      received: 152,
    });
    expect(g.teams[1]).toMatchObject({ collapsed: false, budget: 88 });
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

  it('plays on when every team has collapsed', () => {
    let g = newGame(2);
    // Drink at the collapse threshold (10); only drought hits drink, and it is not injected here.
    g = { ...g, teams: g.teams.map((t) => ({ ...t, indicators: { ...t.indicators, drink: 10 } })) };
    g = play(g, CONTINUE, SKIP, { type: 'inject-hazard', hazard: 'heatwave' }, CONTINUE, CONTINUE);
    expect(g.teams.map((t) => t.collapsed)).toEqual([true, true]);
    g = play(g, CONTINUE, CONTINUE);
    expect(g).toMatchObject({ over: false, round: 2, phase: 'plan' });
    // Round 2 opens with team-2, each team with its one move.
    expect(currentTeam(g)).toBe('team-2');
    g = play(g, start('team-2', 'community-garden'));
    expect(currentTeam(g)).toBe('team-1');
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

describe('hazards the facilitator plans ahead', () => {
  const plan = (round: number, hazard: string): GameEvent => ({ type: 'plan-hazard', round, hazard });

  it('a planned round strikes with its hazard; an injection still comes first; a round without a plan draws', () => {
    let g = play(newGame(2, 4), plan(2, 'drought'), plan(3, 'heatwave'), plan(3, 'storm'));
    // One plan per round: the later one replaces the earlier.
    expect(g.plannedHazards).toEqual([
      { round: 2, hazard: 'drought' },
      { round: 3, hazard: 'storm' },
    ]);
    g = play(g, ...WHOLE_ROUND);
    const drawn = g.hazards[0];
    expect(drawn?.injected).toBe(false);
    g = play(g, ...WHOLE_ROUND);
    expect([g.hazards[1]?.hazard, g.hazards[1]?.injected]).toEqual(['drought', true]);
    g = play(g, { type: 'inject-hazard', hazard: 'heatwave' }, ...WHOLE_ROUND);
    expect(g.hazards[2]?.hazard).toBe('heatwave');
  });

  it('refuses a round that is over or beyond the game, and a hazard the deck cannot draw; the room never sees the plans', () => {
    const g = newGame(2, 4);
    expect(refusal(g, plan(5, 'drought'))).toBe('bad-round');
    expect(refusal(g, plan(0, 'drought'))).toBe('bad-round');
    expect(refusal(g, plan(2.5, 'drought'))).toBe('bad-round');
    expect(refusal(g, plan(1, 'drought'))).toBeNull();
    expect(refusal(toPhase(g, 'shock'), plan(1, 'drought'))).toBe('bad-round');
    expect(refusal(toPhase(g, 'shock'), plan(2, 'drought'))).toBeNull();
    expect(refusal(g, plan(2, 'coastal-erosion'))).toBe('unknown-hazard');
    expect(playerView(play(g, plan(2, 'drought')), null)).not.toHaveProperty('plannedHazards');
  });
});

describe('every change makes a new state of the same shape', () => {
  it('keeps the fields, in their order, through a round of events; the state before is untouched', () => {
    const fields = [
      'scenario',
      'seed',
      'rng',
      'difficulty',
      'round',
      'rounds',
      'phase',
      'order',
      'pendingHazard',
      'plannedHazards',
      'teams',
      'envelope',
      'allocations',
      'engineeringDays',
      'departmentSeat',
      'projects',
      'offers',
      'aid',
      'hazards',
      'notes',
      'over',
    ];
    const first = newGame();
    const before = JSON.stringify(first);
    let state = first;
    for (const event of [CONTINUE, pass('team-1'), pass('team-2'), pass('team-3'), CONTINUE, CONTINUE, CONTINUE, CONTINUE]) {
      state = applyEvent(state, s, event);
      expect(Object.keys(state)).toEqual(fields);
    }
    expect(state.round).toBe(2);
    expect(JSON.stringify(first)).toBe(before);
  });
});
