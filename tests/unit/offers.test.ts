/**
 * Pooling is an offer (src/engine/offers.ts, driven through applyEvent): a
 * team proposes a shared project (its move, no money yet), each partner
 * answers on its own turn, and the project starts with those who accepted.
 * Every game here is 3 teams on periurban-brownfield, seed 1, normal:
 * budgets 110 k€, income 45 k€, start indicators breathe 55, drink 62, eat 44,
 * move 31, live 34, cohesion 37, jobs 27, cooperation 35; pressures jobs -2,
 * move -1, live -1, cohesion -1. Cards and levers from scenarios/library:
 * solidarity-transport 25 k€, 1 round, poolable, local-association (an
 * association), tags services-access/solidarity-citizenship/shared, effects
 * move +6, cohesion +4, cooperation +2; shared-mobility-scic 75 k€, 2 rounds,
 * poolable; sse-territorial-forum 30 k€, poolable. Levers: contract 45 % (cap
 * 70), call for projects 35 % (cap 50), pooling-neighbours 30 % (cap 90);
 * levers together stop at 80 % of the cost; a pooled project takes a round
 * more and gives each owner cooperation +2, cohesion +1 when built.
 * Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { playRecorded, STRATEGIES } from '../../src/bots/index.ts';
import { applyEvent, createGame, currentTeam } from '../../src/engine/index.ts';
import type { GameEvent, GameState, Offer } from '../../src/engine/types.ts';
import { CONTINUE, pass, refusalOf, scenario, start } from './helpers.ts';

const s = scenario('periurban-brownfield');
const SKIP: GameEvent = { type: 'skip-phase' };

function newGame(): GameState {
  return createGame(s, { seed: 1, teams: ['T1', 'T2', 'T3'] });
}

function play(state: GameState, ...events: GameEvent[]): GameState {
  let next = state;
  for (const event of events) next = applyEvent(next, s, event);
  return next;
}

const answer = (team: string, offer: string, accept: boolean): GameEvent => ({ type: 'answer-offer', team, offer, accept });

const refusal = (state: GameState, event: GameEvent) => refusalOf(s, state, event);

const budgets = (g: GameState) => g.teams.map((t) => t.budget);
const moves = (g: GameState) => g.teams.map((t) => t.moves);
const offer = (g: GameState, id: string): Offer | undefined => g.offers.find((o) => o.id === id);

/** Round 1's plan phase, team-1 to play. */
const PLAN = (): GameState => play(newGame(), CONTINUE);

describe('proposing', () => {
  it('a start with partners is an open offer: the proposer’s move, nobody pays, no project', () => {
    const g = play(PLAN(), start('team-1', 'solidarity-transport', ['call-for-projects'], ['team-2']));
    expect(g.offers).toEqual([
      {
        id: 'o1',
        card: 'solidarity-transport',
        proposer: 'team-1',
        partners: ['team-2'],
        levers: ['call-for-projects'],
        round: 1,
        answers: {},
        status: 'open',
      },
    ]);
    expect(g.projects).toEqual([]);
    expect(budgets(g)).toEqual([110, 110, 110]);
    expect(moves(g)).toEqual([1, 0, 0]);
    // One move of two: still team-1's turn.
    expect(currentTeam(g)).toBe('team-1');
    expect(g.teams[0]?.leverUsed).toEqual({});
  });

  it('the proposal is checked like a start: a card that cannot be pooled, a bad partner', () => {
    const g = PLAN();
    expect(refusal(g, start('team-1', 'community-garden', [], ['team-2']))).toBe('not-poolable');
    expect(refusal(g, start('team-1', 'solidarity-transport', [], ['team-9']))).toBe('bad-partner');
    expect(refusal(g, start('team-1', 'solidarity-transport', [], ['team-1']))).toBe('bad-partner');
  });
});

describe('accepting on the partner’s own turn', () => {
  const LEVERS = ['solidarity-territory-contract', 'call-for-projects', 'pooling-neighbours'];

  it('starts the project with both owners, each paying its share, and builds it for both', () => {
    let g = play(PLAN(), start('team-1', 'solidarity-transport', LEVERS, ['team-2']), pass('team-1'));
    expect(currentTeam(g)).toBe('team-2');
    g = play(g, answer('team-2', 'o1', true));
    expect(offer(g, 'o1')?.status).toBe('started');
    expect(offer(g, 'o1')?.answers).toEqual({ 'team-2': true });
    // Contract round(25 x 0.45 = 11.25) = 11; call round(8.75) = 9 (20 - 11 = 9 left under the 80 % cap of 20);
    // pooling round(7.5) = 8 but 20 - 20 = 0 left -> 0. Remainder 25 - 20 = 5: floor(5 / 2) = 2 for team-2,
    // the proposer pays 5 - 2 = 3. 1 round + 1 for pooling = 2: started in round 1, ready in round 2.
    expect(g.projects).toEqual([
      {
        id: 'p1',
        card: 'solidarity-transport',
        owners: ['team-1', 'team-2'],
        levers: LEVERS,
        startedRound: 1,
        readyRound: 2,
        built: false,
        pooled: true,
        cost: 25,
        paid: { 'team-1': 3, 'team-2': 2 },
        leverPaid: { 'solidarity-territory-contract': 11, 'call-for-projects': 9, 'pooling-neighbours': 0 },
      },
    ]);
    // 110 - 3, 110 - 2, 110.
    expect(budgets(g)).toEqual([107, 108, 110]);
    // Accepting is team-2's move; settling charges nobody a second one.
    expect(moves(g)).toEqual([1, 1, 0]);
    expect(currentTeam(g)).toBe('team-2');
    // The proposer drew on the levers.
    expect(g.teams[0]?.leverUsed).toEqual({
      'solidarity-territory-contract': 11,
      'call-for-projects': 9,
      'pooling-neighbours': 0,
    });
    expect(g.teams[1]?.leverUsed).toEqual({});

    // Round 1 ends with an injected drought (drink -13, eat -9, jobs -3, x0.7, 35/400 = 8.75 % absorbed):
    // drink 62 - 8.30 -> 54, eat 44 - 5.75 -> 38, jobs 27 - 1.92 -> 25; then pressures jobs 23, move 30,
    // live 33, cohesion 36.
    g = play(g, pass('team-2'), pass('team-3'), { type: 'inject-hazard', hazard: 'drought' });
    expect(g.phase).toBe('implement');
    expect(g.projects[0]?.built).toBe(false);
    g = play(g, CONTINUE, CONTINUE, CONTINUE, CONTINUE);
    expect(g.round).toBe(2);
    expect(g.phase).toBe('plan');
    const before = { breathe: 55, drink: 54, eat: 38, move: 30, live: 33, cohesion: 36, jobs: 23, cooperation: 35 };
    expect(g.teams.map((t) => t.indicators)).toEqual([before, before, before]);
    // 107 + 45, 108 + 45, 110 + 45.
    expect(budgets(g)).toEqual([152, 153, 155]);
    // Round 2 order: team-2, team-3, team-1; the plan phase ends with team-1's pass and builds p1.
    g = play(g, pass('team-2'), pass('team-3'));
    expect(g.projects[0]?.built).toBe(false);
    g = play(g, pass('team-1'));
    expect(g.phase).toBe('implement');
    expect(g.projects[0]?.built).toBe(true);
    // move 30 + 6 = 36; cohesion 36 + 4 + 1 = 41; cooperation 35 + 2 + 2 = 39; team-3 owns nothing.
    const built = { ...before, move: 36, cohesion: 41, cooperation: 39 };
    expect(g.teams.map((t) => t.indicators)).toEqual([built, built, before]);
  });
});

describe('refused answers', () => {
  it('not-your-turn, not-a-partner, already-answered, unknown-offer', () => {
    let g = play(PLAN(), start('team-1', 'shared-mobility-scic', [], ['team-2', 'team-3']));
    // Still team-1's turn: team-2 may not answer yet.
    expect(refusal(g, answer('team-2', 'o1', true))).toBe('not-your-turn');
    expect(refusal(g, answer('team-2', 'o1', false))).toBe('not-your-turn');
    // The proposer is not one of its partners.
    expect(refusal(g, answer('team-1', 'o1', true))).toBe('not-a-partner');
    expect(refusal(g, answer('team-1', 'o9', true))).toBe('unknown-offer');
    expect(refusal(g, answer('team-9', 'o1', true))).toBe('unknown-team');
    g = play(g, pass('team-1'), answer('team-2', 'o1', true));
    // team-2 accepted with its first move: its turn goes on, but it has answered.
    expect(currentTeam(g)).toBe('team-2');
    expect(offer(g, 'o1')?.status).toBe('open');
    expect(refusal(g, answer('team-2', 'o1', true))).toBe('already-answered');
    expect(refusal(g, answer('team-2', 'o1', false))).toBe('already-answered');
    expect(refusal(g, answer('team-2', 'o2', true))).toBe('unknown-offer');
  });

  it('a team the offer does not name, on its own turn, is not a partner', () => {
    // team-1 offers to team-2 only; team-2 plays two other cards without answering; team-3 tries.
    const g = play(
      PLAN(),
      start('team-1', 'solidarity-transport', [], ['team-2']),
      pass('team-1'),
      start('team-2', 'community-garden'),
      start('team-2', 'neighbour-solidarity-network'),
    );
    expect(currentTeam(g)).toBe('team-3');
    expect(refusal(g, answer('team-3', 'o1', true))).toBe('not-a-partner');
    expect(refusal(g, answer('team-3', 'o1', false))).toBe('not-a-partner');
    expect(offer(g, 'o1')).toMatchObject({ status: 'open', answers: {} });
  });

  it('a settled offer is unknown to a later answer', () => {
    const g = play(
      PLAN(),
      start('team-1', 'solidarity-transport', [], ['team-2']),
      pass('team-1'),
      answer('team-2', 'o1', false),
    );
    expect(offer(g, 'o1')?.status).toBe('declined');
    expect(refusal(g, answer('team-2', 'o1', true))).toBe('unknown-offer');
  });
});

describe('declining', () => {
  it('declined: nobody pays, no project, the proposer keeps its used move, the decliner keeps its turn', () => {
    const g = play(
      PLAN(),
      start('team-1', 'solidarity-transport', [], ['team-2']),
      pass('team-1'),
      answer('team-2', 'o1', false),
    );
    expect(offer(g, 'o1')).toMatchObject({ status: 'declined', answers: { 'team-2': false } });
    expect(g.projects).toEqual([]);
    expect(budgets(g)).toEqual([110, 110, 110]);
    // team-1 spent a move on the proposal; declining costs team-2 nothing.
    expect(moves(g)).toEqual([1, 0, 0]);
    expect(currentTeam(g)).toBe('team-2');
  });

  it('a pass declines every offer waiting for the passing team, and only those', () => {
    let g = play(
      PLAN(),
      start('team-1', 'solidarity-transport', [], ['team-2']),
      start('team-1', 'sse-territorial-forum', [], ['team-2', 'team-3']),
    );
    expect(currentTeam(g)).toBe('team-2');
    expect(g.offers.map((o) => o.status)).toEqual(['open', 'open']);
    g = play(g, pass('team-2'));
    expect(offer(g, 'o1')).toMatchObject({ status: 'declined', answers: { 'team-2': false } });
    // o2 still waits for team-3.
    expect(offer(g, 'o2')).toMatchObject({ status: 'open', answers: { 'team-2': false } });
    expect(currentTeam(g)).toBe('team-3');
    g = play(g, pass('team-3'));
    expect(offer(g, 'o2')).toMatchObject({ status: 'declined', answers: { 'team-2': false, 'team-3': false } });
    expect(g.projects).toEqual([]);
    expect(budgets(g)).toEqual([110, 110, 110]);
    expect(g.phase).toBe('implement');
  });

  it('the facilitator’s skip-phase passes for the teams still to play, declining their offers', () => {
    const g = play(PLAN(), start('team-1', 'solidarity-transport', [], ['team-2', 'team-3']), SKIP);
    expect(g.phase).toBe('implement');
    expect(offer(g, 'o1')).toMatchObject({ status: 'declined', answers: { 'team-2': false, 'team-3': false } });
    expect(g.projects).toEqual([]);
  });
});

describe('two partners', () => {
  it('one accepts, one declines: the project starts with the proposer and the accepter, cost split in two', () => {
    let g = play(PLAN(), start('team-1', 'shared-mobility-scic', [], ['team-2', 'team-3']), pass('team-1'));
    g = play(g, answer('team-2', 'o1', true));
    // Waiting for team-3: nobody has paid yet.
    expect(offer(g, 'o1')).toMatchObject({ status: 'open', answers: { 'team-2': true } });
    expect(g.projects).toEqual([]);
    expect(budgets(g)).toEqual([110, 110, 110]);
    expect(moves(g)).toEqual([1, 1, 0]);
    g = play(g, pass('team-2'));
    // team-2 had answered already: its pass leaves its yes alone.
    expect(offer(g, 'o1')?.answers).toEqual({ 'team-2': true });
    g = play(g, answer('team-3', 'o1', false));
    expect(offer(g, 'o1')).toMatchObject({ status: 'started', answers: { 'team-2': true, 'team-3': false } });
    // 75 k€, no lever: floor(75 / 2) = 37 for team-2, the proposer 75 - 37 = 38. 2 rounds + 1 = 3: ready in round 3.
    expect(g.projects).toEqual([
      {
        id: 'p1',
        card: 'shared-mobility-scic',
        owners: ['team-1', 'team-2'],
        levers: [],
        startedRound: 1,
        readyRound: 3,
        built: false,
        pooled: true,
        cost: 75,
        paid: { 'team-1': 38, 'team-2': 37 },
        leverPaid: {},
      },
    ]);
    expect(budgets(g)).toEqual([72, 73, 110]);
    // team-3 declined: its turn goes on with no move used.
    expect(moves(g)).toEqual([1, 1, 0]);
    expect(currentTeam(g)).toBe('team-3');
  });

  it('both accept: split in three, 25 each', () => {
    const g = play(
      PLAN(),
      start('team-1', 'shared-mobility-scic', [], ['team-2', 'team-3']),
      pass('team-1'),
      answer('team-2', 'o1', true),
      pass('team-2'),
      answer('team-3', 'o1', true),
    );
    // 75 / 3 = 25 each.
    expect(g.projects[0]).toMatchObject({
      owners: ['team-1', 'team-2', 'team-3'],
      paid: { 'team-1': 25, 'team-2': 25, 'team-3': 25 },
    });
    expect(budgets(g)).toEqual([85, 85, 85]);
    expect(moves(g)).toEqual([1, 1, 1]);
  });
});

describe('an offer across rounds', () => {
  it('to a team that has already played: open into round 2, answered there on its turn', () => {
    let g = play(PLAN(), pass('team-1'), start('team-2', 'solidarity-transport', [], ['team-1']));
    expect(offer(g, 'o1')).toMatchObject({ proposer: 'team-2', partners: ['team-1'], round: 1, status: 'open' });
    g = play(g, pass('team-2'), pass('team-3'));
    expect(g.phase).toBe('implement');
    g = play(g, CONTINUE, CONTINUE);
    expect(g.phase).toBe('evaluate');
    expect(g.round).toBe(2);
    // The end of round 1 leaves an offer of round 1 open.
    expect(offer(g, 'o1')?.status).toBe('open');
    // 110 + 45.
    expect(budgets(g)).toEqual([155, 155, 155]);
    g = play(g, CONTINUE, CONTINUE);
    expect(g.phase).toBe('plan');
    // Round 2 order: team-2, team-3, team-1.
    expect(currentTeam(g)).toBe('team-2');
    expect(refusal(g, answer('team-1', 'o1', true))).toBe('not-your-turn');
    g = play(g, pass('team-2'), pass('team-3'));
    expect(currentTeam(g)).toBe('team-1');
    g = play(g, answer('team-1', 'o1', true));
    expect(offer(g, 'o1')?.status).toBe('started');
    // 25 k€, no lever: floor(25 / 2) = 12 for team-1, the proposer team-2 25 - 12 = 13.
    // Started now, in round 2: 1 + 1 rounds -> ready in round 3.
    expect(g.projects[0]).toMatchObject({
      owners: ['team-2', 'team-1'],
      paid: { 'team-2': 13, 'team-1': 12 },
      startedRound: 2,
      readyRound: 3,
    });
    // 155 - 12, 155 - 13, 155.
    expect(budgets(g)).toEqual([143, 142, 155]);
    expect(moves(g)).toEqual([1, 0, 0]);
  });

  it('never answered, it lapses at the end of the round after the one it was made in', () => {
    let g = play(PLAN(), pass('team-1'), start('team-2', 'solidarity-transport', [], ['team-1']), pass('team-2'), pass('team-3'));
    g = play(g, CONTINUE, CONTINUE, CONTINUE, CONTINUE);
    expect(g.round).toBe(2);
    expect(g.phase).toBe('plan');
    // Round 2: team-2 makes a new offer o2 to team-1, team-3 passes, team-1 plays two other cards without answering.
    g = play(
      g,
      start('team-2', 'sse-territorial-forum', [], ['team-1']),
      pass('team-2'),
      pass('team-3'),
      start('team-1', 'community-garden'),
      start('team-1', 'neighbour-solidarity-network'),
    );
    expect(g.phase).toBe('implement');
    g = play(g, CONTINUE);
    expect(g.phase).toBe('shock');
    expect(g.offers.map((o) => o.status)).toEqual(['open', 'open']);
    g = play(g, CONTINUE);
    expect(g.phase).toBe('evaluate');
    expect(g.round).toBe(3);
    // o1 (round 1) lapses as round 2 ends; o2 (round 2) has one more round.
    expect(g.offers.map((o) => o.status)).toEqual(['lapsed', 'open']);
    // Nobody paid for either: team-2 155 + 45; team-1 155 - 20 - 20 + 45.
    expect(budgets(g)).toEqual([160, 200, 200]);
    expect(g.projects.map((p) => p.card)).toEqual(['community-garden', 'neighbour-solidarity-network']);
    // Round 3 order: team-3, team-1, team-2. Nobody answers o2: it lapses as round 3 ends.
    g = play(g, CONTINUE, CONTINUE, pass('team-3'), start('team-1', 'producer-shop'), start('team-1', 'solidarity-garage'));
    expect(offer(g, 'o2')?.status).toBe('open');
    g = play(g, pass('team-2'), CONTINUE, CONTINUE);
    expect(g.round).toBe(4);
    expect(g.offers.map((o) => o.status)).toEqual(['lapsed', 'lapsed']);
    // A lapsed offer no longer blocks its card: team-1 may now start solidarity-transport (round 4 order: team-1 first).
    g = play(g, CONTINUE, CONTINUE);
    expect(currentTeam(g)).toBe('team-1');
    expect(refusal(g, start('team-1', 'solidarity-transport'))).toBeNull();
  });
});

describe('an open offer counts as started', () => {
  it('neither the proposer nor a named partner may start the card; a decline frees it', () => {
    let g = play(PLAN(), start('team-1', 'solidarity-transport', [], ['team-2']));
    expect(refusal(g, start('team-1', 'solidarity-transport'))).toBe('already-started');
    expect(refusal(g, start('team-1', 'solidarity-transport', [], ['team-3']))).toBe('already-started');
    g = play(g, pass('team-1'));
    expect(refusal(g, start('team-2', 'solidarity-transport'))).toBe('already-started');
    expect(refusal(g, start('team-2', 'solidarity-transport', [], ['team-3']))).toBe('already-started');
    // Another card is fine.
    expect(refusal(g, start('team-2', 'sse-territorial-forum'))).toBeNull();
    g = play(g, answer('team-2', 'o1', false));
    // Declined: team-2 may start it on its own now, 110 - 25.
    g = play(g, start('team-2', 'solidarity-transport'));
    expect(g.projects[0]).toMatchObject({ card: 'solidarity-transport', owners: ['team-2'], pooled: false });
    expect(budgets(g)).toEqual([110, 85, 110]);
  });

  it('a team the offer does not name may still start the card, but may not offer it to a named team', () => {
    const g = play(
      PLAN(),
      start('team-1', 'solidarity-transport', [], ['team-2']),
      pass('team-1'),
      start('team-2', 'community-garden'),
      start('team-2', 'neighbour-solidarity-network'),
    );
    expect(currentTeam(g)).toBe('team-3');
    expect(refusal(g, start('team-3', 'solidarity-transport', [], ['team-1']))).toBe('already-started');
    expect(refusal(g, start('team-3', 'solidarity-transport', [], ['team-2']))).toBe('already-started');
    expect(refusal(g, start('team-3', 'solidarity-transport'))).toBeNull();
  });
});

describe('the budget at settlement', () => {
  it('a partner that accepts but cannot pay its share: status budget, nobody pays', () => {
    // team-2 spends all its money (workers-cooperative-takeover, 110 k€, no lever), then accepts a 37 k€ share.
    const g = play(
      PLAN(),
      start('team-1', 'shared-mobility-scic', [], ['team-2']),
      pass('team-1'),
      start('team-2', 'workers-cooperative-takeover'),
      answer('team-2', 'o1', true),
    );
    expect(offer(g, 'o1')).toMatchObject({ status: 'budget', answers: { 'team-2': true } });
    expect(g.projects.map((p) => p.card)).toEqual(['workers-cooperative-takeover']);
    // 110; 110 - 110 = 0; 110.
    expect(budgets(g)).toEqual([110, 0, 110]);
    // The answer was team-2's second move.
    expect(moves(g)).toEqual([1, 2, 0]);
    expect(currentTeam(g)).toBe('team-3');
  });

  it('checked when the last partner answers: an early yes whose money went elsewhere sinks the offer', () => {
    // 75 / 3 = 25 each. team-2 accepts with 110 k€, then spends 110 on workers-cooperative-takeover.
    const g = play(
      PLAN(),
      start('team-1', 'shared-mobility-scic', [], ['team-2', 'team-3']),
      pass('team-1'),
      answer('team-2', 'o1', true),
      start('team-2', 'workers-cooperative-takeover'),
      answer('team-3', 'o1', true),
    );
    expect(offer(g, 'o1')).toMatchObject({ status: 'budget', answers: { 'team-2': true, 'team-3': true } });
    expect(g.projects.map((p) => p.card)).toEqual(['workers-cooperative-takeover']);
    expect(budgets(g)).toEqual([110, 0, 110]);
    expect(moves(g)).toEqual([1, 2, 1]);
  });
});

describe('bots answer offers', () => {
  const random = () => 0.5;

  it('greedy says no, cooperative yes when it can pay an equal part', () => {
    const g = play(PLAN(), start('team-1', 'solidarity-transport', [], ['team-2']), pass('team-1'));
    expect(STRATEGIES.greedy?.(g, s, 'team-2', random)).toEqual({
      type: 'answer-offer',
      team: 'team-2',
      offer: 'o1',
      accept: false,
    });
    // 110 >= 25 / 2.
    expect(STRATEGIES.cooperative?.(g, s, 'team-2', random)).toEqual({
      type: 'answer-offer',
      team: 'team-2',
      offer: 'o1',
      accept: true,
    });
    // With 12 k€ left, 12 < 12.5: no.
    const poor = { ...g, teams: g.teams.map((t) => (t.id === 'team-2' ? { ...t, budget: 12 } : t)) };
    expect(STRATEGIES.cooperative?.(poor, s, 'team-2', random)).toMatchObject({ type: 'answer-offer', accept: false });
  });

  it('seed 1, checked by hand: team-1 offers ptce and shared-mobility-scic to team-2, which accepts both', () => {
    const cooperative = STRATEGIES.cooperative;
    if (!cooperative) throw new Error('setup');
    const ALL = ['solidarity-territory-contract', 'call-for-projects', 'departmental-engineering', 'pooling-neighbours'];
    const { state, events } = playRecorded(s, { seed: 1, teams: 3, rounds: 3, strategies: cooperative, record: true });
    expect(events.slice(0, 5)).toEqual([
      CONTINUE,
      start('team-1', 'ptce', ALL, ['team-2']),
      start('team-1', 'shared-mobility-scic', ALL, ['team-2']),
      answer('team-2', 'o1', true),
      answer('team-2', 'o2', true),
    ]);
    expect(state.offers.slice(0, 2).map((o) => [o.id, o.status, o.answers])).toEqual([
      ['o1', 'started', { 'team-2': true }],
      ['o2', 'started', { 'team-2': true }],
    ]);
    // ptce, 90 k€ (levers stop at floor(72)): contract round(40.5) = 41; call round(31.5) = 32 but 72 - 41 = 31 left;
    // pooling 27 but 0 left. Remainder 18: 9 and 9. 3 rounds - 1 (engineering) + 1 (pooled) = 3: ready in round 3.
    expect(state.projects[0]).toMatchObject({
      card: 'ptce',
      owners: ['team-1', 'team-2'],
      readyRound: 3,
      paid: { 'team-1': 9, 'team-2': 9 },
      leverPaid: { 'solidarity-territory-contract': 41, 'call-for-projects': 31, 'pooling-neighbours': 0 },
    });
    // shared-mobility-scic, 75 k€ (levers stop at 60), settled after ptce drew on team-1's caps this round:
    // contract round(33.75) = 34 but 70 - 41 = 29 left; call round(26.25) = 26 but 50 - 31 = 19 left;
    // pooling round(22.5) = 23 but 60 - 48 = 12 left. Remainder 15: floor(7.5) = 7 for team-2, 8 for team-1.
    // 2 - 1 + 1 = 2 rounds: ready in round 2.
    expect(state.projects[1]).toMatchObject({
      card: 'shared-mobility-scic',
      owners: ['team-1', 'team-2'],
      readyRound: 2,
      paid: { 'team-1': 8, 'team-2': 7 },
      leverPaid: { 'solidarity-territory-contract': 29, 'call-for-projects': 19, 'pooling-neighbours': 12 },
    });
  });

  // The counts below pin the bots' behaviour on these seeds: a change to a bot or to the rules moves them.
  it('a greedy partner of cooperative teams answers every offer with no', () => {
    const SEEDS = [1, 2, 3];
    const greedy = STRATEGIES.greedy;
    const cooperative = STRATEGIES.cooperative;
    if (!greedy || !cooperative) throw new Error('setup');
    let answers = 0;
    const statuses: Record<string, number> = {};
    for (const seed of SEEDS) {
      const { state, events } = playRecorded(s, {
        seed,
        teams: 3,
        rounds: 3,
        strategies: [cooperative, greedy, cooperative],
        record: true,
      });
      for (const e of events) {
        if (e.type !== 'answer-offer' || e.team !== 'team-2') continue;
        answers += 1;
        expect(e.accept).toBe(false);
      }
      for (const o of state.offers) {
        statuses[o.status] = (statuses[o.status] ?? 0) + 1;
        // No offer ever holds a yes from the greedy team.
        if (o.partners.includes('team-2')) expect(o.answers['team-2']).not.toBe(true);
      }
    }
    // Pinned by a run on these seeds: team-2's 6 answers are the 6 declined offers (team-1's, round 1); the 12
    // started are team-3's offers to team-1 in rounds 1 and 2; team-3's 6 of round 3 lapse when the game ends.
    expect(answers).toBe(6);
    expect(statuses).toEqual({ declined: 6, started: 12, lapsed: 6 });
  });

  it('cooperative teams over 20 seeded games start pooled projects from offers', () => {
    const cooperative = STRATEGIES.cooperative;
    if (!cooperative) throw new Error('setup');
    const statuses: Record<string, number> = {};
    for (let seed = 1; seed <= 20; seed += 1) {
      const state = playRecorded(s, { seed, teams: 3, rounds: 3, strategies: cooperative }).state;
      for (const o of state.offers) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    }
    // Pinned by a run on seeds 1..20 (3 rounds), after checking seed 1's first two offers by hand above:
    // cooperative partners who can pay always say yes, so no offer is declined and none fails on budget;
    // the 20 lapsed are, in every seed, team-3's round-2 offer to team-1 left unanswered (team-1 spent its
    // moves answering older offers), and 16 made in round 3 lapse when the game ends.
    expect(statuses).toEqual({ started: 120, lapsed: 36 });
    expect(statuses.started).toBeGreaterThan(0);
  });
});

describe('the end of the game', () => {
  it('lapses every offer still open, at the last round and when the facilitator ends the game', () => {
    // Two teams, three rounds: rounds 1 and 2 skipped; in round 3 team-1 offers, passes, and team-2 never answers.
    let g = createGame(s, { seed: 1, teams: ['A', 'B'], rounds: 3 });
    for (let round = 0; round < 2; round += 1) g = play(g, CONTINUE, SKIP, CONTINUE, CONTINUE, CONTINUE);
    g = play(
      g,
      CONTINUE,
      start('team-1', 'solidarity-transport', [], ['team-2']),
      pass('team-1'),
      start('team-2', 'community-garden'),
      start('team-2', 'producer-shop'),
      CONTINUE,
      CONTINUE,
      CONTINUE,
    );
    expect(g.over).toBe(true);
    expect(g.offers.map((o) => o.status)).toEqual(['lapsed']);
    const ended = play(PLAN(), start('team-1', 'solidarity-transport', [], ['team-2']), { type: 'end-game' });
    expect(ended.offers.map((o) => o.status)).toEqual(['lapsed']);
  });
});
