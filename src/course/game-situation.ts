/**
 * A game situation's options come from the serious game: each option is a card of a scenario. The card's
 * facts (title, actor, effects) and its price are the engine's: a fresh game of the scenario is created
 * and the engine quotes the card on its own with every lever it qualifies for, as a team would see it in
 * round 1 (whatever the team's budget: the course shows the price, not whether a team can pay it).
 */
import { applyAction, applyHazard, createGame, implementProjects, isCollapsed, type Quote, soloQuote } from '../engine/index.ts';
import type { Card, GameState, IndicatorId, Indicators, Localized, Scenario } from '../engine/types.ts';

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

/** A fresh one-team game whose team can pay for anything: the course shows prices, not a budget. */
function freshGame(scenario: Scenario): GameState {
  const fresh = createGame(scenario, { seed: FRESH_GAME.seed, teams: [...FRESH_GAME.teams] });
  return { ...fresh, teams: fresh.teams.map((t) => ({ ...t, budget: Number.MAX_SAFE_INTEGER })) };
}

export function optionCard(scenario: Scenario, cardId: string): OptionCard | null {
  const card = scenario.cards[cardId];
  if (!card) return null;
  const game = freshGame(scenario);
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

/** What happens next: the shock striking the commune once the chosen project is built, as the engine plays it. */
export interface ShockOutcome {
  hazard: { id: string; name: Localized };
  /** False when the commune cannot start the card alone in round 1 (it needs partners, or is not open yet). */
  started: boolean;
  /** The round the project is built and the shock strikes (round 1 when it was not started). */
  round: number;
  /** The shock's losses with the project, and without any project. */
  impacts: Partial<Indicators>;
  withoutProject: Partial<Indicators>;
  /** Share of the shock the commune absorbs (its projects and its cooperation), 0 to 1. */
  absorbed: number;
  collapsed: boolean;
}

/** The engine's record of a hazard striking the game's only team. */
function strike(game: GameState, scenario: Scenario, hazard: string) {
  const after = applyHazard(game, scenario, hazard);
  const team = after.teams[0];
  const effect = team ? after.hazards.at(-1)?.effects[team.id] : undefined;
  return {
    impacts: effect?.impacts ?? {},
    absorbed: Math.max(0, effect?.mitigation ?? 0),
    collapsed: team ? isCollapsed(team, scenario) : false,
  };
}

/**
 * The card started alone in round 1 with its levers (applyAction), built when its time comes
 * (implementProjects at its ready round), then the hazard struck (applyHazard); the same hazard on the
 * fresh game gives the losses without the project. Only the clock is moved: every figure is the engine's.
 */
export function shockOutcome(scenario: Scenario, cardId: string, hazardId: string): ShockOutcome | null {
  const hazard = scenario.hazards[hazardId];
  if (!hazard || !scenario.cards[cardId]) return null;
  const fresh = freshGame(scenario);
  const team = fresh.teams[0]?.id ?? 'team-1';
  const without = strike(fresh, scenario, hazardId);
  const quote = soloQuote(fresh, scenario, team, cardId);
  let game = fresh;
  if (quote.ok) {
    // The levers the quote drew on: the start the option card prices.
    const levers = Object.keys(quote.leverPaid).filter((id) => (quote.leverPaid[id] ?? 0) > 0);
    const started = applyAction(fresh, scenario, { type: 'start-project', team, card: cardId, levers });
    const ready = started.projects.at(-1)?.readyRound ?? started.round;
    game = implementProjects({ ...started, round: Math.max(started.round, ready) }, scenario);
  }
  const withProject = quote.ok ? strike(game, scenario, hazardId) : without;
  return {
    hazard: { id: hazardId, name: hazard.name },
    started: quote.ok,
    round: game.round,
    impacts: withProject.impacts,
    withoutProject: without.impacts,
    absorbed: withProject.absorbed,
    collapsed: withProject.collapsed,
  };
}
