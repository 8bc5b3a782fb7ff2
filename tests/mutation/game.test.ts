/**
 * game.ts: creating a game, the Department's envelopes, quotes and every
 * refusal of a start, passes, solidarity aid, launching a project and the
 * cards open to a team. The fixture's numbers are in fixture.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { weakestEssentialNeed } from '../../src/engine/aid.ts';
import {
  applyAction,
  createGame,
  departmentEnvelope,
  endGame,
  findTeam,
  GameRuleError,
  hasBuilt,
  hasBuiltOrStarted,
  leverApplies,
  MAX_ROUNDS,
  MAX_TEAMS,
  MIN_ROUNDS,
  MIN_TEAMS,
  movesPerRound,
  teamsToAct,
  validateAction,
} from '../../src/engine/game.ts';
import { lookup } from '../../src/engine/lookup.ts';
import { launchProject, quoteProject, shareOf } from '../../src/engine/projects.ts';
import { cardsOfTeam, cardsOpenTo, sseActorTypesBuilt } from '../../src/engine/team-cards.ts';
import type { GameState, Offer, Scenario } from '../../src/engine/types.ts';
import {
  card,
  makeScenario,
  names,
  planGame,
  project,
  START,
  start,
  team,
  withIndicators,
  withProjects,
  withTeam,
} from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object, and each test must build its own caches. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});

function offer(over: Partial<Offer>): Offer {
  return {
    id: 'o1',
    card: 'garden',
    proposer: 'team-2',
    partners: ['team-3'],
    levers: [],
    round: 1,
    answers: {},
    status: 'open',
    ...over,
  };
}

function withOffers(state: GameState, ...offers: Offer[]): GameState {
  return { ...state, offers: [...state.offers, ...offers] };
}

function ruleError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GameRuleError);
    const e = error as GameRuleError;
    expect(e.name).toBe('GameRuleError');
    expect(e.message).toBe(e.code);
    return e.code;
  }
  throw new Error('no GameRuleError');
}

describe('creating a game', () => {
  it('builds the whole state', () => {
    // Two communes: envelopes x1.5 -> contract 60 -> 90, call 40 -> 60, pool 25 -> 37.5 -> 38; days 3 -> 4.5 -> 5.
    // toMatchObject: fields added to the state later (the Department seat's allocations) are checked elsewhere.
    expect(createGame(s, { seed: 1, teams: ['A', 'B'] })).toMatchObject({
      scenario: 'test-valley',
      seed: 1,
      rng: 920564995,
      difficulty: 'normal',
      round: 1,
      rounds: 5,
      phase: 'diagnose',
      order: ['team-1', 'team-2'],
      pendingHazard: null,
      teams: [
        {
          id: 'team-1',
          name: 'A',
          commune: 'c1',
          budget: 200,
          received: 200,
          indicators: START,
          moves: 0,
          acted: false,
          leverUsed: {},
          collapsed: false,
          trajectory: [START],
        },
        {
          id: 'team-2',
          name: 'B',
          commune: 'c2',
          budget: 200,
          received: 200,
          indicators: START,
          moves: 0,
          acted: false,
          leverUsed: {},
          collapsed: false,
          trajectory: [START],
        },
      ],
      envelope: { contract: 90, call: 60, eng: 0, clause: 0, pool: 38 },
      engineeringDays: 5,
      projects: [],
      offers: [],
      aid: [],
      hazards: [],
      over: false,
    });
  });

  it('scales the budget by difficulty', () => {
    // 200 * 1.2 = 240; 200 * 0.85 = 170; 205 * 0.85 = 174.25 -> 174.
    expect(team(createGame(s, { seed: 1, teams: ['A'], difficulty: 'easy' }), 'team-1').budget).toBe(240);
    expect(team(createGame(s, { seed: 1, teams: ['A'], difficulty: 'hard' }), 'team-1').budget).toBe(170);
    const rich = makeScenario({ startBudget: 205 });
    const hard = createGame(rich, { seed: 1, teams: ['A'], difficulty: 'hard' });
    expect([hard.difficulty, team(hard, 'team-1').budget, team(hard, 'team-1').received]).toEqual(['hard', 174, 174]);
  });

  it('takes 1 to 6 teams, the fifth beyond the four communes on a commune of its own', () => {
    expect([MIN_TEAMS, MAX_TEAMS, MIN_ROUNDS, MAX_ROUNDS]).toEqual([1, 6, 3, 12]);
    expect(() => createGame(s, { seed: 1, teams: [] })).toThrow(new RangeError('a game has 1 to 6 teams, not 0'));
    expect(() => createGame(s, { seed: 1, teams: names(7) })).toThrow(new RangeError('a game has 1 to 6 teams, not 7'));
    expect(createGame(s, { seed: 1, teams: ['A'] }).teams).toHaveLength(1);
    const six = createGame(s, { seed: 1, teams: names(6) });
    expect(six.teams.map((t) => t.commune)).toEqual(['c1', 'c2', 'c3', 'c4', 'commune-5', 'commune-6']);
    expect(six.teams.map((t) => t.id)).toEqual(['team-1', 'team-2', 'team-3', 'team-4', 'team-5', 'team-6']);
  });

  it('lasts 3 to 12 whole rounds, the scenario length by default', () => {
    expect(createGame(s, { seed: 1, teams: ['A'], rounds: 3 }).rounds).toBe(3);
    expect(createGame(s, { seed: 1, teams: ['A'], rounds: 12 }).rounds).toBe(12);
    expect(() => createGame(s, { seed: 1, teams: ['A'], rounds: 2 })).toThrow(
      new RangeError('a game lasts 3 to 12 rounds, not 2'),
    );
    expect(() => createGame(s, { seed: 1, teams: ['A'], rounds: 13 })).toThrow(
      new RangeError('a game lasts 3 to 12 rounds, not 13'),
    );
    expect(() => createGame(s, { seed: 1, teams: ['A'], rounds: 3.5 })).toThrow(
      new RangeError('a game lasts 3 to 12 rounds, not 3.5'),
    );
    expect(() => createGame(makeScenario({ rounds: 2 }), { seed: 1, teams: ['A'] })).toThrow(RangeError);
  });

  it('copies the start indicators for each team', () => {
    const g = createGame(s, { seed: 1, teams: ['A', 'B'] });
    team(g, 'team-1').indicators.eat = 1;
    expect(team(g, 'team-2').indicators.eat).toBe(45);
    expect(team(g, 'team-1').trajectory[0]?.eat).toBe(45);
    expect(s.start.eat).toBe(45);
  });
});

describe("the Department's envelopes", () => {
  it('grows by half per further commune, rounded', () => {
    expect(departmentEnvelope(s, 1)).toMatchObject({
      envelope: { contract: 60, call: 40, eng: 0, clause: 0, pool: 25 },
      engineeringDays: 3,
    });
    // x2: 120, 80, 50; days 6.
    expect(departmentEnvelope(s, 3)).toMatchObject({
      envelope: { contract: 120, call: 80, eng: 0, clause: 0, pool: 50 },
      engineeringDays: 6,
    });
    // x2.5: 150, 100, 62.5 -> 63; days 7.5 -> 8.
    expect(departmentEnvelope(s, 4)).toMatchObject({
      envelope: { contract: 150, call: 100, eng: 0, clause: 0, pool: 63 },
      engineeringDays: 8,
    });
  });
});

describe('small questions', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 3);
  });

  it('gives 3 moves a round, 1 in collapse', () => {
    expect(movesPerRound(team(g, 'team-1'))).toBe(3);
    expect(movesPerRound({ ...team(g, 'team-1'), collapsed: true })).toBe(1);
  });

  it('finds teams and those still to act, in turn order', () => {
    expect(findTeam(g, 'team-2')?.name).toBe('Team 2');
    expect(findTeam(g, 'team-9')).toBeUndefined();
    const rotated = withTeam({ ...g, order: ['team-3', 'ghost', 'team-1', 'team-2'] }, 'team-1', { acted: true });
    expect(teamsToAct(rotated).map((t) => t.id)).toEqual(['team-3', 'team-2']);
  });

  it('tells started from built', () => {
    const h = withProjects(g, project('garden', ['team-1'], { built: false }), project('hall', ['team-1', 'team-2']));
    expect(hasBuiltOrStarted(h, 'team-1', 'garden')).toBe(true);
    expect(hasBuilt(h, s, 'team-1', 'garden')).toBe(false);
    expect(hasBuilt(h, s, 'team-2', 'hall')).toBe(true);
    expect(hasBuiltOrStarted(h, 'team-3', 'hall')).toBe(false);
    expect(hasBuilt(h, s, 'team-3', 'hall')).toBe(false);
    expect(hasBuiltOrStarted(h, 'team-2', 'garden')).toBe(false);
    const mine = cardsOfTeam(h, s, 'team-1');
    expect([mine.started, mine.built, mine.builtSlots]).toEqual([['garden', 'hall'], ['hall'], [lookup(s).slot.get('hall')]]);
    expect([mine.hasStarted('garden'), mine.hasStarted('hall'), mine.hasStarted('wells'), mine.hasStarted('ghost')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([mine.hasBuilt('garden'), mine.hasBuilt('hall'), mine.hasBuilt('ghost')]).toEqual([false, true, false]);
    const none = cardsOfTeam(h, s, 'team-3');
    expect([none.started, none.built, none.hasStarted('hall')]).toEqual([[], [], false]);
  });

  it('applies a lever by tag and actor type', () => {
    const levers = new Map(s.levers.map((l) => [l.id, l]));
    const get = (id: string) => {
      const l = levers.get(id);
      if (!l) throw new Error(id);
      return l;
    };
    const garden = s.cards.garden ?? card('garden');
    const shop = s.cards.shop ?? card('shop');
    expect(leverApplies(get('call'), garden, s)).toBe(true);
    expect(leverApplies(get('call'), shop, s)).toBe(false);
    expect(leverApplies(get('clause'), shop, s)).toBe(true);
    expect(leverApplies(get('clause'), garden, s)).toBe(false);
  });

  it('counts the distinct SSE actor types a team has built', () => {
    const odd = makeScenario();
    odd.cards.orphan = card('orphan', { actor: 'nobody' });
    const h = withProjects(
      planGame(odd, 2),
      project('garden', ['team-1']), // association
      project('firebreak', ['team-1']), // association again
      project('wells', ['team-1']), // local authority: not SSE
      project('orphan', ['team-1']), // no actor type
      project('shop', ['team-1'], { built: false }), // not built
      project('hall', ['team-2']), // another team's
    );
    expect(sseActorTypesBuilt(h, odd, 'team-1')).toBe(1);
    expect(sseActorTypesBuilt(withProjects(h, project('coalition', ['team-2', 'team-1'])), odd, 'team-1')).toBe(2);
    expect(sseActorTypesBuilt(h, odd, 'team-2')).toBe(1);
  });

  it('finds the weakest essential need, the first on a tie, among the scenario indicators', () => {
    const t = team(g, 'team-1');
    // START: breathe 50, drink 40, eat 45, move 50, live 55 -> drink.
    expect(weakestEssentialNeed(t, s)).toBe('drink');
    expect(weakestEssentialNeed({ ...t, indicators: { ...START, breathe: 30, drink: 30 } }, s)).toBe('breathe');
    expect(weakestEssentialNeed({ ...t, indicators: { ...START, eat: 20, live: 20, drink: 30 } }, s)).toBe('eat');
    const noDrink = makeScenario({ indicatorIds: ['breathe', 'eat', 'move', 'live', 'cohesion'] });
    expect(weakestEssentialNeed(t, noDrink)).toBe('eat');
    expect(weakestEssentialNeed(t, makeScenario({ indicatorIds: ['cohesion', 'jobs', 'cooperation'] }))).toBeNull();
  });

  it('ends a game once', () => {
    const over = endGame(g);
    expect(over).toEqual({ ...g, over: true });
    expect(endGame(over)).toBe(over);
  });
});

describe('quotes', () => {
  let two: GameState;
  let three: GameState;
  beforeEach(() => {
    two = planGame(s, 2);
    three = planGame(s, 3);
  });

  it('garden alone: contract 45 % -> 45, call 35 % -> 35 (80 = the 80 % cap), the team pays 20', () => {
    expect(quoteProject(two, s, start('team-1', 'garden', ['contract', 'call']))).toEqual({
      ok: true,
      cost: 100,
      leverPaid: { contract: 45, call: 35 },
      shares: { 'team-1': 20 },
      duration: 2,
      pooled: false,
      engineeringDays: 0,
    });
  });

  it('caps the levers at 80 % of the cost: the last lever gets what is left of the cap', () => {
    // Pooled garden with pool first: pool 20 % -> 20, contract 45, call min(35, 80 - 65 = 15) -> 15.
    expect(quoteProject(two, s, start('team-1', 'garden', ['pool', 'contract', 'call'], ['team-2']))).toEqual({
      ok: true,
      cost: 100,
      leverPaid: { pool: 20, contract: 45, call: 15 },
      shares: { 'team-1': 10, 'team-2': 10 },
      duration: 3,
      pooled: true,
      engineeringDays: 0,
    });
    // Pool last: contract 45, call 35, pool min(20, 38, 80 - 80 = 0) -> 0.
    expect(quoteProject(two, s, start('team-1', 'garden', ['contract', 'call', 'pool'], ['team-2'])).leverPaid).toEqual({
      contract: 45,
      call: 35,
      pool: 0,
    });
  });

  it("takes no more than what is left of the round's envelope (none when it is overdrawn)", () => {
    const low = { ...two, envelope: { ...two.envelope, contract: 10, call: -5 } };
    // contract min(45, 10) -> 10, call min(35, max(0, -5) = 0) -> 0: the team pays 90.
    const q = quoteProject(low, s, start('team-1', 'garden', ['contract', 'call']));
    expect([q.leverPaid, q.shares]).toEqual([{ contract: 10, call: 0 }, { 'team-1': 90 }]);
    const none = { ...two, envelope: {} };
    expect(quoteProject(none, s, start('team-1', 'garden', ['contract'])).leverPaid).toEqual({ contract: 0 });
  });

  it('rounds a lever share to the k€', () => {
    // shop 30 k€, contract 45 % = 13.5 -> 14: the team pays 16.
    const q = quoteProject(two, s, start('team-1', 'shop', ['contract']));
    expect([q.leverPaid, q.shares, q.duration]).toEqual([{ contract: 14 }, { 'team-1': 16 }, 1]);
    // 33 k€: contract 14.85 -> 15, call 11.55 -> 12 (27), cap floor(26.4) = 26 -> call 11; the team pays 7.
    const odd = makeScenario();
    odd.cards.garden = card('garden', { cost: 33, tags: ['ecological-transition'] });
    const r = quoteProject(planGame(odd, 2), odd, start('team-1', 'garden', ['contract', 'call']));
    expect([r.leverPaid, r.shares]).toEqual([{ contract: 15, call: 11 }, { 'team-1': 7 }]);
  });

  it('computes a share in whole percents (no floating-point 31.499...)', () => {
    // 90 x 35 % = 31.5 -> 32 (90 * 0.35 is 31.499999... in floating point).
    expect(shareOf(90, 0.35)).toBe(32);
    // 33 x 45 % = 14.85 -> 15; 50 x 45 % = 22.5 -> 23; 12.5 % -> 13 % of 100 = 13.
    expect(shareOf(33, 0.45)).toBe(15);
    expect(shareOf(50, 0.45)).toBe(23);
    expect(shareOf(100, 0.125)).toBe(13);
    // The 80 % cap is rounded down: 33 x 80 % = 26.4 -> 26; 99 x 80 % = 79.2 -> 79.
    expect(shareOf(33, 0.8, Math.floor)).toBe(26);
    expect(shareOf(99, 0.8, Math.floor)).toBe(79);
    const ninety = makeScenario();
    ninety.cards.garden = card('garden', { cost: 90, tags: ['ecological-transition'] });
    const q = quoteProject(planGame(ninety, 2), ninety, start('team-1', 'garden', ['call']));
    expect([q.leverPaid, q.shares]).toEqual([{ call: 32 }, { 'team-1': 58 }]);
  });

  it('splits what is left equally, the proposer paying the odd k€', () => {
    // coalition 90 k€ with 2 partners, contract 45 % = 40.5 -> 41: 49 left, 16 each, the proposer 49 - 32 = 17.
    expect(quoteProject(three, s, start('team-2', 'coalition', ['contract'], ['team-1', 'team-3']))).toEqual({
      ok: true,
      cost: 90,
      leverPaid: { contract: 41 },
      shares: { 'team-2': 17, 'team-1': 16, 'team-3': 16 },
      duration: 3,
      pooled: true,
      engineeringDays: 0,
    });
    // firebreak 40 k€ with one partner and no lever: 20 each; a pooled start takes a round more (1 -> 2).
    const q = quoteProject(two, s, start('team-1', 'firebreak', [], ['team-2']));
    expect([q.shares, q.duration, q.pooled]).toEqual([{ 'team-1': 20, 'team-2': 20 }, 2, true]);
  });

  it('engineering: a round less, never below 1, and the card takes its days', () => {
    // wells 3 rounds - 1 = 2, 2 days; contract 80 * 45 % = 36, the team pays 44.
    expect(quoteProject(two, s, start('team-1', 'wells', ['eng', 'contract']))).toEqual({
      ok: true,
      cost: 80,
      leverPaid: { contract: 36 },
      shares: { 'team-1': 44 },
      duration: 2,
      pooled: false,
      engineeringDays: 2,
    });
    // hall 1 round - 1 -> stays 1; it takes its 1 day.
    const hall = quoteProject(two, s, start('team-1', 'hall', ['eng']));
    expect([hall.duration, hall.engineeringDays, hall.leverPaid]).toEqual([1, 1, {}]);
    // Pooled wells: 3 - 1 = 2, + 1 pooled = 3.
    const pooled = quoteProject(two, s, start('team-1', 'wells', ['eng'], ['team-2']));
    expect([pooled.duration, pooled.shares]).toEqual([3, { 'team-1': 40, 'team-2': 40 }]);
  });

  it('engineering days: refused below what the card takes, fine at exactly that', () => {
    expect(quoteProject({ ...two, engineeringDays: 1 }, s, start('team-1', 'wells', ['eng'])).error).toBe('no-engineering-days');
    expect(quoteProject({ ...two, engineeringDays: 2 }, s, start('team-1', 'wells', ['eng'])).ok).toBe(true);
    expect(quoteProject(two, s, start('team-1', 'wells', [])).error).toBe('needs-engineering');
    expect(quoteProject(two, s, start('team-1', 'wells', ['contract'])).error).toBe('needs-engineering');
  });

  it('the clause lever pays nothing and fits cooperatives', () => {
    const q = quoteProject(two, s, start('team-1', 'hall', ['clause']));
    expect([q.ok, q.leverPaid, q.shares]).toEqual([true, {}, { 'team-1': 50 }]);
  });

  it('refuses a wrong start, with the full failed quote', () => {
    const fail = (error: string) => ({
      ok: false,
      error,
      cost: 0,
      leverPaid: {},
      shares: {},
      duration: 0,
      pooled: false,
      engineeringDays: 0,
    });
    expect(quoteProject({ ...two, over: true }, s, start('team-1', 'garden'))).toEqual(fail('game-over'));
    expect(quoteProject(two, s, start('team-9', 'garden'))).toEqual(fail('unknown-team'));
    expect(quoteProject(withTeam(two, 'team-1', { acted: true }), s, start('team-1', 'garden'))).toEqual(fail('already-acted'));
    expect(quoteProject(two, s, start('team-1', 'nope'))).toEqual(fail('unknown-card'));
    expect(quoteProject(two, s, start('team-1', 'stray'))).toEqual(fail('card-not-in-deck'));
    expect(quoteProject(withTeam(two, 'team-1', { budget: 19 }), s, start('team-1', 'garden', ['contract', 'call']))).toEqual(
      fail('budget'),
    );
  });

  it('pays a share up to the whole budget', () => {
    expect(quoteProject(withTeam(two, 'team-1', { budget: 20 }), s, start('team-1', 'garden', ['contract', 'call'])).ok).toBe(
      true,
    );
    // A partner that cannot pay its 10 refuses the whole start.
    const poor = withTeam(two, 'team-2', { budget: 9 });
    expect(quoteProject(poor, s, start('team-1', 'garden', ['contract', 'call'], ['team-2'])).error).toBe('budget');
    expect(
      quoteProject(withTeam(two, 'team-2', { budget: 10 }), s, start('team-1', 'garden', ['contract', 'call'], ['team-2'])).ok,
    ).toBe(true);
  });

  it('checks partners', () => {
    expect(quoteProject(two, s, start('team-1', 'hall', [], ['team-2'])).error).toBe('not-poolable');
    expect(quoteProject(two, s, start('team-1', 'hall', [], [])).ok).toBe(true);
    expect(quoteProject(two, s, start('team-1', 'garden', [], ['team-1'])).error).toBe('bad-partner');
    expect(quoteProject(three, s, start('team-1', 'garden', [], ['team-2', 'team-2'])).error).toBe('bad-partner');
    expect(quoteProject(two, s, start('team-1', 'garden', [], ['team-9'])).error).toBe('bad-partner');
    expect(quoteProject(three, s, start('team-1', 'garden', [], ['team-2', 'team-3'])).ok).toBe(true);
  });

  it('needs enough partners: coalition 2, ptce 1 (before its ecosystem)', () => {
    expect(quoteProject(three, s, start('team-1', 'coalition', [])).error).toBe('needs-partners');
    expect(quoteProject(three, s, start('team-1', 'coalition', [], ['team-2'])).error).toBe('needs-partners');
    expect(quoteProject(three, s, start('team-1', 'coalition', [], ['team-2', 'team-3'])).ok).toBe(true);
    expect(quoteProject(three, s, start('team-1', 'ptce', [])).error).toBe('needs-partners');
    expect(quoteProject(three, s, start('team-1', 'ptce', [], ['team-2'])).error).toBe('needs-ecosystem');
  });

  it('needs two SSE actor types built by the proposer for a PTCE', () => {
    const one = withProjects(
      three,
      project('garden', ['team-1']),
      project('firebreak', ['team-1']),
      project('wells', ['team-1']),
    );
    expect(quoteProject(one, s, start('team-1', 'ptce', [], ['team-2'])).error).toBe('needs-ecosystem');
    // The partner's ecosystem does not count.
    const partner = withProjects(one, project('hall', ['team-2']));
    expect(quoteProject(partner, s, start('team-1', 'ptce', [], ['team-2'])).error).toBe('needs-ecosystem');
    const unbuilt = withProjects(one, project('hall', ['team-1'], { built: false }));
    expect(quoteProject(unbuilt, s, start('team-1', 'ptce', [], ['team-2'])).error).toBe('needs-ecosystem');
    // association + cooperative: 60 k€ split 30 / 30, 2 rounds + 1 pooled.
    const both = withProjects(one, project('hall', ['team-1']));
    const q = quoteProject(both, s, start('team-1', 'ptce', [], ['team-2']));
    expect([q.ok, q.shares, q.duration]).toEqual([true, { 'team-1': 30, 'team-2': 30 }, 3]);
  });

  it('refuses a card started by any of its owners, or named in an open offer', () => {
    const mine = withProjects(three, project('garden', ['team-1'], { built: false }));
    expect(quoteProject(mine, s, start('team-1', 'garden')).error).toBe('already-started');
    const theirs = withProjects(three, project('garden', ['team-2'], { built: false }));
    expect(quoteProject(theirs, s, start('team-1', 'garden')).ok).toBe(true);
    expect(quoteProject(theirs, s, start('team-1', 'garden', [], ['team-2'])).error).toBe('already-started');
    expect(quoteProject(theirs, s, start('team-1', 'garden', [], ['team-3'])).ok).toBe(true);

    // An open offer team-2 -> team-3 for the garden.
    const offered = withOffers(three, offer({}));
    expect(quoteProject(offered, s, start('team-1', 'garden')).ok).toBe(true);
    expect(quoteProject(offered, s, start('team-3', 'garden')).error).toBe('already-started');
    expect(quoteProject(offered, s, start('team-2', 'garden')).error).toBe('already-started');
    expect(quoteProject(offered, s, start('team-1', 'garden', [], ['team-3'])).error).toBe('already-started');
    // Answered offers, and offers for another card, do not count.
    for (const status of ['declined', 'lapsed', 'budget', 'started'] as const) {
      expect(quoteProject(withOffers(three, offer({ status })), s, start('team-3', 'garden')).ok).toBe(true);
    }
    expect(quoteProject(withOffers(three, offer({ card: 'wells' })), s, start('team-3', 'garden')).ok).toBe(true);
  });

  it('needs every prerequisite built by the team itself', () => {
    const center = start('team-1', 'center');
    expect(quoteProject(three, s, center).error).toBe('missing-prerequisite');
    const garden = withProjects(three, project('garden', ['team-1']));
    expect(quoteProject(garden, s, center).error).toBe('missing-prerequisite');
    expect(quoteProject(withProjects(garden, project('hall', ['team-1'], { built: false })), s, center).error).toBe(
      'missing-prerequisite',
    );
    expect(quoteProject(withProjects(garden, project('hall', ['team-2'])), s, center).error).toBe('missing-prerequisite');
    expect(quoteProject(withProjects(garden, project('hall', ['team-1'])), s, center).ok).toBe(true);
  });

  it('closes a dilemma card to anyone who started or offered the card it excludes', () => {
    const fb = start('team-1', 'firebreak');
    const mine = withProjects(three, project('concrete', ['team-1'], { built: false }));
    expect(quoteProject(mine, s, fb).error).toBe('excluded');
    const partner = withProjects(three, project('concrete', ['team-2']));
    expect(quoteProject(partner, s, fb).ok).toBe(true);
    expect(quoteProject(partner, s, start('team-1', 'firebreak', [], ['team-2'])).error).toBe('excluded');
    // Only one way: concrete does not exclude the firebreak.
    expect(quoteProject(withProjects(three, project('firebreak', ['team-1'])), s, start('team-1', 'concrete')).ok).toBe(true);

    // One owner in common is enough.
    const shared = withProjects(three, project('concrete', ['team-2', 'team-3']));
    expect(quoteProject(shared, s, start('team-1', 'firebreak', [], ['team-2'])).error).toBe('excluded');
    const offered = withOffers(three, offer({ card: 'concrete', proposer: 'team-2', partners: ['team-1'] }));
    expect(quoteProject(offered, s, fb).error).toBe('excluded');
    expect(quoteProject(offered, s, start('team-3', 'firebreak')).ok).toBe(true);
    const byProposer = withOffers(three, offer({ card: 'concrete', proposer: 'team-1', partners: ['team-2'] }));
    expect(quoteProject(byProposer, s, fb).error).toBe('excluded');
    const declined = withOffers(three, offer({ card: 'concrete', partners: ['team-1'], status: 'declined' }));
    expect(quoteProject(declined, s, fb).ok).toBe(true);
    const other = withOffers(three, offer({ card: 'sprawl', partners: ['team-1'] }));
    expect(quoteProject(other, s, fb).ok).toBe(true);
  });

  it('checks the levers', () => {
    expect(quoteProject(two, s, start('team-1', 'garden', ['contract', 'contract'])).error).toBe('duplicate-lever');
    expect(quoteProject(two, s, start('team-1', 'garden', ['contract', 'call', 'contract'])).error).toBe('duplicate-lever');
    expect(quoteProject(two, s, start('team-1', 'garden', ['call', 'contract', 'eng'])).ok).toBe(true);
    expect(quoteProject(two, s, start('team-1', 'garden', ['ghost'])).error).toBe('unknown-lever');
    expect(quoteProject(two, s, start('team-1', 'garden', ['ghost', 'ghost'])).error).toBe('duplicate-lever');
    expect(quoteProject(two, s, start('team-1', 'hall', ['call'])).error).toBe('lever-not-eligible');
    expect(quoteProject(two, s, start('team-1', 'garden', ['clause'])).error).toBe('lever-not-eligible');
    expect(quoteProject(two, s, start('team-1', 'hall', ['pool'])).error).toBe('lever-not-eligible');
    expect(quoteProject(two, s, start('team-1', 'garden', ['pool'])).error).toBe('pooling-needs-partner');
    // A deck card the lookup did not index (its card came after the lookup) fits no lever.
    const late = makeScenario({ deckCards: ['garden', 'late'] });
    expect(lookup(late).inDeck.has('late')).toBe(true);
    late.cards.late = card('late');
    expect(quoteProject(planGame(late, 1), late, start('team-1', 'late', ['contract'])).error).toBe('lever-not-eligible');
  });
});

describe('validating and applying own actions', () => {
  let three: GameState;
  let collapsed2: GameState;
  beforeEach(() => {
    three = planGame(s, 3);
    collapsed2 = withTeam(three, 'team-2', { collapsed: true });
  });

  it('passes a start on to its quote', () => {
    expect(validateAction(three, s, start('team-1', 'nope'))).toBe('unknown-card');
    expect(validateAction(three, s, start('team-1', 'garden'))).toBeNull();
  });

  it('checks a pass and an aid', () => {
    expect(validateAction({ ...three, over: true }, s, { type: 'pass', team: 'team-1' })).toBe('game-over');
    expect(validateAction(three, s, { type: 'pass', team: 'team-9' })).toBe('unknown-team');
    expect(validateAction(withTeam(three, 'team-1', { acted: true }), s, { type: 'pass', team: 'team-1' })).toBe('already-acted');
    expect(validateAction(three, s, { type: 'pass', team: 'team-1' })).toBeNull();
    const aidTo = (to: string) => ({ type: 'send-aid', team: 'team-1', to }) as const;
    expect(validateAction(collapsed2, s, aidTo('team-9'))).toBe('bad-partner');
    expect(validateAction(withTeam(three, 'team-1', { collapsed: true }), s, aidTo('team-1'))).toBe('bad-partner');
    expect(validateAction(three, s, aidTo('team-2'))).toBe('not-in-collapse');
    expect(validateAction(withTeam(collapsed2, 'team-1', { budget: 19 }), s, aidTo('team-2'))).toBe('budget');
    expect(validateAction(withTeam(collapsed2, 'team-1', { budget: 20 }), s, aidTo('team-2'))).toBeNull();
    expect(validateAction({ ...collapsed2, over: true }, s, aidTo('team-2'))).toBe('game-over');
  });

  it('throws the rule it breaks', () => {
    expect(ruleError(() => applyAction(three, s, start('team-1', 'stray')))).toBe('card-not-in-deck');
    expect(ruleError(() => applyAction(withTeam(three, 'team-1', { budget: 5 }), s, start('team-1', 'garden')))).toBe('budget');
    expect(ruleError(() => applyAction(three, s, { type: 'pass', team: 'team-9' }))).toBe('unknown-team');
    expect(ruleError(() => applyAction(three, s, { type: 'send-aid', team: 'team-1', to: 'team-2' }))).toBe('not-in-collapse');
  });

  it('a pass ends the team turn and nothing else', () => {
    const after = applyAction(three, s, { type: 'pass', team: 'team-2' });
    expect(after.teams.map((t) => [t.acted, t.moves])).toEqual([
      [false, 0],
      [true, 0],
      [false, 0],
    ]);
    expect(team(after, 'team-1')).toBe(team(three, 'team-1'));
  });

  it('a start on its own is launched', () => {
    const after = applyAction(three, s, start('team-1', 'garden', ['contract', 'call']));
    expect(after.projects.map((p) => [p.id, p.card, p.owners])).toEqual([['p1', 'garden', ['team-1']]]);
    expect(team(after, 'team-1')).toMatchObject({ budget: 180, moves: 1, acted: false });
  });

  it('solidarity aid: 20 k€ and the first need +6 to the commune in collapse, cooperation +2 for both', () => {
    const after = applyAction(collapsed2, s, { type: 'send-aid', team: 'team-1', to: 'team-2' });
    expect(after.aid).toEqual([{ round: 1, from: 'team-1', to: 'team-2', amount: 20 }]);
    // Sender: 200 - 20 = 180, one move (of 3), cooperation 40 + 2 = 42.
    expect(team(after, 'team-1')).toMatchObject({
      budget: 180,
      received: 200,
      moves: 1,
      acted: false,
      indicators: { ...START, cooperation: 42 },
    });
    // Receiver: 200 + 20 = 220 (received too), drink (the weakest, 40) + 6 = 46, cooperation 42; no move used.
    expect(team(after, 'team-2')).toMatchObject({
      budget: 220,
      received: 220,
      moves: 0,
      acted: false,
      collapsed: true,
      indicators: { ...START, drink: 46, cooperation: 42 },
    });
    expect(team(after, 'team-3')).toBe(team(collapsed2, 'team-3'));
  });

  it('aid is a move: the last one ends the turn (the only one in collapse)', () => {
    const third = withTeam(collapsed2, 'team-1', { moves: 2 });
    expect(team(applyAction(third, s, { type: 'send-aid', team: 'team-1', to: 'team-2' }), 'team-1')).toMatchObject({
      moves: 3,
      acted: true,
    });
    const bothDown = withTeam(collapsed2, 'team-1', { collapsed: true });
    expect(team(applyAction(bothDown, s, { type: 'send-aid', team: 'team-1', to: 'team-2' }), 'team-1')).toMatchObject({
      moves: 1,
      acted: true,
    });
  });

  it('aid gains go through the soft ceiling above 60', () => {
    let g = withIndicators(collapsed2, 'team-1', { cooperation: 80 });
    g = withIndicators(g, 'team-2', { cooperation: 70, breathe: 70, drink: 70, eat: 70, move: 70, live: 70 });
    const after = applyAction(g, s, { type: 'send-aid', team: 'team-1', to: 'team-2' });
    // Sender: 80 + 2 * 20 / 40 = 81. Receiver: cooperation 70 + 2 * 30 / 40 = 71.5 -> 72; breathe 70 + 6 * 30 / 40 = 74.5 -> 75.
    expect(team(after, 'team-1').indicators.cooperation).toBe(81);
    expect(team(after, 'team-2').indicators).toMatchObject({ cooperation: 72, breathe: 75, drink: 70 });
  });

  it('aid never takes an indicator above 100', () => {
    // At 100 nothing is left to gain: cooperation stays 100 for both, and breathe (the first of the tied needs) too.
    let g = withIndicators(collapsed2, 'team-1', { cooperation: 100 });
    g = withIndicators(g, 'team-2', { cooperation: 100, breathe: 100, drink: 100, eat: 100, move: 100, live: 100 });
    const after = applyAction(g, s, { type: 'send-aid', team: 'team-1', to: 'team-2' });
    expect(team(after, 'team-1').indicators.cooperation).toBe(100);
    expect(team(after, 'team-2').indicators).toEqual({
      ...START,
      cooperation: 100,
      breathe: 100,
      drink: 100,
      eat: 100,
      move: 100,
      live: 100,
    });
  });

  it('aid with no essential need among the indicators only adds cooperation', () => {
    const bare = makeScenario({ indicatorIds: ['cohesion', 'jobs', 'cooperation'] });
    const g = withTeam(planGame(bare, 2), 'team-2', { collapsed: true });
    const after = applyAction(g, bare, { type: 'send-aid', team: 'team-1', to: 'team-2' });
    expect(team(after, 'team-2').indicators).toEqual({ ...START, cooperation: 42 });
  });
});

describe('launching a project', () => {
  let two: GameState;
  beforeEach(() => {
    two = { ...planGame(s, 2), round: 2 };
  });

  it('records the project, bills the owners, draws on the envelope', () => {
    const action = start('team-1', 'garden', ['contract', 'call']);
    const quote = quoteProject(two, s, action);
    const after = launchProject(two, action, quote, true);
    expect(after.projects).toEqual([
      {
        id: 'p1',
        card: 'garden',
        owners: ['team-1'],
        levers: ['contract', 'call'],
        startedRound: 2,
        // Round 2 + 2 rounds - 1.
        readyRound: 3,
        built: false,
        pooled: false,
        engineeringDays: 0,
        cost: 100,
        paid: { 'team-1': 20 },
        leverPaid: { contract: 45, call: 35 },
      },
    ]);
    expect(team(after, 'team-1')).toMatchObject({ budget: 180, moves: 1, acted: false, leverUsed: { contract: 45, call: 35 } });
    // 90 - 45 = 45; 60 - 35 = 25.
    expect(after.envelope).toEqual({ contract: 45, call: 25, eng: 0, clause: 0, pool: 38 });
    expect(after.engineeringDays).toBe(5);
    expect(team(after, 'team-2')).toBe(team(two, 'team-2'));

    // A second start the same round: shop, contract 14 -> used 45 + 14 = 59, envelope 45 - 14 = 31.
    const shop = start('team-1', 'shop', ['contract']);
    const second = launchProject(after, shop, quoteProject(after, s, shop), true);
    expect(second.projects.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(team(second, 'team-1')).toMatchObject({ budget: 164, moves: 2, acted: false, leverUsed: { contract: 59, call: 35 } });
    expect(second.envelope.contract).toBe(31);
    // The third move ends the turn: hall 50 -> 114 left.
    const hall = start('team-1', 'hall');
    const third = launchProject(second, hall, quoteProject(second, s, hall), true);
    expect(team(third, 'team-1')).toMatchObject({ budget: 114, moves: 3, acted: true });
  });

  it('takes the engineering days and keeps the other levers used', () => {
    const g = withTeam(two, 'team-1', { leverUsed: { pool: 7 } });
    const action = start('team-1', 'wells', ['eng', 'contract']);
    const after = launchProject(g, action, quoteProject(g, s, action), true);
    // 5 - 2 days = 3; contract 36.
    expect(after.engineeringDays).toBe(3);
    expect(team(after, 'team-1').leverUsed).toEqual({ pool: 7, contract: 36 });
    expect(after.projects[0]).toMatchObject({ engineeringDays: 2, readyRound: 3 });
  });

  it('bills every owner; charges each a move only when asked, keeping a turn already over', () => {
    const action = start('team-1', 'garden', ['contract', 'call'], ['team-2']);
    const quote = quoteProject(two, s, action);
    const quiet = launchProject(two, action, quote, false);
    expect(quiet.teams.map((t) => [t.budget, t.moves, t.acted])).toEqual([
      [190, 0, false],
      [190, 0, false],
    ]);
    expect(team(quiet, 'team-2').leverUsed).toEqual({});
    expect(quiet.projects[0]).toMatchObject({ owners: ['team-1', 'team-2'], pooled: true, readyRound: 4 });
    const done = withTeam(two, 'team-2', { acted: true });
    const charged = launchProject(done, action, quote, true);
    expect(charged.teams.map((t) => [t.moves, t.acted])).toEqual([
      [1, false],
      [1, true],
    ]);
  });
});

describe('cards open to a team', () => {
  let g: GameState;
  beforeEach(() => {
    g = planGame(s, 2);
  });
  const ids = (state: GameState, teamId: string) => cardsOpenTo(state, s, teamId).map((c) => c.id);

  it('is the deck, less what needs a prerequisite built', () => {
    expect(ids(g, 'team-1')).toEqual(['garden', 'wells', 'hall', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce']);
  });

  it('drops what the team started and what that excludes; opens a card once its prerequisites are built', () => {
    const h = withProjects(g, project('garden', ['team-1'], { built: false }), project('concrete', ['team-1']));
    expect(ids(h, 'team-1')).toEqual(['wells', 'hall', 'shop', 'sprawl', 'coalition', 'ptce']);
    expect(ids(h, 'team-2')).toEqual(['garden', 'wells', 'hall', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce']);
    const built = withProjects(g, project('garden', ['team-1']), project('hall', ['team-1']));
    expect(ids(built, 'team-1')).toEqual(['wells', 'center', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce']);
  });

  it('follows one start after another from the cards it had open (a start renews only its owners)', () => {
    ids(g, 'team-1');
    ids(g, 'team-2');
    const one = withProjects(g, project('concrete', ['team-1', 'team-2'], { built: false }));
    expect(ids(one, 'team-1')).toEqual(['garden', 'wells', 'hall', 'shop', 'sprawl', 'coalition', 'ptce']);
    expect(ids(one, 'team-2')).toEqual(['garden', 'wells', 'hall', 'shop', 'sprawl', 'coalition', 'ptce']);
    const two = withProjects(one, project('garden', ['team-1'], { built: false }));
    expect(ids(two, 'team-1')).toEqual(['wells', 'hall', 'shop', 'sprawl', 'coalition', 'ptce']);
    expect(ids(two, 'team-2')).toEqual(['garden', 'wells', 'hall', 'shop', 'sprawl', 'coalition', 'ptce']);
    expect(cardsOfTeam(two, s, 'team-1').started).toEqual(['concrete', 'garden']);
  });

  it('skips a deck entry with no card', () => {
    const odd = makeScenario({ deckCards: ['ghost', 'hall'] });
    expect(cardsOpenTo(planGame(odd, 1), odd, 'team-1').map((c) => c.id)).toEqual(['hall']);
  });
});
