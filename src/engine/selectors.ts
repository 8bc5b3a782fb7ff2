/** Questions the views ask of a game, answered by the rules so that no rule lives in a view. */
import { type ActionError, leverApplies, movesPerRound } from './game.ts';
import { type Quote, quoteProject } from './projects.ts';
import { ESSENTIAL_NEEDS_IDS } from './rules.ts';
import type { GameState, IndicatorId, Scenario, TeamState } from './types.ts';

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
