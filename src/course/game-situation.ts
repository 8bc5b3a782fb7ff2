/**
 * A game situation's options come from the serious game: each option is a card of a scenario. The card's
 * facts (title, actor, effects) and its price are the engine's: a fresh game of the scenario is created
 * and the engine quotes the card on its own with every lever it qualifies for, as a team would see it in
 * round 1 (whatever the team's budget: the course shows the price, not whether a team can pay it).
 */
import { createGame, type Quote, soloQuote } from '../engine/index.ts';
import type { Card, IndicatorId, Localized, Scenario } from '../engine/types.ts';

export interface OptionCard {
  card: Card;
  actor: { name: Localized; type: string } | null;
  effects: [IndicatorId, number][];
  /** The engine's quote in round 1 of a fresh game, with every eligible lever. */
  quote: Quote;
  /** Money each lever pays, with its name, in the order of the scenario's levers. */
  levers: { id: string; name: Localized; amount: number }[];
}

/** A one-team game at the scenario's normal difficulty: what a team starts with. */
const FRESH_GAME = { seed: 1, teams: ['course'] } as const;

export function optionCard(scenario: Scenario, cardId: string): OptionCard | null {
  const card = scenario.cards[cardId];
  if (!card) return null;
  const fresh = createGame(scenario, { seed: FRESH_GAME.seed, teams: [...FRESH_GAME.teams] });
  const game = { ...fresh, teams: fresh.teams.map((t) => ({ ...t, budget: Number.MAX_SAFE_INTEGER })) };
  const team = game.teams[0]?.id ?? 'team-1';
  const quote = soloQuote(game, scenario, team, card.id);
  const actor = scenario.actors[card.actor];
  return {
    card,
    actor: actor ? { name: actor.name, type: actor.type } : null,
    effects: (Object.entries(card.effects) as [IndicatorId, number][]).filter(([, delta]) => delta !== 0),
    quote,
    levers: scenario.levers
      .map((l) => ({ id: l.id, name: l.name, amount: quote.leverPaid[l.id] ?? 0 }))
      .filter((l) => l.amount > 0),
  };
}

/** What the team itself pays in the quote (its share of what the levers leave). */
export function teamShare(option: OptionCard): number {
  return Object.values(option.quote.shares)[0] ?? option.card.cost;
}
