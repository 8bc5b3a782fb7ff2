/**
 * The round's sequence, once for the whole kit: diagnose -> plan -> implement
 * -> shock -> evaluate -> next round. Every change to a game is one GameEvent
 * through `applyEvent`; the scenario machine, the replay of a log, the bots
 * and the command line all go through it.
 */

import { evolve } from './clone.ts';
import { allocateEnvelope, validateAllocation } from './department.ts';
import { type ActionError, applyAction, endGame, firstToAct, GameRuleError, validateAction } from './game.ts';
import { addNote, validateNote } from './notes.ts';
import { answerOffer, declinePendingFor, lapseStaleOffers, proposeOffer, validateAnswer } from './offers.ts';
import { launchProject, quoteProject } from './projects.ts';
import { applyHazard, closeRound, drawHazard, implementProjects } from './round.ts';
import type { GameEvent, GameState, Scenario } from './types.ts';

/** The team whose turn it is: the first of this round's order that has still to play. */
export function currentTeam(state: GameState): string | null {
  if (state.over || state.phase !== 'plan') return null;
  return firstToAct(state)?.id ?? null;
}

export function hazardInDeck(scenario: Scenario, hazard: string): boolean {
  return scenario.deckHazards.some((h) => h.hazard === hazard);
}

/** A team's move is for the plan phase, on its turn. */
function turnError(state: GameState, team: string): ActionError | null {
  if (state.phase !== 'plan') return 'not-now';
  if (team !== currentTeam(state)) return state.teams.some((t) => t.id === team) ? 'not-your-turn' : 'unknown-team';
  return null;
}

/** Null when the rules allow the event now, else the reason (an engine error code). */
export function checkEvent(state: GameState, scenario: Scenario, event: GameEvent): ActionError | null {
  // A note may still be written in the debrief: that is where the facilitator reads them out.
  if (event.type === 'note') return validateNote(event);
  if (state.over) return 'game-over';
  switch (event.type) {
    case 'start-project':
    case 'answer-offer':
    case 'send-aid':
    case 'pass':
      return (
        turnError(state, event.team) ??
        (event.type === 'answer-offer' ? validateAnswer(state, event) : validateAction(state, scenario, event))
      );
    case 'continue':
      return state.phase === 'plan' ? 'not-now' : null;
    case 'skip-phase':
    case 'end-game':
      return null;
    case 'inject-hazard':
      return hazardInDeck(scenario, event.hazard) ? null : 'unknown-hazard';
    case 'plan-hazard':
      if (!hazardInDeck(scenario, event.hazard)) return 'unknown-hazard';
      // This round's shock can still be planned until it strikes; a later round, up to the last.
      return Number.isInteger(event.round) &&
        event.round <= state.rounds &&
        (event.round > state.round || (event.round === state.round && !['shock', 'evaluate'].includes(state.phase)))
        ? null
        : 'bad-round';
    case 'allocate-envelope':
      return validateAllocation(state, scenario, event);
  }
  return 'not-now';
}

/** The shock of this round: the injected hazard if there is one, else the one planned for this round, else a draw from the deck. */
function strike(state: GameState, scenario: Scenario): GameState {
  if (state.pendingHazard !== null) {
    return evolve(applyHazard(state, scenario, state.pendingHazard, true), { pendingHazard: null });
  }
  const planned = state.plannedHazards.find((p) => p.round === state.round);
  if (planned) return applyHazard(state, scenario, planned.hazard, true);
  const drawn = drawHazard(state, scenario);
  return applyHazard(drawn.state, scenario, drawn.hazard);
}

/** Leaves the current phase for the next one, doing what the next one does on arrival. */
function advance(state: GameState, scenario: Scenario): GameState {
  switch (state.phase) {
    case 'diagnose':
      return leavePlanIfDone(evolve(state, { phase: 'plan' }), scenario);
    case 'plan':
      return evolve(implementProjects(state, scenario), { phase: 'implement' });
    case 'implement':
      return evolve(strike(state, scenario), { phase: 'shock' });
    case 'shock':
      return evolve(closeRound(lapseStaleOffers(state), scenario), { phase: 'evaluate' });
    case 'evaluate':
      if (state.round > state.rounds) {
        return evolve(lapseStaleOffers(state, true), { over: true });
      }
      return evolve(state, { phase: 'diagnose' });
  }
}

/** Once no team has a move left, the plan phase ends by itself. */
function leavePlanIfDone(state: GameState, scenario: Scenario): GameState {
  return state.phase === 'plan' && currentTeam(state) === null ? advance(state, scenario) : state;
}

function passEveryone(state: GameState, scenario: Scenario): GameState {
  let next = state;
  for (let team = currentTeam(next); team !== null; team = currentTeam(next)) {
    next = applyAction(declinePendingFor(next, scenario, team), scenario, { type: 'pass', team });
  }
  return next;
}

/** Applies one event; throws GameRuleError with the reason when the rules refuse it. */
export function applyEvent(state: GameState, scenario: Scenario, event: GameEvent): GameState {
  // A start on one's own is priced once: the quote is both the check and the bill.
  if (event.type === 'start-project' && (event.partners ?? []).length === 0 && !state.over) {
    const turn = turnError(state, event.team);
    if (turn) throw new GameRuleError(turn);
    const quote = quoteProject(state, scenario, event);
    if (!quote.ok) throw new GameRuleError(quote.error ?? 'unknown-card');
    return leavePlanIfDone(launchProject(state, event, quote, true), scenario);
  }
  const error = checkEvent(state, scenario, event);
  if (error) throw new GameRuleError(error);
  switch (event.type) {
    case 'start-project':
      // With partners, a start is an offer they answer on their own turn.
      return leavePlanIfDone(proposeOffer(state, event), scenario);
    case 'answer-offer':
      return leavePlanIfDone(answerOffer(state, scenario, event), scenario);
    case 'send-aid':
      return leavePlanIfDone(applyAction(state, scenario, event), scenario);
    case 'pass':
      return leavePlanIfDone(applyAction(declinePendingFor(state, scenario, event.team), scenario, event), scenario);
    case 'continue':
      return advance(state, scenario);
    case 'skip-phase':
      return state.phase === 'plan' ? leavePlanIfDone(passEveryone(state, scenario), scenario) : advance(state, scenario);
    case 'inject-hazard':
      return evolve(state, { pendingHazard: event.hazard });
    case 'plan-hazard':
      return evolve(state, {
        plannedHazards: [
          ...state.plannedHazards.filter((p) => p.round !== event.round),
          { round: event.round, hazard: event.hazard },
        ].sort((a, b) => a.round - b.round),
      });
    case 'allocate-envelope':
      return allocateEnvelope(state, event);
    case 'note':
      return addNote(state, event);
    case 'end-game':
      return endGame(lapseStaleOffers(state, true));
  }
  return state;
}
