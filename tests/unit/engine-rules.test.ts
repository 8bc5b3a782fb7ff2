/**
 * The rules one at a time, on periurban-brownfield (scenarios/periurban-brownfield.json
 * and scenarios/library): start indicators breathe 55, drink 62, eat 44, move 31,
 * live 34, cohesion 37, jobs 27, cooperation 35; budget 55 k€, income 22 k€;
 * pressures jobs -2, move -1, live -1, cohesion -1; collapse at 10.
 * The Department's envelopes for one commune: contract 45 % (70 k€), call for
 * projects 35 % (50 k€), pooling 30 % (90 k€), 4 engineering days; half as
 * much again for each further commune of the table.
 * Communes, in team order: vallaurac-sur-lisse (town, industrial),
 * saint-romain-de-lisse (wetland, farmland), cantegrive (town, forest),
 * saint-jean-des-jalles (farmland), peyrelade, montaut. Cantegrive borders
 * Vallaurac and Saint-Romain, not Saint-Jean.
 * Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  applyAction,
  applyEvent,
  applyHazard,
  cardsOfTeam,
  cardsOpenTo,
  closeRound,
  createGame,
  GameRuleError,
  implementProjects,
  mitigationFor,
  overallResilience,
  quoteProject,
  scoreTeam,
  validateAction,
} from '../../src/engine/index.ts';
import type { GameState, Indicators, Project, TeamState } from '../../src/engine/types.ts';
import { MONEY, pass, scenario, start, withBudget } from './helpers.ts';

const s = scenario('periurban-brownfield');

function game(teams = 1, budget?: number): GameState {
  const g = createGame(s, { seed: 1, teams: Array.from({ length: teams }, (_, i) => `T${i + 1}`) });
  return budget === undefined ? g : withBudget(g, budget);
}

const START: Indicators = { breathe: 55, drink: 62, eat: 44, move: 31, live: 34, cohesion: 37, jobs: 27, cooperation: 35 };

/** Changes one team's indicators (or anything else of it). */
function withTeam(g: GameState, id: string, change: Partial<TeamState> & { set?: Partial<Indicators> }): GameState {
  const { set, ...rest } = change;
  return {
    ...g,
    teams: g.teams.map((t) => (t.id === id ? { ...t, ...rest, indicators: { ...t.indicators, ...set } } : t)),
  };
}

/** A project already built for team-1, for rules that read built projects only. */
function built(card: string, id: string): Project {
  return {
    id,
    card,
    engineeringDays: 0,
    owners: ['team-1'],
    levers: [],
    startedRound: 1,
    readyRound: 1,
    built: true,
    pooled: false,
    cost: 0,
    paid: {},
    leverPaid: {},
  };
}

function team(g: GameState, id = 'team-1'): TeamState {
  const t = g.teams.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
}

function refused(run: () => unknown): string | null {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GameRuleError);
    return (error as GameRuleError).code;
  }
  return null;
}

describe('creating a game', () => {
  it('starts every team with the scenario indicators and budget, each running the next commune of the territory', () => {
    const g = createGame(s, { seed: 42, teams: ['A', 'B'] });
    expect(g.teams.map((t) => t.indicators)).toEqual([START, START]);
    expect(g.teams.map((t) => [t.commune, t.budget, t.received])).toEqual([
      ['vallaurac-sur-lisse', 55, 55],
      ['saint-romain-de-lisse', 55, 55],
    ]);
    expect(g).toMatchObject({ round: 1, rounds: 7, phase: 'diagnose', over: false, pendingHazard: null, difficulty: 'normal' });
    expect(g.aid).toEqual([]);
    const six = createGame(s, { seed: 1, teams: ['A', 'B', 'C', 'D', 'E', 'F'] });
    expect(six.teams.map((t) => t.commune)).toEqual([
      'vallaurac-sur-lisse',
      'saint-romain-de-lisse',
      'cantegrive',
      'saint-jean-des-jalles',
      'peyrelade',
      'montaut',
    ]);
  });

  it('scales the budget by difficulty: 66 easy, 47 hard', () => {
    // 55 * 1.2 = 66; 55 * 0.85 = 46.75 -> 47.
    const easy = createGame(s, { seed: 1, teams: ['A'], difficulty: 'easy' });
    const hard = createGame(s, { seed: 1, teams: ['A'], difficulty: 'hard' });
    expect([team(easy).budget, team(easy).received]).toEqual([66, 66]);
    expect([team(hard).budget, team(hard).received]).toEqual([47, 47]);
  });

  it('opens the Department’s envelopes for the whole table: the amount for one commune, half as much again per further one', () => {
    // One commune: the scenario's caps and 4 days.
    expect(game(1)).toMatchObject({
      envelope: {
        'solidarity-territory-contract': 70,
        'call-for-projects': 50,
        'departmental-engineering': 0,
        'integration-clause': 0,
        'pooling-neighbours': 90,
      },
      engineeringDays: 4,
    });
    // Three communes: x (1 + 0.5 * 2) = x 2: 140, 100, 180 k€ and 8 days.
    expect(game(3)).toMatchObject({
      envelope: { 'solidarity-territory-contract': 140, 'call-for-projects': 100, 'pooling-neighbours': 180 },
      engineeringDays: 8,
    });
    // Six: x 3.5: 245, 175, 315 k€ and 14 days.
    expect(game(6)).toMatchObject({
      envelope: { 'solidarity-territory-contract': 245, 'call-for-projects': 175, 'pooling-neighbours': 315 },
      engineeringDays: 14,
    });
    // market-town-drought, two communes (x 1.5): call for projects 45 -> 67.5 -> 68, engineering 40 -> 60, 4 days -> 6.
    const market = createGame(scenario('market-town-drought'), { seed: 1, teams: ['A', 'B'] });
    expect(market.envelope).toMatchObject({
      'call-for-projects': 68,
      'departmental-engineering': 60,
      'integration-clause': 45,
    });
    expect(market.engineeringDays).toBe(6);
  });
});

describe('quotes and levers', () => {
  it('community-garden (20 k€): contract 45 % -> 9, call for projects 35 % -> 7, the team pays 4', () => {
    const q = quoteProject(game(), s, start('team-1', 'community-garden', MONEY));
    expect(q).toEqual({
      ok: true,
      cost: 20,
      leverPaid: { 'solidarity-territory-contract': 9, 'call-for-projects': 7 },
      shares: { 'team-1': 4 },
      duration: 1,
      pooled: false,
      engineeringDays: 0,
    });
  });

  it('housing-renovation (120 k€): levers stop at 80 % of the cost, 96 k€', () => {
    // Contract round(54) = 54; call round(42) = 42 within the 96 - 54 left; the team pays 24.
    const q = quoteProject(game(), s, start('team-1', 'housing-renovation', MONEY));
    expect(q.leverPaid).toEqual({ 'solidarity-territory-contract': 54, 'call-for-projects': 42 });
    expect(q.shares).toEqual({ 'team-1': 24 });
    expect(q.duration).toBe(2);
  });

  it('a lever pays no more than what is left of its envelope this round; three moves end the turn', () => {
    // housing-renovation: 54 + 42, the team pays 24: 55 - 24 = 31; the envelopes keep 70 - 54 = 16 and 50 - 42 = 8.
    let g = applyAction(game(), s, start('team-1', 'housing-renovation', MONEY));
    expect(team(g).budget).toBe(31);
    expect(team(g).leverUsed).toEqual({ 'solidarity-territory-contract': 54, 'call-for-projects': 42 });
    expect(g.envelope).toMatchObject({ 'solidarity-territory-contract': 16, 'call-for-projects': 8 });
    // solidarity-garage, 35 k€: contract round(15.75) = 16, all that is left; call round(12.25) = 12 but 8 left.
    // 35 - 24 = 11 for the team: 31 - 11 = 20.
    const q = quoteProject(g, s, start('team-1', 'solidarity-garage', MONEY));
    expect(q.leverPaid).toEqual({ 'solidarity-territory-contract': 16, 'call-for-projects': 8 });
    expect(q.shares).toEqual({ 'team-1': 11 });
    g = applyAction(g, s, start('team-1', 'solidarity-garage', MONEY));
    expect(team(g).budget).toBe(20);
    expect(g.envelope).toMatchObject({ 'solidarity-territory-contract': 0, 'call-for-projects': 0 });
    // Both envelopes are empty: community-garden's 9 and 7 become 0 and 0; the team pays all 20.
    g = applyAction(g, s, start('team-1', 'community-garden', MONEY));
    expect(g.projects[2]?.leverPaid).toEqual({ 'solidarity-territory-contract': 0, 'call-for-projects': 0 });
    expect(team(g).budget).toBe(0);
    // Three moves: the team's turn is over, and a pass is refused.
    expect(team(g)).toMatchObject({ moves: 3, acted: true });
    expect(refused(() => applyAction(g, s, pass('team-1')))).toBe('already-acted');
    // The next round, the envelopes are full again: 70 and 50.
    const next = closeRound(g, s);
    expect(team(next).leverUsed).toEqual({});
    expect(next.envelope).toMatchObject({ 'solidarity-territory-contract': 70, 'call-for-projects': 50 });
  });

  it('the envelopes are shared: what one commune draws is short for the next in the same round, and full again the next round', () => {
    // Two communes: contract round(70 * 1.5) = 105, call round(50 * 1.5) = 75.
    let g = game(2);
    // team-1, housing-renovation (120 k€): contract 54, call 42 (80 % cap 96), pays 24: 55 - 24 = 31. Left: 51 and 33.
    g = applyAction(g, s, start('team-1', 'housing-renovation', MONEY));
    expect(g.envelope).toMatchObject({ 'solidarity-territory-contract': 51, 'call-for-projects': 33 });
    // team-2, the same card: contract min(54, 51 left) = 51; call min(42, 33 left, 96 - 51 = 45) = 33; pays 120 - 84 = 36.
    const q = quoteProject(g, s, start('team-2', 'housing-renovation', MONEY));
    expect(q.leverPaid).toEqual({ 'solidarity-territory-contract': 51, 'call-for-projects': 33 });
    expect(q.shares).toEqual({ 'team-2': 36 });
    g = applyAction(g, s, start('team-2', 'housing-renovation', MONEY));
    expect(g.teams.map((t) => t.budget)).toEqual([31, 19]);
    expect(g.teams.map((t) => t.leverUsed)).toEqual([
      { 'solidarity-territory-contract': 54, 'call-for-projects': 42 },
      { 'solidarity-territory-contract': 51, 'call-for-projects': 33 },
    ]);
    expect(g.envelope).toMatchObject({ 'solidarity-territory-contract': 0, 'call-for-projects': 0 });
    // Nothing left for team-1's next start this round.
    expect(quoteProject(g, s, start('team-1', 'community-garden', MONEY)).leverPaid).toEqual({
      'solidarity-territory-contract': 0,
      'call-for-projects': 0,
    });
    // closeRound refills them: 105 and 75, community-garden gets its 9 and 7 again.
    const next = closeRound(g, s);
    expect(next.envelope).toEqual({
      'solidarity-territory-contract': 105,
      'call-for-projects': 75,
      'departmental-engineering': 0,
      'integration-clause': 0,
      'pooling-neighbours': 135,
    });
    expect(quoteProject(next, s, start('team-1', 'community-garden', MONEY)).leverPaid).toEqual({
      'solidarity-territory-contract': 9,
      'call-for-projects': 7,
    });
  });

  it('refuses a lever the card is not eligible for, a duplicate lever and an unknown one', () => {
    // logistics-warehouse has no tag and a local authority behind it: the contract does not apply.
    expect(quoteProject(game(), s, start('team-1', 'logistics-warehouse', ['solidarity-territory-contract'])).error).toBe(
      'lever-not-eligible',
    );
    expect(quoteProject(game(), s, start('team-1', 'community-garden', ['call-for-projects', 'call-for-projects'])).error).toBe(
      'duplicate-lever',
    );
    expect(quoteProject(game(), s, start('team-1', 'community-garden', ['lottery'])).error).toBe('unknown-lever');
    expect(quoteProject(game(), s, start('team-1', 'no-such-card')).error).toBe('unknown-card');
    // water-saving-network is a library card this scenario's deck does not hold.
    expect(quoteProject(game(), s, start('team-1', 'water-saving-network')).error).toBe('card-not-in-deck');
  });

  it('refuses the pooling lever on a start without partners', () => {
    expect(quoteProject(game(2), s, start('team-1', 'solidarity-transport', ['pooling-neighbours'])).error).toBe(
      'pooling-needs-partner',
    );
    // With a partner: 30 % of 25 = 7.5 -> 8 from the pooling envelope.
    const q = quoteProject(game(2), s, start('team-1', 'solidarity-transport', ['pooling-neighbours'], ['team-2']));
    expect(q).toMatchObject({ ok: true, pooled: true, leverPaid: { 'pooling-neighbours': 8 } });
  });

  it('tzcld-company needs departmental engineering, which takes a round off its 2 and 2 of the Department’s days', () => {
    expect(quoteProject(game(), s, start('team-1', 'tzcld-company', MONEY)).error).toBe('needs-engineering');
    // 130 k€: contract round(58.5) = 59; call round(45.5) = 46 but floor(104) - 59 = 45 left under the 80 % cap; pays 26.
    const q = quoteProject(game(), s, start('team-1', 'tzcld-company', ['departmental-engineering', ...MONEY]));
    expect(q).toMatchObject({
      ok: true,
      duration: 1,
      engineeringDays: 2,
      shares: { 'team-1': 26 },
      leverPaid: { 'solidarity-territory-contract': 59, 'call-for-projects': 45 },
    });
    // A card that does not need it may still ask for it: community-garden keeps its 1 round and takes its 1 day.
    expect(quoteProject(game(), s, start('team-1', 'community-garden', ['departmental-engineering']))).toMatchObject({
      ok: true,
      duration: 1,
      engineeringDays: 1,
    });
    expect(quoteProject(game(), s, start('team-1', 'community-garden'))).toMatchObject({ ok: true, engineeringDays: 0 });
  });

  it('engineering days run out for the whole table, and come back the next round', () => {
    // Two communes: round(4 * 1.5) = 6 days.
    let g = game(2);
    expect(g.engineeringDays).toBe(6);
    const ENG = ['departmental-engineering', ...MONEY];
    // team-1: tzcld-company (2 days) -> 4; youth-service-cooperative (1) -> 3; community-garden (1) -> 2.
    g = applyAction(g, s, start('team-1', 'tzcld-company', ENG));
    expect(g.engineeringDays).toBe(4);
    expect(g.projects[0]).toMatchObject({ card: 'tzcld-company', engineeringDays: 2, readyRound: 1 });
    g = applyAction(g, s, start('team-1', 'youth-service-cooperative', ENG));
    g = applyAction(g, s, start('team-1', 'community-garden', ENG));
    expect(g.engineeringDays).toBe(2);
    // team-2: neighbour-solidarity-network (1) -> 1 day left.
    g = applyAction(g, s, start('team-2', 'neighbour-solidarity-network', ENG));
    expect(g.engineeringDays).toBe(1);
    // tzcld-company needs 2 days and cannot go without them.
    expect(quoteProject(g, s, start('team-2', 'tzcld-company', ENG)).error).toBe('no-engineering-days');
    expect(quoteProject(g, s, start('team-2', 'tzcld-company', MONEY)).error).toBe('needs-engineering');
    // The last day still serves a one-day card.
    expect(quoteProject(g, s, start('team-2', 'producer-shop', ['departmental-engineering']))).toMatchObject({
      ok: true,
      engineeringDays: 1,
    });
    const next = closeRound(g, s);
    expect(next.engineeringDays).toBe(6);
    expect(quoteProject(next, s, start('team-2', 'tzcld-company', ENG))).toMatchObject({ ok: true, engineeringDays: 2 });
  });

  it('ptce needs two partners, an SSE ecosystem of its proposer and departmental engineering', () => {
    let g = game(3);
    expect(quoteProject(g, s, start('team-1', 'ptce', ['departmental-engineering'])).error).toBe('needs-partners');
    expect(quoteProject(g, s, start('team-1', 'ptce', ['departmental-engineering'], ['team-2'])).error).toBe('needs-partners');
    const ptce = start('team-1', 'ptce', ['departmental-engineering', 'pooling-neighbours'], ['team-2', 'team-3']);
    // No built project yet: no ecosystem.
    expect(quoteProject(g, s, ptce).error).toBe('needs-ecosystem');
    // community-garden (an association) alone is one SSE type.
    g = implementProjects(applyAction(g, s, start('team-1', 'community-garden', MONEY)), s);
    expect(quoteProject(g, s, ptce).error).toBe('needs-ecosystem');
    // youth-service-cooperative (a cooperative) makes two; each paid 4 (9 + 7 from the levers): 55 - 8 = 47.
    g = implementProjects(applyAction(g, s, start('team-1', 'youth-service-cooperative', MONEY)), s);
    expect(g.projects.map((p) => p.built)).toEqual([true, true]);
    expect(quoteProject(g, s, { ...ptce, levers: ['pooling-neighbours'] }).error).toBe('needs-engineering');
    // 90 k€: pooling 30 % = 27 (of 180); 63 left, 21 each. 3 rounds - 1 (engineering) + 1 (pooled) = 3; 2 days.
    expect(quoteProject(g, s, ptce)).toMatchObject({
      ok: true,
      cost: 90,
      duration: 3,
      pooled: true,
      engineeringDays: 2,
      leverPaid: { 'pooling-neighbours': 27 },
      shares: { 'team-1': 21, 'team-2': 21, 'team-3': 21 },
    });
    // The ecosystem is the proposer's: team-2 has built nothing.
    expect(quoteProject(g, s, start('team-2', 'ptce', ['departmental-engineering'], ['team-1', 'team-3'])).error).toBe(
      'needs-ecosystem',
    );
  });

  // Suspected src bug (reported, not fixed here): quoteProject rounds cost * share in binary floating point, and
  // 90 * 0.35 is 31.499999999999996 there, so a 90 k€ card gets 31 from the call for projects instead of 32.
  it('a lever pays its share rounded half up: ptce (90 k€) and the call for projects, 35 % = 31.5 -> 32', () => {
    let g = game(3);
    g = implementProjects(applyAction(g, s, start('team-1', 'community-garden', MONEY)), s);
    g = implementProjects(applyAction(g, s, start('team-1', 'youth-service-cooperative', MONEY)), s);
    const q = quoteProject(
      g,
      s,
      start('team-1', 'ptce', ['departmental-engineering', 'call-for-projects'], ['team-2', 'team-3']),
    );
    expect(q.leverPaid).toEqual({ 'call-for-projects': 32 });
  });

  it('refuses a project the team cannot afford and leaves the state untouched', () => {
    const g = game(1, 10);
    expect(quoteProject(g, s, start('team-1', 'community-garden')).error).toBe('budget');
    expect(() => applyAction(g, s, start('team-1', 'community-garden'))).toThrow(GameRuleError);
    expect(team(g).budget).toBe(10);
    expect(g.projects).toEqual([]);
    expect(g.envelope['solidarity-territory-contract']).toBe(70);
  });

  it('enforces prerequisites: tzcld-energy-helpers needs a built tzcld-company', () => {
    expect(quoteProject(game(), s, start('team-1', 'tzcld-energy-helpers')).error).toBe('missing-prerequisite');
    expect(cardsOpenTo(game(), s, 'team-1').map((c) => c.id)).not.toContain('tzcld-energy-helpers');
    // 26 deck cards, all open but tzcld-energy-helpers.
    expect(cardsOpenTo(game(), s, 'team-1')).toHaveLength(25);
  });

  it('a dilemma: once forges-hall-food-hub is started, forges-hall-housing is closed to that commune, not to the others', () => {
    // 85 k€: contract round(38.25) = 38, call round(29.75) = 30 (the 80 % cap is 68): the team pays 17.
    const g = applyAction(game(2), s, start('team-1', 'forges-hall-food-hub', MONEY));
    expect(team(g).budget).toBe(38);
    expect(quoteProject(g, s, start('team-1', 'forges-hall-housing')).error).toBe('excluded');
    expect(cardsOpenTo(g, s, 'team-1').map((c) => c.id)).not.toContain('forges-hall-housing');
    expect(cardsOpenTo(g, s, 'team-1')).toHaveLength(23);
    expect(quoteProject(g, s, start('team-2', 'forges-hall-housing', MONEY)).ok).toBe(true);
  });

  it('records the project and takes the team’s share', () => {
    // integration-worksite, 65 k€: contract round(29.25) = 29, call round(22.75) = 23 = the 80 % cap of 52; the team pays 13.
    // Engineering takes its 2 rounds down to 1 and 1 of the 4 days.
    const g = applyAction(game(), s, start('team-1', 'integration-worksite', ['departmental-engineering', ...MONEY]));
    expect(team(g).budget).toBe(42);
    expect(g.projects).toEqual([
      {
        id: 'p1',
        card: 'integration-worksite',
        owners: ['team-1'],
        levers: ['departmental-engineering', ...MONEY],
        startedRound: 1,
        readyRound: 1,
        built: false,
        pooled: false,
        engineeringDays: 1,
        cost: 65,
        paid: { 'team-1': 13 },
        leverPaid: { 'solidarity-territory-contract': 29, 'call-for-projects': 23 },
      },
    ]);
    expect(g.engineeringDays).toBe(3);
    expect(g.envelope).toMatchObject({ 'solidarity-territory-contract': 41, 'call-for-projects': 27 });
    expect(quoteProject(g, s, start('team-1', 'integration-worksite')).error).toBe('already-started');
  });
});

describe('pooling', () => {
  it('splits shared-mobility-scic (75 k€) three ways, 25 each, one move each, a round longer', () => {
    const g = applyAction(game(3), s, start('team-1', 'shared-mobility-scic', [], ['team-2', 'team-3']));
    expect(g.projects[0]).toMatchObject({ owners: ['team-1', 'team-2', 'team-3'], pooled: true, readyRound: 3 });
    // 55 - 25.
    expect(g.teams.map((t) => t.budget)).toEqual([30, 30, 30]);
    expect(g.teams.map((t) => t.moves)).toEqual([1, 1, 1]);
  });

  it('the proposer pays the odd k€: 38 and 37', () => {
    const g = applyAction(game(2), s, start('team-1', 'shared-mobility-scic', [], ['team-2']));
    // 55 - 38, 55 - 37.
    expect(g.teams.map((t) => t.budget)).toEqual([17, 18]);
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
    expect(team(closed).indicators).toMatchObject({ cooperation: 41, cohesion: 42, move: 36 });
  });
});

describe('building', () => {
  it('adds the integration clause bonus (jobs +4, cohesion +1) to public works', () => {
    // integration-worksite with the contract and the call: the team pays 13.
    const started = applyAction(game(), s, start('team-1', 'integration-worksite', ['integration-clause', ...MONEY]));
    const g = implementProjects({ ...started, round: 2 }, s);
    // integration-worksite: jobs 27 + 7 + 4, cohesion 37 + 3 + 1, breathe 55 + 3.
    expect(team(g).indicators).toEqual({ ...START, jobs: 38, cohesion: 41, breathe: 58 });
  });

  it('the last points are the hardest: a gain on an indicator above 60 is scaled by the room left over 40', () => {
    // community-garden: eat +4, cohesion +5, breathe +2.
    const g0 = withTeam(applyAction(game(), s, start('team-1', 'community-garden')), 'team-1', {
      set: { eat: 60, cohesion: 70, breathe: 98 },
    });
    const g = implementProjects(g0, s);
    // eat at 60 takes its whole +4 -> 64; cohesion 70 + 5 * 30/40 = 73.75 -> 74; breathe 98 + 2 * 2/40 = 98.1 -> 98.
    expect(team(g).indicators).toMatchObject({ eat: 64, cohesion: 74, breathe: 98 });
  });

  it('a loss is never softened, and no indicator falls below 0', () => {
    // heatwave on breathe 98: -9 * 0.7 * (1 - 0.0875) = -5.75 -> 92.25 -> 92.
    const hot = applyHazard(withTeam(game(), 'team-1', { set: { breathe: 98 } }), s, 'heatwave');
    expect(team(hot).indicators.breathe).toBe(92);
    // fuel-price-spike on move 3: 3 - 6.39 -> 0.
    const fuel = applyHazard(withTeam(game(), 'team-1', { set: { move: 3 } }), s, 'fuel-price-spike');
    expect(team(fuel).indicators.move).toBe(0);
    expect(fuel.hazards[0]?.effects['team-1']?.impacts.move).toBe(-3);
  });
});

describe('hazards and mitigation', () => {
  it('fuel-price-spike strikes the whole territory: at normal (x0.7), cooperation 35 absorbs 8.75 %', () => {
    const after = applyHazard(game(2), s, 'fuel-price-spike');
    // move 31 - 10*0.7*0.9125 = 24.61 -> 25; live 34 - 1.92 -> 32; cohesion 37 - 1.28 -> 36.
    expect(team(after).indicators).toEqual({ ...START, move: 25, live: 32, cohesion: 36 });
    expect(after.hazards).toEqual([
      {
        round: 1,
        hazard: 'fuel-price-spike',
        injected: false,
        effects: {
          'team-1': { impacts: { move: -6, live: -2, cohesion: -1 }, exposure: 1, mitigation: 0.09 },
          'team-2': { impacts: { move: -6, live: -2, cohesion: -1 }, exposure: 1, mitigation: 0.09 },
        },
      },
    ]);
  });

  it('storm strikes Cantegrive head-on, spills 0.3 to its neighbours, spares Saint-Jean', () => {
    // Four communes: team-3 runs Cantegrive (its forest); Vallaurac and Saint-Romain border it; Saint-Jean does not.
    const after = applyHazard(game(4), s, 'storm');
    // Exposure of a neighbour: 0.3 x (1 - Cantegrive's mitigation 0.0875) = 0.27375 -> 0.27.
    // Head-on (1): live 34 - 9*0.7*0.9125 = 28.25 -> 28; move 31 - 5.11 -> 26; jobs 27 - 1.92 -> 25.
    // Spill (0.27): live 34 - 6.3*0.27*0.9125 = 32.45 -> 32; move 31 - 1.38 -> 30; jobs 27 - 0.52 -> 26.
    expect(after.hazards[0]?.effects).toEqual({
      'team-1': { impacts: { live: -2, move: -1, jobs: -1 }, exposure: 0.27, mitigation: 0.09 },
      'team-2': { impacts: { live: -2, move: -1, jobs: -1 }, exposure: 0.27, mitigation: 0.09 },
      'team-3': { impacts: { live: -6, move: -5, jobs: -2 }, exposure: 1, mitigation: 0.09 },
      'team-4': { impacts: { live: 0, move: 0, jobs: 0 }, exposure: 0, mitigation: 0.09 },
    });
    expect(after.teams[3]?.indicators).toEqual(START);
  });

  it('a struck neighbour’s built shield reduces what spills over from it', () => {
    // team-3 (Cantegrive) builds neighbour-solidarity-network (storm 0.15; cooperation +3 -> 38, live +2, cohesion +8).
    const g = implementProjects(applyAction(game(4), s, start('team-3', 'neighbour-solidarity-network')), s);
    expect(mitigationFor(g, s, team(g, 'team-3'), 'storm')).toBeCloseTo(0.245, 10);
    const after = applyHazard(g, s, 'storm');
    const effects = after.hazards[0]?.effects;
    // The spill: 0.3 x (1 - (38/400 + 0.15)) = 0.3 x 0.755 = 0.2265 -> 0.23, against 0.27 without the shield:
    // live 34 - 6.3*0.23*0.9125 = 32.68 -> 33; move 31 - 1.18 -> 30; jobs 27 - 0.44 -> 27.
    expect(effects?.['team-1']).toEqual({ impacts: { live: -1, move: -1, jobs: 0 }, exposure: 0.23, mitigation: 0.09 });
    expect(effects?.['team-2']?.exposure).toBe(0.23);
    // Cantegrive itself: live 36 - 6.3*0.755 = 31.24 -> 31; move 31 - 4.23 -> 27; jobs 27 - 1.59 -> 25.
    expect(effects?.['team-3']).toEqual({ impacts: { live: -5, move: -4, jobs: -2 }, exposure: 1, mitigation: 0.25 });
    expect(effects?.['team-4']?.exposure).toBe(0);
  });

  it('a struck commune no team plays stops nothing: the whole spill reaches its neighbour', () => {
    // One team, in Vallaurac: storm strikes Cantegrive, which nobody runs. 0.3 x (1 - 0) = 0.3.
    const after = applyHazard(game(1), s, 'storm');
    expect(after.hazards[0]?.effects['team-1']?.exposure).toBe(0.3);
    // Vallaurac holds no wetland: river-flood reaches it from Saint-Romain, run by team-2 here: 0.5 x 0.9125 = 0.45625 -> 0.46.
    expect(applyHazard(game(2), s, 'river-flood').hazards[0]?.effects['team-1']?.exposure).toBe(0.46);
  });

  it('a shield protects only against what it lists', () => {
    // shared-mobility-scic (75 k€): contract round(33.75) = 34, call round(26.25) = 26, the 80 % cap of 60; the team pays 15.
    const g = implementProjects({ ...applyAction(game(), s, start('team-1', 'shared-mobility-scic', MONEY)), round: 2 }, s);
    const me = team(g);
    // Cooperation 35 + 4 = 39: 0.0975, plus the card's 0.35 against fuel and 0.25 against the rail cut.
    expect(mitigationFor(g, s, me, 'fuel-price-spike')).toBeCloseTo(0.4475, 10);
    expect(mitigationFor(g, s, me, 'rail-service-cut')).toBeCloseTo(0.3475, 10);
    // energy-price-spike is of the same kind as the fuel spike: the card does not list it, it does not shield it.
    expect(mitigationFor(g, s, me, 'energy-price-spike')).toBeCloseTo(0.0975, 10);
    expect(mitigationFor(g, s, me, 'heatwave')).toBeCloseTo(0.0975, 10);
  });

  it('a library card keeps only the protections its scenario’s deck can draw', () => {
    // The library's integration-worksite lists forest-fire 0.35, river-flood 0.2 and coastal-erosion 0.2;
    // periurban-brownfield never draws coastal erosion, coastal-estuary does.
    expect(s.cards['integration-worksite']?.mitigates).toEqual([
      { hazard: 'forest-fire', share: 0.35 },
      { hazard: 'river-flood', share: 0.2 },
    ]);
    expect(scenario('coastal-estuary').cards['integration-worksite']?.mitigates).toContainEqual({
      hazard: 'coastal-erosion',
      share: 0.2,
    });
    const g = { ...game(), projects: [built('integration-worksite', 'b1')] };
    expect(mitigationFor(g, s, team(g), 'coastal-erosion')).toBeCloseTo(0.0875, 10);
    expect(mitigationFor(g, s, team(g), 'forest-fire')).toBeCloseTo(0.4375, 10);
  });

  it('an aggravating trap card makes its hazard worse, where it strikes and where it spills', () => {
    // river-flood strikes the wetland of Saint-Romain (team-2), and spills 0.5 to Vallaurac (team-1).
    // Without the trap: team-2 live 34 - 12*0.7*0.9125 = 26.34 -> 26; move 31 - 4.47 -> 27; eat 44 - 2.56 -> 41.
    const plain = applyHazard(game(2), s, 'river-flood').hazards[0]?.effects;
    expect(plain?.['team-2']).toEqual({ impacts: { live: -8, move: -4, eat: -3 }, exposure: 1, mitigation: 0.09 });
    // team-2 builds palus-retail-park (45 k€, no lever): jobs +6, eat +3 -> 47, cohesion -3, move -2 -> 29;
    // it aggravates river-flood by 0.35: mitigation 0.0875 - 0.35 = -0.2625, the impact grows by 26.25 %.
    const g = implementProjects(applyAction(game(2), s, start('team-2', 'palus-retail-park')), s);
    expect(team(g, 'team-2')).toMatchObject({ budget: 10, indicators: { ...START, jobs: 33, eat: 47, cohesion: 34, move: 29 } });
    expect(mitigationFor(g, s, team(g, 'team-2'), 'river-flood')).toBeCloseTo(-0.2625, 10);
    const trapped = applyHazard(g, s, 'river-flood').hazards[0]?.effects;
    // live 34 - 12*0.7*1.2625 = 23.40 -> 23; move 29 - 6.19 -> 23; eat 47 - 3.54 -> 43.
    expect(trapped?.['team-2']).toEqual({ impacts: { live: -11, move: -6, eat: -4 }, exposure: 1, mitigation: -0.26 });
    // A negative mitigation stops nothing at the source: the spill is the whole 0.5, against 0.46 without the trap.
    expect(plain?.['team-1']?.exposure).toBe(0.46);
    expect(trapped?.['team-1']?.exposure).toBe(0.5);
  });

  it('never mitigates more than 85 %', () => {
    const g = withTeam(game(), 'team-1', { set: { cooperation: 100 } });
    const me = team(g);
    // Cooperation 100: 0.25, plus housing-renovation's 0.45 against the energy price spike: 0.7.
    const one = { ...g, projects: [built('housing-renovation', 'b1')] };
    expect(mitigationFor(one, s, me, 'energy-price-spike')).toBeCloseTo(0.7, 10);
    // citizen-solar-scic adds 0.5: 1.2 -> 0.85.
    const two = { ...g, projects: [built('housing-renovation', 'b1'), built('citizen-solar-scic', 'b2')] };
    expect(mitigationFor(two, s, me, 'energy-price-spike')).toBeCloseTo(0.85, 10);
    // A project still being built shields nothing.
    const unfinished = { ...g, projects: [{ ...built('housing-renovation', 'b1'), built: false }] };
    expect(mitigationFor(unfinished, s, me, 'energy-price-spike')).toBeCloseTo(0.25, 10);
  });
});

describe('closing a round', () => {
  it('applies pressures and income, resets the moves and the envelopes, and rotates the order', () => {
    const played = applyAction(applyAction(game(2), s, start('team-1', 'community-garden', MONEY)), s, pass('team-1'));
    const g = closeRound(played, s);
    expect(g.round).toBe(2);
    expect(g.order).toEqual(['team-2', 'team-1']);
    // 55 - 4 + 22 = 73; team-2 55 + 22 = 77. Received: the start budget and the income.
    expect(g.teams.map((t) => [t.budget, t.received])).toEqual([
      [73, 77],
      [77, 77],
    ]);
    expect(team(g)).toMatchObject({ acted: false, moves: 0, leverUsed: {} });
    expect(g.envelope).toMatchObject({ 'solidarity-territory-contract': 105, 'call-for-projects': 75 });
    // jobs -2, move -1, live -1, cohesion -1.
    const after = { ...START, jobs: 25, move: 30, live: 33, cohesion: 36 };
    expect(team(g, 'team-2').indicators).toEqual(after);
    expect(team(g, 'team-2').trajectory).toEqual([START, after]);
  });

  it('local jobs feed the budget: jobs 60 -> 58 after pressure, 8 points above 50 -> +5 k€', () => {
    const g = closeRound(withTeam(game(), 'team-1', { set: { jobs: 60 } }), s);
    // 55 + 22 + round(8 * 0.6 = 4.8).
    expect(team(g).budget).toBe(82);
    expect(team(g).received).toBe(82);
  });

  it('a commune with an essential need at the threshold (10) collapses, plays on with one move and half its income', () => {
    const g = closeRound(withTeam(game(2), 'team-1', { set: { drink: 10 } }), s);
    expect(g.teams.map((t) => t.collapsed)).toEqual([true, false]);
    // Collapse is found at the end of the round: this round's income was whole, 55 + 22.
    expect(g.teams.map((t) => t.budget)).toEqual([77, 77]);
    // One start and its round is over; team-2 still has two moves.
    const moved = applyAction(applyAction(g, s, start('team-1', 'community-garden')), s, start('team-2', 'community-garden'));
    expect(moved.teams.map((t) => [t.moves, t.acted])).toEqual([
      [1, true],
      [1, false],
    ]);
    expect(refused(() => applyAction(moved, s, start('team-1', 'youth-service-cooperative')))).toBe('already-acted');
    const again = closeRound(g, s);
    // Half the income: 77 + round(22 * 0.5) = 88, against 77 + 22 = 99; the pressures still apply (jobs 25 -> 23).
    expect(again.teams.map((t) => t.budget)).toEqual([88, 99]);
    expect(team(again).indicators.jobs).toBe(23);
    expect(team(again).collapsed).toBe(true);
  });

  it('a commune recovers once every essential need is above the threshold again', () => {
    const g = closeRound(withTeam(game(2), 'team-1', { set: { drink: 10 } }), s);
    // Drink 11 (no pressure on drink here): above 10, recovered at the end of the round, on half an income (77 + 11).
    const recovered = closeRound(withTeam(g, 'team-1', { set: { drink: 11 } }), s);
    expect(team(recovered)).toMatchObject({ collapsed: false, budget: 88 });
    // Move 11 would fall to 10 with its pressure: still in collapse.
    const still = closeRound(withTeam(g, 'team-1', { set: { drink: 40, move: 11 } }), s);
    expect(team(still)).toMatchObject({ collapsed: true, indicators: { move: 10 } });
  });
});

describe('solidarity aid', () => {
  /** Three communes, team-1's in collapse (drink 10). */
  const IN_COLLAPSE = () => withTeam(game(3), 'team-1', { collapsed: true, set: { drink: 10 } });
  const aid = (from: string, to: string) => ({ type: 'send-aid', team: from, to }) as const;

  it('the sender pays 20 k€ and a move; the commune in collapse gets them, +6 on its weakest need, both +2 cooperation', () => {
    const g = applyAction(IN_COLLAPSE(), s, aid('team-2', 'team-1'));
    // team-1: 55 + 20 = 75 (received too); drink 10 + 6 = 16; cooperation 35 + 2.
    expect(team(g)).toMatchObject({ budget: 75, received: 75, indicators: { ...START, drink: 16, cooperation: 37 } });
    // team-2: 55 - 20 = 35, one move of its three; received is what came in, it does not change.
    expect(team(g, 'team-2')).toMatchObject({ budget: 35, received: 55, moves: 1, acted: false });
    expect(team(g, 'team-2').indicators).toEqual({ ...START, cooperation: 37 });
    expect(team(g, 'team-3')).toMatchObject({ budget: 55, indicators: START });
    expect(g.aid).toEqual([{ round: 1, from: 'team-2', to: 'team-1', amount: 20 }]);
    // Its weakest need first: with drink at 40, move (31) is the lowest of the five: 31 + 6.
    const moveFirst = applyAction(withTeam(IN_COLLAPSE(), 'team-1', { set: { drink: 40 } }), s, aid('team-3', 'team-1'));
    expect(team(moveFirst).indicators).toMatchObject({ drink: 40, move: 37 });
  });

  it('goes only to another commune in collapse, from a team that has 20 k€ and a move left', () => {
    const g = IN_COLLAPSE();
    expect(validateAction(g, s, aid('team-2', 'team-2'))).toBe('bad-partner');
    expect(validateAction(g, s, aid('team-2', 'team-9'))).toBe('bad-partner');
    expect(validateAction(g, s, aid('team-2', 'team-3'))).toBe('not-in-collapse');
    expect(validateAction(withTeam(g, 'team-2', { budget: 19 }), s, aid('team-2', 'team-1'))).toBe('budget');
    expect(validateAction(withTeam(g, 'team-2', { acted: true }), s, aid('team-2', 'team-1'))).toBe('already-acted');
    expect(validateAction(g, s, aid('team-2', 'team-1'))).toBeNull();
    expect(refused(() => applyAction(g, s, aid('team-2', 'team-3')))).toBe('not-in-collapse');
  });

  // Suspected src bug (reported, not fixed here): sendAid (src/engine/game.ts) adds its +2 cooperation and +6 raw,
  // outside softGain, so a sender at cooperation 80 gets 82 where every other gain above 60 is scaled.
  it('aid’s cooperation obeys the soft ceiling like every other gain: 80 + 2 * 20/40 = 81', () => {
    const g = applyAction(withTeam(IN_COLLAPSE(), 'team-2', { set: { cooperation: 80 } }), s, aid('team-2', 'team-1'));
    expect(team(g, 'team-2').indicators.cooperation).toBe(81);
  });

  it('lifts a commune out of collapse at the end of the round, after half an income', () => {
    const collapsed = closeRound(withTeam(game(2), 'team-1', { set: { drink: 10 } }), s);
    // 77 + 20 from team-2; drink 10 + 6 = 16.
    const helped = applyAction(collapsed, s, aid('team-2', 'team-1'));
    const g = closeRound(helped, s);
    // 97 + round(22 * 0.5) = 108; received 77 + 20 + 11 = 108. team-2: 77 - 20 + 22 = 79.
    expect(g.teams.map((t) => [t.budget, t.received, t.collapsed])).toEqual([
      [108, 108, false],
      [79, 99, false],
    ]);
    expect(team(g).indicators.drink).toBe(16);
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

  it('succeeds at the target without collapsing, names the weakest dimension', () => {
    // The target is set here: the scenario file's may still be tuned.
    const s52 = { ...s, targetResilience: 52 };
    const me = team(game());
    // The start profile: mean 325 / 8 = 40.625, weakest jobs 27: round(24.375 + 10.8) = 35.
    expect(scoreTeam(me, s52)).toMatchObject({ overall: 35, weakest: 'jobs', succeeded: false });
    // all 52 -> 52 = target.
    expect(scoreTeam({ ...me, indicators: all(52) }, s52).succeeded).toBe(true);
    expect(scoreTeam({ ...me, indicators: all(51) }, s52).succeeded).toBe(false);
    expect(scoreTeam({ ...me, indicators: all(90), collapsed: true }, s52).succeeded).toBe(false);
  });
});

describe('cardsOfTeam follows every start and every build', () => {
  it('gives each team its own started cards after each start, and its built ones once the plan ends', () => {
    let state = applyEvent(createGame(s, { seed: 1, teams: ['A', 'B'] }), s, { type: 'continue' });
    state = withBudget(state, 500);
    expect([...cardsOfTeam(state, s, 'team-1').started]).toEqual([]);
    state = applyEvent(state, s, start('team-1', 'logistics-warehouse'));
    expect([...cardsOfTeam(state, s, 'team-1').started]).toEqual(['logistics-warehouse']);
    expect([...cardsOfTeam(state, s, 'team-2').started]).toEqual([]);
    state = applyEvent(applyEvent(state, s, start('team-1', 'forges-hall-food-hub')), s, pass('team-1'));
    state = applyEvent(state, s, start('team-2', 'palus-retail-park'));
    expect([...cardsOfTeam(state, s, 'team-1').started]).toEqual(['logistics-warehouse', 'forges-hall-food-hub']);
    expect([...cardsOfTeam(state, s, 'team-2').started]).toEqual(['palus-retail-park']);
    expect([...cardsOfTeam(state, s, 'team-1').built]).toEqual([]);
    state = applyEvent(state, s, pass('team-2'));
    // One-round cards are built as the plan phase ends; the two-round food hub is not.
    expect(state.phase).toBe('implement');
    expect([...cardsOfTeam(state, s, 'team-1').built]).toEqual(['logistics-warehouse']);
    expect([...cardsOfTeam(state, s, 'team-2').built]).toEqual(['palus-retail-park']);
  });
});
