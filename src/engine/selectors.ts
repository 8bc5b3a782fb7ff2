/** Questions the views ask of a game, answered by the rules so that no rule lives in a view. */
import { type ActionError, leverApplies, movesPerRound } from './game.ts';
import { type Quote, quoteProject } from './projects.ts';
import { ESSENTIAL_NEEDS_IDS } from './rules.ts';
import { cardsOpenTo } from './team-cards.ts';
import type { Card, GameState, IndicatorId, Scenario, TeamState } from './types.ts';

/**
 * What a team would pay to start a card on its own now, asking every lever
 * that can apply alone (not pooling; engineering only where the card needs it).
 */
export function soloQuote(state: GameState, scenario: Scenario, team: string, cardId: string): Quote {
  const card = scenario.cards[cardId];
  const levers = card
    ? scenario.levers
        .filter((lever) => leverApplies(lever, card, scenario))
        .filter((lever) => lever.kind !== 'pooling' && (lever.kind !== 'departmental-engineering' || card.needsEngineering))
        .map((lever) => lever.id)
    : [];
  return quoteProject(state, scenario, { type: 'start-project', team, card: cardId, levers });
}

/** The team's share of a solo start, and whether its budget covers it now (the share even when it does not). */
export function soloPrice(
  state: GameState,
  scenario: Scenario,
  team: string,
  cardId: string,
): { share: number; affordable: boolean; error: ActionError | null } {
  const quote = soloQuote(state, scenario, team, cardId);
  if (quote.ok) return { share: quote.shares[team] ?? 0, affordable: true, error: null };
  if (quote.error !== 'budget') return { share: 0, affordable: false, error: quote.error ?? null };
  const rich: GameState = {
    ...state,
    teams: state.teams.map((t) => (t.id === team ? { ...t, budget: Number.MAX_SAFE_INTEGER } : t)),
  };
  return { share: soloQuote(rich, scenario, team, cardId).shares[team] ?? 0, affordable: false, error: 'budget' };
}

/** Moves a team has left this round: none once it passed, fewer for a commune in collapse. */
export function remainingMoves(team: TeamState): number {
  return team.acted ? 0 : Math.max(0, movesPerRound(team) - team.moves);
}

/** The odds of each hazard of the deck, as shares of 1 (what the rules panel shows). */
export function hazardOdds(scenario: Scenario): { hazard: string; share: number }[] {
  const total = scenario.deckHazards.reduce((sum, h) => sum + h.weight, 0);
  return total === 0 ? [] : scenario.deckHazards.map((h) => ({ hazard: h.hazard, share: h.weight / total }));
}

/** Points above the collapse threshold under which an essential need is in danger: a warning, before it is too late. */
export const COLLAPSE_WARNING_MARGIN = 10;

/** A team's essential needs near collapse (at most the margin above the threshold), weakest first. */
export function needsNearCollapse(team: TeamState, scenario: Scenario): IndicatorId[] {
  return ESSENTIAL_NEEDS_IDS.filter(
    (id) => scenario.indicatorIds.includes(id) && team.indicators[id] <= scenario.collapseAt + COLLAPSE_WARNING_MARGIN,
  ).sort((a, b) => team.indicators[a] - team.indicators[b]);
}

/** How a seat narrows and orders the cards it may start: a view's preference, never part of the game. */
export interface CardChoice {
  /** Only cards that raise this indicator (null: any). */
  need: IndicatorId | null;
  /** Only cards that shield from this hazard (null: any). */
  hazard: string | null;
  /** Only cards the team can start alone and pay for now. */
  affordable: boolean;
  /**
   * deck: the scenario's order; cost: cheapest first; need: largest gain first
   * (on the chosen need, else on the essential needs together); hazard: largest
   * share of the hazard removed first (the chosen one, else the deck's odds).
   */
  sort: 'deck' | 'cost' | 'need' | 'hazard';
}

export const ANY_CARD: CardChoice = { need: null, hazard: null, affordable: false, sort: 'deck' };

/** The figures a seat filters and sorts its cards by, for one card. */
export interface CardFigures {
  card: string;
  cost: number;
  /** What the team pays alone now (even when it cannot), and whether it can start it alone and pay now. */
  share: number;
  affordable: boolean;
  /** Gain on the chosen need, or on the five essential needs together. */
  needGain: number;
  /** Share of the chosen hazard's impact removed (less what it aggravates), or that share weighted by the deck's odds. */
  hazardShare: number;
  /** It shields from the chosen hazard (any hazard when none is chosen). */
  shields: boolean;
}

export function cardFigures(
  state: GameState,
  scenario: Scenario,
  team: string,
  card: Card,
  choice: Pick<CardChoice, 'need' | 'hazard'>,
): CardFigures {
  const price = soloPrice(state, scenario, team, card.id);
  const needs = choice.need ? [choice.need] : ESSENTIAL_NEEDS_IDS.filter((id) => scenario.indicatorIds.includes(id));
  const net = (hazard: string) =>
    (card.mitigates.find((m) => m.hazard === hazard)?.share ?? 0) -
    (card.aggravates.find((a) => a.hazard === hazard)?.share ?? 0);
  const hazardShare = choice.hazard
    ? net(choice.hazard)
    : hazardOdds(scenario).reduce((sum, odds) => sum + odds.share * net(odds.hazard), 0);
  return {
    card: card.id,
    cost: card.cost,
    share: price.share,
    affordable: price.affordable,
    needGain: needs.reduce((sum, id) => sum + (card.effects[id] ?? 0), 0),
    hazardShare,
    shields: choice.hazard ? card.mitigates.some((m) => m.hazard === choice.hazard) : card.mitigates.length > 0,
  };
}

/** The cards a team may start, narrowed and ordered by the seat's choice; `total` counts them all. */
export function chooseCards(
  state: GameState,
  scenario: Scenario,
  team: string,
  choice: CardChoice,
): { cards: Card[]; figures: Record<string, CardFigures>; total: number } {
  const open = cardsOpenTo(state, scenario, team);
  const figures: Record<string, CardFigures> = {};
  for (const card of open) figures[card.id] = cardFigures(state, scenario, team, card, choice);
  const shown = open.filter((card) => {
    const f = figures[card.id] as CardFigures;
    return (
      (choice.need === null || (card.effects[choice.need] ?? 0) > 0) &&
      (choice.hazard === null || f.shields) &&
      (!choice.affordable || f.affordable)
    );
  });
  const key = (card: Card): number => {
    const f = figures[card.id] as CardFigures;
    if (choice.sort === 'cost') return f.cost;
    if (choice.sort === 'need') return -f.needGain;
    if (choice.sort === 'hazard') return -f.hazardShare;
    return 0;
  };
  // Ties keep the scenario's order (the sort is stable).
  const cards = choice.sort === 'deck' ? shown : [...shown].sort((a, b) => key(a) - key(b));
  return { cards, figures, total: open.length };
}
