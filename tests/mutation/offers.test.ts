/**
 * offers.ts: a pooled start is an offer; each partner answers on its own
 * turn; once all have answered the project starts with those who accepted (or
 * is declined, lapses, or fails on a budget); a pass declines; stale offers lapse.
 * Three teams, envelope x2: contract 120, call 80. Fixture numbers in fixture.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  answerOffer,
  declinePendingFor,
  firstPendingOfferFor,
  lapseStaleOffers,
  pendingOffersFor,
  proposeOffer,
  validateAnswer,
} from '../../src/engine/offers.ts';
import type { GameState, Offer, Scenario } from '../../src/engine/types.ts';
import { makeScenario, planGame, project, start, team, withProjects, withTeam } from './fixture.ts';

/** A fresh scenario in each test: the engine caches per scenario object, and each test must build its own caches. */
let s: Scenario;
beforeEach(() => {
  s = makeScenario();
});
let three: GameState;
beforeEach(() => {
  three = planGame(s, 3);
});
const gardenOffer = start('team-1', 'garden', ['contract', 'call'], ['team-2', 'team-3']);
const answer = (teamId: string, offer: string, accept: boolean) =>
  ({ type: 'answer-offer', team: teamId, offer, accept }) as const;

function offerOf(state: GameState, id = 'o1'): Offer {
  const found = state.offers.find((o) => o.id === id);
  if (!found) throw new Error(`no offer ${id}`);
  return found;
}

describe('proposing', () => {
  it("records the offer and uses the proposer's move; nobody pays yet", () => {
    const after = proposeOffer({ ...three, round: 2 }, gardenOffer);
    expect(after.offers).toEqual([
      {
        id: 'o1',
        card: 'garden',
        proposer: 'team-1',
        partners: ['team-2', 'team-3'],
        levers: ['contract', 'call'],
        round: 2,
        answers: {},
        status: 'open',
      },
    ]);
    expect(after.teams.map((t) => [t.moves, t.acted, t.budget])).toEqual([
      [1, false, 200],
      [0, false, 200],
      [0, false, 200],
    ]);
    expect(after.projects).toEqual([]);
    const second = proposeOffer(after, start('team-1', 'wells', ['eng'], ['team-3']));
    expect(second.offers.map((o) => [o.id, o.card, o.partners])).toEqual([
      ['o1', 'garden', ['team-2', 'team-3']],
      ['o2', 'wells', ['team-3']],
    ]);
  });

  it('names no partner when none is given', () => {
    expect(proposeOffer(three, start('team-1', 'garden')).offers[0]?.partners).toEqual([]);
  });

  it('ends the turn on the last move (the only one in collapse)', () => {
    expect(team(proposeOffer(withTeam(three, 'team-1', { moves: 2 }), gardenOffer), 'team-1')).toMatchObject({
      moves: 3,
      acted: true,
    });
    expect(team(proposeOffer(withTeam(three, 'team-1', { collapsed: true }), gardenOffer), 'team-1')).toMatchObject({
      moves: 1,
      acted: true,
    });
  });

  it('lists the offers waiting for a partner', () => {
    const g = proposeOffer(three, gardenOffer);
    expect(pendingOffersFor(g, 'team-2').map((o) => o.id)).toEqual(['o1']);
    expect(pendingOffersFor(g, 'team-1')).toEqual([]);
    const answered = answerOffer(g, s, answer('team-2', 'o1', true));
    expect(pendingOffersFor(answered, 'team-2')).toEqual([]);
    expect(pendingOffersFor(answered, 'team-3').map((o) => o.id)).toEqual(['o1']);
    const closed = { ...g, offers: g.offers.map((o) => ({ ...o, status: 'lapsed' as const })) };
    expect(pendingOffersFor(closed, 'team-2')).toEqual([]);
  });

  it('gives the oldest offer waiting for a partner, or none', () => {
    const g = proposeOffer(three, gardenOffer);
    const two = proposeOffer(withTeam(g, 'team-1', { acted: false }), start('team-1', 'hall', [], ['team-2']));
    expect(firstPendingOfferFor(two, 'team-2')?.id).toBe('o1');
    const answered = answerOffer(two, s, answer('team-2', 'o1', false));
    expect(firstPendingOfferFor(answered, 'team-2')?.id).toBe('o2');
    expect(firstPendingOfferFor(answered, 'team-3')?.id).toBe('o1');
    expect(firstPendingOfferFor(answered, 'team-1')).toBeUndefined();
  });
});

describe('validating an answer', () => {
  let g: GameState;
  beforeEach(() => {
    g = proposeOffer(three, start('team-1', 'garden', [], ['team-2']));
  });

  it('names what is wrong', () => {
    expect(validateAnswer(g, answer('team-9', 'o1', true))).toBe('unknown-team');
    expect(validateAnswer(withTeam(g, 'team-2', { acted: true }), answer('team-2', 'o1', true))).toBe('already-acted');
    expect(validateAnswer(g, answer('team-2', 'o9', true))).toBe('unknown-offer');
    const declined = { ...g, offers: [{ ...offerOf(g), status: 'declined' as const }] };
    expect(validateAnswer(declined, answer('team-2', 'o1', true))).toBe('unknown-offer');
    expect(validateAnswer(g, answer('team-1', 'o1', true))).toBe('not-a-partner');
    expect(validateAnswer(g, answer('team-3', 'o1', false))).toBe('not-a-partner');
    const answered = { ...g, offers: [{ ...offerOf(g), answers: { 'team-2': false } }] };
    expect(validateAnswer(answered, answer('team-2', 'o1', true))).toBe('already-answered');
    expect(validateAnswer(g, answer('team-2', 'o1', false))).toBeNull();
  });
});

describe('answering', () => {
  let g: GameState;
  beforeEach(() => {
    g = proposeOffer(three, gardenOffer);
  });

  it('waits for every partner; accepting is a move, declining is not', () => {
    const one = answerOffer(g, s, answer('team-2', 'o1', true));
    expect(offerOf(one)).toMatchObject({ answers: { 'team-2': true }, status: 'open' });
    expect(one.projects).toEqual([]);
    expect(team(one, 'team-2')).toMatchObject({ moves: 1, acted: false, budget: 200 });
    const other = answerOffer(g, s, answer('team-3', 'o1', false));
    expect(team(other, 'team-3')).toMatchObject({ moves: 0, acted: false });
    expect(offerOf(other)).toMatchObject({ answers: { 'team-3': false }, status: 'open' });
  });

  it('starts the project with those who accepted, priced for them', () => {
    const one = answerOffer(g, s, answer('team-2', 'o1', true));
    const both = answerOffer(one, s, answer('team-3', 'o1', false));
    expect(offerOf(both)).toMatchObject({ answers: { 'team-2': true, 'team-3': false }, status: 'started' });
    // contract 45, call 35: 20 left for two owners -> 10 each; 2 rounds + 1 pooled -> ready in round 3.
    expect(both.projects).toEqual([
      {
        id: 'p1',
        card: 'garden',
        owners: ['team-1', 'team-2'],
        levers: ['contract', 'call'],
        startedRound: 1,
        readyRound: 3,
        built: false,
        pooled: true,
        engineeringDays: 0,
        cost: 100,
        paid: { 'team-1': 10, 'team-2': 10 },
        leverPaid: { contract: 45, call: 35 },
      },
    ]);
    // No second move for anyone: the proposal and the acceptance were the moves.
    expect(both.teams.map((t) => [t.budget, t.moves, t.leverUsed])).toEqual([
      [190, 1, { contract: 45, call: 35 }],
      [190, 1, {}],
      [200, 0, {}],
    ]);
    expect(both.envelope).toMatchObject({ contract: 75, call: 45 });
  });

  it('is declined when nobody accepts, or too few for the card', () => {
    const none = answerOffer(answerOffer(g, s, answer('team-2', 'o1', false)), s, answer('team-3', 'o1', false));
    expect(offerOf(none).status).toBe('declined');
    expect(none.projects).toEqual([]);
    expect(none.teams.map((t) => t.budget)).toEqual([200, 200, 200]);
    // coalition needs 2 partners: one refusal leaves too few.
    const c = proposeOffer(three, start('team-1', 'coalition', [], ['team-2', 'team-3']));
    const few = answerOffer(answerOffer(c, s, answer('team-2', 'o1', true)), s, answer('team-3', 'o1', false));
    expect(offerOf(few).status).toBe('declined');
    expect(few.projects).toEqual([]);
    const all = answerOffer(answerOffer(c, s, answer('team-2', 'o1', true)), s, answer('team-3', 'o1', true));
    // 90 k€ for three: 30 each.
    expect(all.projects.map((p) => [p.owners, p.paid])).toEqual([
      [['team-1', 'team-2', 'team-3'], { 'team-1': 30, 'team-2': 30, 'team-3': 30 }],
    ]);
  });

  it('fails on a budget when someone who accepted cannot pay', () => {
    const single = proposeOffer(three, start('team-1', 'garden', ['contract', 'call'], ['team-2']));
    const poor = withTeam(single, 'team-2', { budget: 9 });
    const after = answerOffer(poor, s, answer('team-2', 'o1', true));
    expect(offerOf(after).status).toBe('budget');
    expect(after.projects).toEqual([]);
    expect(team(after, 'team-2')).toMatchObject({ budget: 9, moves: 1 });
  });

  it('lapses when the start is no longer possible for another reason', () => {
    const wells = proposeOffer(three, start('team-1', 'wells', ['eng'], ['team-2']));
    const after = answerOffer({ ...wells, engineeringDays: 1 }, s, answer('team-2', 'o1', true));
    expect(offerOf(after).status).toBe('lapsed');
    expect(after.projects).toEqual([]);
    // With the days it starts, and takes them: 6 - 2 = 4.
    const ok = answerOffer(wells, s, answer('team-2', 'o1', true));
    expect([offerOf(ok).status, ok.engineeringDays]).toEqual(['started', 4]);
  });

  it('starts even when the proposer and the partner used their last move on it', () => {
    const last = proposeOffer(withTeam(three, 'team-1', { moves: 2 }), start('team-1', 'garden', [], ['team-2']));
    expect(team(last, 'team-1').acted).toBe(true);
    const after = answerOffer(withTeam(last, 'team-2', { moves: 2 }), s, answer('team-2', 'o1', true));
    expect(offerOf(after).status).toBe('started');
    // 100 k€ split 50 / 50; both turns stay over.
    expect(after.teams.map((t) => [t.budget, t.moves, t.acted])).toEqual([
      [150, 3, true],
      [150, 3, true],
      [200, 0, false],
    ]);
  });

  it('checks the other open offers when it settles: an offer of the card it excludes lapses it', () => {
    // o1: team-1 offers the firebreak to team-2; then o2: team-3 offers concrete (which the firebreak excludes) to team-2.
    const o1 = proposeOffer(three, start('team-1', 'firebreak', [], ['team-2']));
    const o2 = proposeOffer(o1, start('team-3', 'concrete', [], ['team-2']));
    const after = answerOffer(o2, s, answer('team-2', 'o1', true));
    expect(after.offers.map((o) => o.status)).toEqual(['lapsed', 'open']);
    expect(after.projects).toEqual([]);
  });

  it('does not count the offer itself as a start of the card, but counts a project started meanwhile', () => {
    const single = proposeOffer(three, start('team-1', 'garden', [], ['team-2']));
    const meanwhile = withProjects(single, project('garden', ['team-2'], { built: false }));
    expect(offerOf(answerOffer(meanwhile, s, answer('team-2', 'o1', true))).status).toBe('lapsed');
  });
});

describe('declining by passing, and lapsing', () => {
  it('a pass declines every offer waiting for the team', () => {
    let g = proposeOffer(three, start('team-1', 'garden', [], ['team-2']));
    g = proposeOffer(g, start('team-3', 'wells', ['eng'], ['team-2', 'team-1']));
    const after = declinePendingFor(g, s, 'team-2');
    expect(after.offers.map((o) => [o.id, o.status, o.answers])).toEqual([
      ['o1', 'declined', { 'team-2': false }],
      ['o2', 'open', { 'team-2': false }],
    ]);
    expect(team(after, 'team-2').moves).toBe(0);
    expect(declinePendingFor(g, s, 'team-3')).toBe(g);
  });

  it('lapses offers of an earlier round still open at the end of a round (all of them at the end of the game)', () => {
    const offer = (id: string, round: number, status: Offer['status']): Offer => ({
      id,
      card: 'garden',
      proposer: 'team-1',
      partners: ['team-2'],
      levers: [],
      round,
      answers: {},
      status,
    });
    const g: GameState = {
      ...three,
      round: 2,
      offers: [offer('o1', 1, 'open'), offer('o2', 2, 'open'), offer('o3', 1, 'started')],
    };
    expect(lapseStaleOffers(g).offers.map((o) => o.status)).toEqual(['lapsed', 'open', 'started']);
    expect(lapseStaleOffers(g, true).offers.map((o) => o.status)).toEqual(['lapsed', 'lapsed', 'started']);
    const fresh: GameState = { ...three, round: 1, offers: [offer('o1', 1, 'open'), offer('o3', 1, 'declined')] };
    expect(lapseStaleOffers(fresh)).toBe(fresh);
    expect(lapseStaleOffers(three, true)).toBe(three);
  });
});
