/**
 * Pooling is an offer: a team proposes a shared project (its move), each
 * partner accepts (its move) or declines on its own turn, and only once every
 * partner has answered does the project start, with those who accepted. A
 * pass says no to every offer still waiting for that team; an offer nobody
 * answered by the end of the next round lapses.
 */
import { cloneTeam, evolve, offerWith, withActed } from './clone.ts';
import { type ActionError, findTeam, movesPerRound } from './game.ts';
import { launchProject, quoteProject } from './projects.ts';
import type { GameState, Offer, PlayerAction, Scenario } from './types.ts';

type Start = Extract<PlayerAction, { type: 'start-project' }>;
type Answer = Extract<PlayerAction, { type: 'answer-offer' }>;

/** Open offers waiting for this team's answer, oldest first. */
export function pendingOffersFor(state: GameState, team: string): Offer[] {
  return state.offers.filter((o) => waitsFor(o, team));
}

/** The oldest open offer waiting for this team's answer (what a bot answers first), without listing them all. */
export function firstPendingOfferFor(state: GameState, team: string): Offer | undefined {
  for (const offer of state.offers) if (waitsFor(offer, team)) return offer;
  return undefined;
}

function waitsFor(offer: Offer, team: string): boolean {
  return offer.status === 'open' && offer.partners.includes(team) && offer.answers[team] === undefined;
}

function useMove(state: GameState, team: string): GameState {
  return evolve(state, {
    teams: state.teams.map((t) => {
      if (t.id !== team) return t;
      const next = cloneTeam(t);
      next.moves += 1;
      next.acted = next.moves >= movesPerRound(t);
      return next;
    }),
  });
}

function replaceOffer(state: GameState, offer: Offer): GameState {
  return evolve(state, { offers: state.offers.map((o) => (o.id === offer.id ? offer : o)) });
}

/** The proposal itself: the proposer's move; nobody pays yet. */
export function proposeOffer(state: GameState, action: Start): GameState {
  const offer: Offer = {
    id: `o${state.offers.length + 1}`,
    card: action.card,
    proposer: action.team,
    partners: [...(action.partners ?? [])],
    levers: [...action.levers],
    round: state.round,
    answers: {},
    status: 'open',
  };
  return useMove(evolve(state, { offers: [...state.offers, offer] }), action.team);
}

export function validateAnswer(state: GameState, action: Answer): ActionError | null {
  const team = findTeam(state, action.team);
  if (!team) return 'unknown-team';
  if (team.acted) return 'already-acted';
  const offer = state.offers.find((o) => o.id === action.offer);
  if (offer?.status !== 'open') return 'unknown-offer';
  if (!offer.partners.includes(action.team)) return 'not-a-partner';
  if (offer.answers[action.team] !== undefined) return 'already-answered';
  return null;
}

/** Once every partner has answered: the project starts with those who accepted, if they can all pay their share. */
function settle(state: GameState, scenario: Scenario, offer: Offer): GameState {
  if (offer.partners.some((p) => offer.answers[p] === undefined)) return replaceOffer(state, offer);
  const accepted = offer.partners.filter((p) => offer.answers[p] === true);
  if (accepted.length === 0) return replaceOffer(state, offerWith(offer, 'declined'));
  const owners = new Set([offer.proposer, ...accepted]);
  // Priced as a start made now by the proposer: moves were used when proposing and accepting.
  const probe = evolve(state, {
    offers: state.offers.filter((o) => o.id !== offer.id),
    teams: state.teams.map((t) => (owners.has(t.id) && t.acted ? withActed(t, false) : t)),
  });
  const action: Start = {
    type: 'start-project',
    team: offer.proposer,
    card: offer.card,
    levers: offer.levers,
    partners: accepted,
  };
  const quote = quoteProject(probe, scenario, action);
  if (!quote.ok) {
    const status = quote.error === 'budget' ? 'budget' : quote.error === 'needs-partners' ? 'declined' : 'lapsed';
    return replaceOffer(state, offerWith(offer, status));
  }
  return launchProject(replaceOffer(state, offerWith(offer, 'started')), action, quote, false);
}

export function answerOffer(state: GameState, scenario: Scenario, action: Answer): GameState {
  const offer = state.offers.find((o) => o.id === action.offer) as Offer;
  const answered = offerWith(offer, offer.status, { ...offer.answers, [action.team]: action.accept });
  // Accepting is the partner's move for the round; declining costs nothing.
  const next = action.accept ? useMove(state, action.team) : state;
  return settle(next, scenario, answered);
}

/** A pass is a no to every offer still waiting for this team. */
export function declinePendingFor(state: GameState, scenario: Scenario, team: string): GameState {
  let next = state;
  for (const offer of pendingOffersFor(state, team)) {
    next = answerOffer(next, scenario, { type: 'answer-offer', team, offer: offer.id, accept: false });
  }
  return next;
}

/** At the end of a round: offers made before this round and still open lapse (all of them when the game ends). */
export function lapseStaleOffers(state: GameState, all = false): GameState {
  const stale = (o: Offer) => o.status === 'open' && (all || o.round < state.round);
  if (!state.offers.some(stale)) return state;
  return evolve(state, { offers: state.offers.map((o) => (stale(o) ? offerWith(o, 'lapsed') : o)) });
}
