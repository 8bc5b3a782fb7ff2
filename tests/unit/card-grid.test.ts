/**
 * The figures a seat filters and sorts its cards by (engine/selectors.ts:
 * cardFigures, chooseCards). Expected values are read off
 * scenarios/periurban-brownfield.json by hand: 3 communes, so the envelopes
 * are twice the scenario's (contract 140, call 100); team 1 holds 55 k€.
 * A card's solo share = cost - levers: the contract pays 45 % (rounded) when a
 * tag is one of its three priorities, the call 35 % when an SSE actor carries
 * it, together at most 80 % (rounded down).
 */
import { describe, expect, it } from 'vitest';
import { ANY_CARD, applyEvent, type CardChoice, cardFigures, chooseCards, createGame } from '../../src/engine/index.ts';
import type { GameState } from '../../src/engine/types.ts';
import { CONTINUE, scenario } from './helpers.ts';

const s = scenario('periurban-brownfield');

function planning(): GameState {
  const g = createGame(s, { seed: 1, teams: ['A', 'B', 'C'] });
  return applyEvent(g, s, CONTINUE);
}

const ids = (choice: Partial<CardChoice>, game = planning()) =>
  chooseCards(game, s, 'team-1', { ...ANY_CARD, ...choice }).cards.map((card) => card.id);

describe('the figures behind the seat’s card grid', () => {
  it('prices, gains and shields of single cards', () => {
    const g = planning();
    const figures = (card: string, choice: Pick<CardChoice, 'need' | 'hazard'> = ANY_CARD) =>
      cardFigures(g, s, 'team-1', s.cards[card] as NonNullable<(typeof s.cards)[string]>, choice);
    // Third place, 110: contract round(49.5) = 50, call 39 capped to 88 - 50 = 38: 110 - 88 = 22.
    expect(figures('third-place-brownfield')).toMatchObject({ cost: 110, share: 22, affordable: true });
    // Workers' cooperative, 110, no priority tag: the call alone, round(38.5) = 39: 71 > 55.
    expect(figures('workers-cooperative-takeover')).toMatchObject({ share: 71, affordable: false });
    // The PTCE needs two partners: not a start on one's own.
    expect(figures('ptce')).toMatchObject({ affordable: false });
    // The garage: move +8; on the five essential needs together, move 8 only.
    expect(figures('solidarity-garage', { need: 'move', hazard: null }).needGain).toBe(8);
    expect(figures('housing-renovation').needGain).toBe(12); // live 10 + breathe 2
    expect(figures('logistics-warehouse').needGain).toBe(-5); // breathe -3, move -2
    // The retail park makes a flood worse by 35 %, and shields from nothing.
    expect(figures('palus-retail-park', { need: null, hazard: 'river-flood' })).toMatchObject({
      hazardShare: -0.35,
      shields: false,
    });
    // Solidarity transport over the deck's odds (total weight 55): service closure 5/55 x 0.25 + energy 9/55 x 0.15.
    expect(figures('solidarity-transport').hazardShare).toBeCloseTo((5 * 0.25 + 9 * 0.15) / 55, 10);
  });

  it('affordable now, cheapest first: 22 of the 25 open cards, ties in the scenario’s order', () => {
    const chosen = chooseCards(planning(), s, 'team-1', { ...ANY_CARD, affordable: true, sort: 'cost' });
    expect(chosen.total).toBe(25); // 26 in the deck; the energy helpers wait for a TZCLD company
    expect(chosen.cards.map((card) => card.id)).toEqual([
      'youth-service-cooperative',
      'community-garden',
      'neighbour-solidarity-network',
      'solidarity-transport',
      'sse-territorial-forum',
      'solidarity-garage',
      'logistics-warehouse',
      'producer-shop',
      'palus-retail-park',
      'circular-economy-hub',
      'integration-worksite',
      'cooperative-supermarket',
      'shared-mobility-scic',
      'early-childhood-centre',
      'brownfield-clean-up-worksite',
      'forges-hall-food-hub',
      'forges-hall-housing',
      'local-food-kitchen',
      'third-place-brownfield',
      'housing-renovation',
      'tzcld-company',
      'citizen-solar-scic',
    ]);
  });

  it('a need served, largest gain first; a hazard shielded, largest share first', () => {
    expect(ids({ need: 'move', sort: 'need' })).toEqual([
      'rail-halt-hub',
      'shared-mobility-scic',
      'solidarity-garage',
      'solidarity-transport',
      'forges-hall-housing',
    ]);
    expect(ids({ hazard: 'plant-closure', sort: 'hazard' })).toEqual([
      'tzcld-company',
      'ptce',
      'workers-cooperative-takeover',
      'third-place-brownfield',
      'circular-economy-hub',
      'sse-territorial-forum',
      'solidarity-garage',
      'youth-service-cooperative',
      'brownfield-clean-up-worksite',
    ]);
    // With "affordable now" too, the PTCE and the workers' cooperative go.
    expect(ids({ hazard: 'plant-closure', sort: 'hazard', affordable: true })).toEqual([
      'tzcld-company',
      'third-place-brownfield',
      'circular-economy-hub',
      'sse-territorial-forum',
      'solidarity-garage',
      'youth-service-cooperative',
      'brownfield-clean-up-worksite',
    ]);
    expect(ids({ need: 'drink', hazard: 'river-flood' })).toEqual([]);
  });

  it('follows the game: after 20 k€ on the garden, 35 k€ left, the warehouse (40) and the retail park (45) are out', () => {
    const g = applyEvent(planning(), s, { type: 'start-project', team: 'team-1', card: 'community-garden', levers: [] });
    const chosen = chooseCards(g, s, 'team-1', { ...ANY_CARD, affordable: true, sort: 'cost' });
    expect([chosen.cards.length, chosen.total]).toEqual([19, 24]);
    expect(chosen.cards.map((card) => card.id)).not.toContain('logistics-warehouse');
    expect(chosen.cards.slice(0, 3).map((card) => card.id)).toEqual([
      'youth-service-cooperative',
      'neighbour-solidarity-network',
      'solidarity-transport',
    ]);
  });
});
