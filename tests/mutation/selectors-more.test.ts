/** selectors.ts, continued: the figures a seat sorts its cards by, the cards it is shown, and odds of a weightless deck. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ANY_CARD, type CardChoice, cardFigures, chooseCards, hazardOdds } from '../../src/engine/selectors.ts';
import type { Card, GameState, Scenario } from '../../src/engine/types.ts';
import { makeScenario, planGame, withTeam } from './fixture.ts';

/**
 * Team-1 of a fresh 2-team game (budget 200; envelopes contract 60 x 1.5 = 90, call 40 x 1.5 = 60),
 * alone, with every lever that applies (contract 45 %, call 35 % on eco cards, engineering where needed):
 *   garden    100  contract 45 + call 35 = 80 (the 80 % cap)   pays 20
 *   wells      80  contract 36, engineering                     pays 44
 *   hall       50  contract 22.5 -> 23 (the clause pays no money) pays 27
 *   shop       30  contract 13.5 -> 14                          pays 16
 *   firebreak  40  contract 18                                  pays 22
 *   concrete   60  contract 27                                  pays 33
 *   sprawl     20  contract 9                                   pays 11
 *   coalition, ptce: need partners -> share 0, not affordable alone
 * The center is not open (it needs the garden and the hall built): 9 cards open.
 */
let s: Scenario;
let g: GameState;
beforeEach(() => {
  s = makeScenario();
  g = planGame(s, 2);
});

const card = (id: string): Card => {
  const found = s.cards[id];
  if (!found) throw new Error(`no card ${id}`);
  return found;
};
const NONE = { need: null, hazard: null } as const;
const choose = (over: Partial<CardChoice>, state: GameState = g) =>
  chooseCards(state, s, 'team-1', { need: null, hazard: null, affordable: false, sort: 'deck', ...over });
const ids = (cards: readonly Card[]) => cards.map((c) => c.id);

describe("a card's figures", () => {
  it('with no choice: the solo price, the gain on the essential needs, the shield weighted by the odds', () => {
    // garden: eat +8 (cohesion is not an essential need); heat 30 % x odds 1/4 = 0.075.
    expect(cardFigures(g, s, 'team-1', card('garden'), NONE)).toEqual({
      card: 'garden',
      cost: 100,
      share: 20,
      affordable: true,
      needGain: 8,
      hazardShare: expect.closeTo(0.075, 10),
      shields: true,
    });
    // coalition: cannot start alone (2 partners at least): nothing to pay, not affordable; no gain, no shield.
    expect(cardFigures(g, s, 'team-1', card('coalition'), NONE)).toEqual({
      card: 'coalition',
      cost: 90,
      share: 0,
      affordable: false,
      needGain: 0,
      hazardShare: 0,
      shields: false,
    });
  });

  it('the shield is what the card removes less what it aggravates, each hazard weighted by its odds', () => {
    const share = (id: string, hazard: string | null = null) =>
      cardFigures(g, s, 'team-1', card(id), { need: null, hazard }).hazardShare;
    // concrete: fire 20 % - 50 % = -30 %, times the fire odds 1/2 = -0.15.
    expect(share('concrete')).toBeCloseTo(-0.15, 10);
    // sprawl: fire -80 % x 1/2 = -0.4.
    expect(share('sprawl')).toBeCloseTo(-0.4, 10);
    // firebreak: fire 60 % x 1/2 = 0.3; wells: heat 50 % x 1/4 = 0.125.
    expect(share('firebreak')).toBeCloseTo(0.3, 10);
    expect(share('wells')).toBeCloseTo(0.125, 10);
    expect(share('hall')).toBe(0);
  });

  it('on a chosen hazard: only what the card lists against that hazard, unweighted', () => {
    const share = (id: string, hazard: string) => cardFigures(g, s, 'team-1', card(id), { need: null, hazard }).hazardShare;
    expect(share('concrete', 'fire')).toBeCloseTo(-0.3, 10);
    expect(share('firebreak', 'fire')).toBeCloseTo(0.6, 10);
    expect(share('garden', 'heat')).toBeCloseTo(0.3, 10);
    // The garden's heat shield and the concrete's fire entries say nothing of other hazards.
    expect(share('garden', 'fire')).toBe(0);
    expect(share('concrete', 'heat')).toBe(0);
    expect(share('sprawl', 'flood')).toBe(0);
  });

  it('shields: against the chosen hazard only; with none chosen, against any hazard (aggravating is no shield)', () => {
    const shields = (id: string, hazard: string | null) => cardFigures(g, s, 'team-1', card(id), { need: null, hazard }).shields;
    expect(shields('garden', 'heat')).toBe(true);
    expect(shields('garden', 'fire')).toBe(false);
    expect(shields('hall', 'fire')).toBe(false);
    expect(shields('firebreak', null)).toBe(true);
    expect(shields('sprawl', null)).toBe(false);
    expect(shields('hall', null)).toBe(false);
  });

  it('the gain: on the chosen need only, else on the five essential needs the scenario plays', () => {
    const gain = (id: string, need: CardChoice['need'], scenario: Scenario = s) =>
      cardFigures(g, scenario, 'team-1', card(id), { need, hazard: null }).needGain;
    // shop: jobs +3, eat +2.
    expect(gain('shop', 'jobs')).toBe(3);
    expect(gain('shop', null)).toBe(2);
    expect(gain('hall', 'cohesion')).toBe(5);
    expect(gain('hall', null)).toBe(0);
    expect(gain('garden', 'jobs')).toBe(0);
    expect(gain('wells', null)).toBe(10);
    // A scenario that does not play drink: the wells' drink +10 counts for nothing.
    const dry = makeScenario({ indicatorIds: ['breathe', 'eat', 'move', 'live', 'cohesion', 'jobs', 'cooperation'] });
    expect(gain('wells', null, dry)).toBe(0);
  });
});

describe('the cards a seat is shown', () => {
  it('any card: every open card in the deck order, affordable or not', () => {
    expect(ANY_CARD).toEqual({ need: null, hazard: null, affordable: false, sort: 'deck' });
    const poor = withTeam(g, 'team-1', { budget: 0 });
    const shown = chooseCards(poor, s, 'team-1', ANY_CARD);
    expect(ids(shown.cards)).toEqual(['garden', 'wells', 'hall', 'shop', 'firebreak', 'concrete', 'sprawl', 'coalition', 'ptce']);
    expect(shown.total).toBe(9);
    // With no money, the share is still told.
    expect(shown.figures.garden).toMatchObject({ share: 20, affordable: false });
  });

  it('narrowed to a need: only cards that raise it; figures and the total still count every open card', () => {
    const jobs = choose({ need: 'jobs' });
    // hall +2, shop +3, ptce +6.
    expect(ids(jobs.cards)).toEqual(['hall', 'shop', 'ptce']);
    expect(jobs.total).toBe(9);
    expect(Object.keys(jobs.figures)).toEqual([
      'garden',
      'wells',
      'hall',
      'shop',
      'firebreak',
      'concrete',
      'sprawl',
      'coalition',
      'ptce',
    ]);
    expect(jobs.figures.ptce?.needGain).toBe(6);
    expect(ids(choose({ need: 'drink' }).cards)).toEqual(['wells']);
  });

  it('narrowed to a hazard: only cards that shield from it (not those that only aggravate it)', () => {
    expect(ids(choose({ hazard: 'fire' }).cards)).toEqual(['firebreak', 'concrete']);
    expect(ids(choose({ hazard: 'heat' }).cards)).toEqual(['garden', 'wells']);
    expect(ids(choose({ hazard: 'flood' }).cards)).toEqual([]);
    expect(ids(choose({ need: 'eat', hazard: 'heat' }).cards)).toEqual(['garden']);
  });

  it('narrowed to what the team can start alone and pay now', () => {
    // With 20 k€: garden 20, shop 16, sprawl 11; wells 44, hall 27, firebreak 22, concrete 33 are beyond; coalition and ptce need partners.
    const twenty = withTeam(g, 'team-1', { budget: 20 });
    expect(ids(choose({ affordable: true }, twenty).cards)).toEqual(['garden', 'shop', 'sprawl']);
    expect(choose({ affordable: false }, twenty).cards).toHaveLength(9);
    // With the full 200, every card it can start alone.
    expect(ids(choose({ affordable: true }).cards)).toEqual([
      'garden',
      'wells',
      'hall',
      'shop',
      'firebreak',
      'concrete',
      'sprawl',
    ]);
  });

  it('sorted by cost: cheapest first, ties in the deck order', () => {
    // sprawl 20, shop 30, firebreak 40, hall 50, concrete 60 then ptce 60, wells 80, coalition 90, garden 100.
    expect(ids(choose({ sort: 'cost' }).cards)).toEqual([
      'sprawl',
      'shop',
      'firebreak',
      'hall',
      'concrete',
      'ptce',
      'wells',
      'coalition',
      'garden',
    ]);
  });

  it('sorted by need: largest gain first, on the chosen need or else on the essential needs together', () => {
    // jobs: ptce 6, shop 3, hall 2.
    expect(ids(choose({ need: 'jobs', sort: 'need' }).cards)).toEqual(['ptce', 'shop', 'hall']);
    // Essential needs: wells 10, garden 8, concrete 5, firebreak 4, sprawl 3, shop 2, then hall, coalition, ptce at 0.
    expect(ids(choose({ sort: 'need' }).cards)).toEqual([
      'wells',
      'garden',
      'concrete',
      'firebreak',
      'sprawl',
      'shop',
      'hall',
      'coalition',
      'ptce',
    ]);
  });

  it('sorted by hazard: largest share removed first, on the chosen hazard or else weighted by the odds', () => {
    // heat: wells 50 %, garden 30 %.
    expect(ids(choose({ hazard: 'heat', sort: 'hazard' }).cards)).toEqual(['wells', 'garden']);
    // Weighted: firebreak 0.3, wells 0.125, garden 0.075, four cards at 0, concrete -0.15, sprawl -0.4.
    expect(ids(choose({ sort: 'hazard' }).cards)).toEqual([
      'firebreak',
      'wells',
      'garden',
      'hall',
      'shop',
      'coalition',
      'ptce',
      'concrete',
      'sprawl',
    ]);
  });
});

describe('the odds of the deck', () => {
  it('a deck whose weights are all zero has no odds', () => {
    expect(hazardOdds({ ...s, deckHazards: [{ hazard: 'fire', weight: 0 }] })).toEqual([]);
  });
});
