/**
 * What the bots share: picking the best start while quoting only the few that
 * look best by their estimate (card-plan.ts); quoting every card at every
 * move is what makes a simulation slow.
 */
import { type Quote, quoteProject } from '../engine/projects.ts';
import type { GameState, PlayerAction, Scenario } from '../engine/types.ts';

export type StartAction = Extract<PlayerAction, { type: 'start-project' }>;

export interface Candidate {
  action: StartAction;
  /** The bot's score from the estimate; the real one is computed from the quote. */
  estimate: number;
}

/** Quotes candidates from the best estimate down, keeps the best real score among the first few that pass. */
export function bestStart(
  state: GameState,
  scenario: Scenario,
  candidates: Candidate[],
  score: (action: StartAction, quote: Quote) => number,
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
    const quote = quoteProject(state, scenario, candidate.action);
    if (!quote.ok) continue;
    passed += 1;
    const value = score(candidate.action, quote);
    if (value > bestScore) {
      bestScore = value;
      best = candidate.action;
    }
  }
  return best;
}
