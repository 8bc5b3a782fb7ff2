/**
 * What the bots share: picking the best start while quoting only the few that
 * look best by their estimate (card-plan.ts); quoting every card at every
 * move is what makes a simulation slow.
 */
import { inOpenOffer, lacksEcosystem, type Quote, quoteProject } from '../engine/projects.ts';
import type { Card, GameState, Offer, PlayerAction, Scenario } from '../engine/types.ts';

export type StartAction = Extract<PlayerAction, { type: 'start-project' }>;

export interface Candidate {
  card: string;
  levers: string[];
  /** The teams it is offered to, for a shared start. */
  partners?: string[];
  /** The bot's score from the estimate; the real one is computed from the quote. */
  estimate: number;
  /** What the card is worth to the bot, which the estimate was made from. */
  worth: number;
}

/**
 * Quotes candidates from the best estimate down, keeps the best real score among the first few that pass.
 * A candidate's action is made only when it is quoted: most are never quoted.
 */
export function bestStart(
  state: GameState,
  scenario: Scenario,
  team: string,
  candidates: Candidate[],
  score: (candidate: Candidate, quote: Quote) => number,
  quotes = 1,
): StartAction | null {
  let best: StartAction | null = null;
  let bestScore = 0;
  let passed = 0;
  // Pick the best remaining estimate each time rather than sorting: usually the first one passes.
  for (let tries = 0; tries < candidates.length && passed < quotes; tries += 1) {
    let top = -1;
    for (let i = 0; i < candidates.length; i += 1) {
      const c = candidates[i] as Candidate;
      if (c.estimate > 0 && (top < 0 || c.estimate > (candidates[top] as Candidate).estimate)) top = i;
    }
    if (top < 0) break;
    const candidate = candidates[top] as Candidate;
    candidate.estimate = 0;
    const action: StartAction = candidate.partners
      ? { type: 'start-project', team, card: candidate.card, levers: candidate.levers, partners: candidate.partners }
      : { type: 'start-project', team, card: candidate.card, levers: candidate.levers };
    const quote = quoteProject(state, scenario, action);
    if (!quote.ok) continue;
    passed += 1;
    const value = score(candidate, quote);
    if (value > bestScore) {
      bestScore = value;
      best = action;
    }
  }
  return best;
}

/**
 * Two refusals of the rules a bot can foresee without a quote, read once per
 * decision with the rules' own checks: a card in an open offer that names one
 * of the start's owners counts as started, and a card that needs an SSE
 * ecosystem needs the proposer's. bestStart passes over refused starts, so
 * leaving them out changes no choice: it saves most of the quotes a bot asks for.
 */
export class Refusals {
  private readonly open: readonly Offer[];

  constructor(
    private readonly state: GameState,
    private readonly scenario: Scenario,
    private readonly team: string,
  ) {
    this.open = state.offers.filter((o) => o.status === 'open');
  }

  /** True when the rules are sure to refuse the team this start (with these partners). */
  refuses(card: Card, partners: readonly string[] = []): boolean {
    return (
      lacksEcosystem(this.state, this.scenario, card, this.team) ||
      (this.open.length > 0 && inOpenOffer(this.open, card.id, [this.team, ...partners]))
    );
  }
}
