/**
 * Built-in strategy bots for the balance simulator and the benchmarks. Each
 * reads the state and returns the action its team plays; randomness comes from
 * the caller's seeded generator, never from Math.random.
 */
import { findTeam } from '../engine/game.ts';
import { firstPendingOfferFor } from '../engine/offers.ts';
import { type Quote, quoteProject } from '../engine/projects.ts';
import { cardsOfTeam, cardsOpenTo } from '../engine/team-cards.ts';
import type { Card, GameState, IndicatorId, Indicators, Offer, PlayerAction, Scenario, TeamState } from '../engine/types.ts';
import { affordableShare, type CardPlan, fundsOf, type ScenarioPlan, scenarioPlan } from './card-plan.ts';
import { bestStart, type Candidate, Refusals, type StartAction } from './levers.ts';
import { tableStrategy } from './table.ts';

export type Random = () => number;
export type Strategy = (state: GameState, scenario: Scenario, team: string, random: Random) => PlayerAction;

/**
 * Weight of a point gained on each indicator, by the plan's order of indicators:
 * the weaker it is, the more it is worth (1 for an indicator the scenario does not play).
 */
function needWeights(indicators: Indicators, plans: ScenarioPlan, ids: readonly IndicatorId[]): Float64Array {
  const weights = new Float64Array(plans.indicators.length).fill(1);
  for (const id of ids) {
    weights[plans.indicators.indexOf(id)] = Math.min(3, Math.max(0.3, 1 + (55 - indicators[id]) / 25));
  }
  return weights;
}

function effectValue(plan: CardPlan, weights: Float64Array | null): number {
  let value = 0;
  // Plain arrays: the bots ask this of every open card at every move.
  const at = plan.effectAt;
  const by = plan.effectBy;
  for (let i = 0; i < by.length; i += 1) value += (by[i] as number) * (weights ? (weights[at[i] as number] as number) : 1);
  return value;
}

/** The impact a card would remove over the rounds left once built. */
function mitigationValue(plan: CardPlan, roundsLeft: number): number {
  return roundsLeft > 0 ? plan.mitigation * roundsLeft : 0;
}

const own = (team: string, quote: Quote) => quote.shares[team] ?? 0;

/**
 * Any open card, picked at random, with the levers it is eligible for: a group
 * that asks the Department for money but does not weigh its needs or its risks.
 */
export const randomStrategy: Strategy = (state, scenario, team, random) => {
  const cardPlans = scenarioPlan(scenario);
  const plans = cardPlans.byCard;
  const cards = cardsOpenTo(state, scenario, team);
  const refusals = new Refusals(state, scenario, team);
  const funds = fundsOf(state, cardPlans, team);
  const others = state.teams.filter((t) => t.id !== team);
  for (let tries = 0; tries < 4 && cards.length > 0; tries += 1) {
    const card = cards[Math.floor(random() * cards.length)] as Card;
    const plan = plans.get(card.id) as CardPlan;
    // A shared card is offered to teams picked at random (as many as the card needs).
    if (card.poolable && others.length >= Math.max(1, card.minPartners)) {
      const start = Math.floor(random() * others.length);
      const partners: string[] = [];
      for (let i = 0; i < Math.max(1, card.minPartners); i += 1) {
        partners.push((others[(start + i) % others.length] as TeamState).id);
      }
      const action: StartAction = {
        type: 'start-project',
        team,
        card: card.id,
        levers: plan.pooled.ids,
        partners,
      };
      if (!refusals.refuses(card, partners) && quoteProject(state, scenario, action).ok) return action;
    }
    // On its own, the estimate is the quote's own arithmetic: a share it cannot pay is refused.
    if (refusals.refuses(card) || !Number.isFinite(affordableShare(plan, plan.solo, funds, 1))) continue;
    const action: StartAction = { type: 'start-project', team, card: card.id, levers: plan.solo.ids };
    if (quoteProject(state, scenario, action).ok) return action;
  }
  return { type: 'pass', team };
};

/** Biggest immediate gain per k€ of its own money; no engineering, no pooling, blind to hazards. */
export const greedyStrategy: Strategy = (state, scenario, team) => {
  const plans = scenarioPlan(scenario);
  const funds = fundsOf(state, plans, team);
  const candidates: Candidate[] = [];
  for (const card of cardsOpenTo(state, scenario, team)) {
    if (card.needsEngineering || card.minPartners > 0) continue;
    const plan = plans.byCard.get(card.id) as CardPlan;
    const levers = plan.money.ids;
    const share = affordableShare(plan, plan.money, funds, 1);
    if (!Number.isFinite(share)) continue;
    const value = effectValue(plan, null);
    candidates.push({ card: card.id, levers, estimate: value / Math.max(10, share), worth: value });
  }
  const score = (c: Candidate, quote: Quote) => c.worth / Math.max(10, own(team, quote));
  return bestStart(state, scenario, team, candidates, score) ?? { type: 'pass', team };
};

/** Reads the deck's odds: builds what shields the territory from its likely shocks, where it is weakest. */
export const hazardAwareStrategy: Strategy = (state, scenario, team) => {
  const me = findTeam(state, team);
  if (!me) return { type: 'pass', team };
  const roundsLeft = state.rounds - state.round + 1;
  const plans = scenarioPlan(scenario);
  const weights = needWeights(me.indicators, plans, scenario.indicatorIds);
  const funds = fundsOf(state, plans, team);
  const candidates: Candidate[] = [];
  for (const card of cardsOpenTo(state, scenario, team)) {
    if (card.minPartners > 0) continue;
    const plan = plans.byCard.get(card.id) as CardPlan;
    const levers = plan.solo.ids;
    const share = affordableShare(plan, plan.solo, funds, 1);
    if (!Number.isFinite(share)) continue;
    const value = effectValue(plan, weights) + 2 * mitigationValue(plan, roundsLeft - card.duration + 1);
    candidates.push({ card: card.id, levers, estimate: value / Math.max(15, share) ** 0.5, worth: value });
  }
  const score = (c: Candidate, quote: Quote) => c.worth / Math.max(15, own(team, quote)) ** 0.5;
  return bestStart(state, scenario, team, candidates, score) ?? { type: 'pass', team };
};

const POOLING_BONUS = 8;

/** Works with the others: pools what can be pooled, uses every lever, grows the SSE ecosystem. */
export const cooperativeStrategy: Strategy = (state, scenario, team) => {
  const me = findTeam(state, team);
  if (!me) return { type: 'pass', team };
  const others = state.teams.filter((t) => t.id !== team).map((t) => t.id);
  const cardsBy = new Map(others.map((o) => [o, cardsOfTeam(state, scenario, o)]));
  const roundsLeft = state.rounds - state.round + 1;
  const plans = scenarioPlan(scenario);
  const weights = needWeights(me.indicators, plans, scenario.indicatorIds);
  const funds = fundsOf(state, plans, team);
  const refusals = new Refusals(state, scenario, team);
  const candidates: Candidate[] = [];
  for (const card of cardsOpenTo(state, scenario, team)) {
    if (refusals.refuses(card)) continue;
    const plan = plans.byCard.get(card.id) as CardPlan;
    const base = effectValue(plan, weights) + mitigationValue(plan, roundsLeft - card.duration + 1);
    if (card.poolable && others.length > 0) {
      // Pairs, as small rural communes are paired (more when the card needs them): the first teams still free to join.
      const partners: string[] = [];
      for (const o of others) {
        if (partners.length >= Math.max(1, card.minPartners)) break;
        if (!cardsBy.get(o)?.hasStarted(card.id)) partners.push(o);
      }
      const refused = (partners.length === 0 && plan.pooled.pooling) || refusals.refuses(card, partners);
      if (partners.length >= card.minPartners && !refused) {
        const levers = plan.pooled.ids;
        const share = affordableShare(plan, plan.pooled, funds, partners.length + 1);
        candidates.push({
          card: card.id,
          levers,
          partners,
          estimate: (base + POOLING_BONUS) / Math.max(15, share) ** 0.5,
          worth: base,
        });
      }
    }
    if (card.minPartners === 0) {
      const levers = plan.solo.ids;
      const estimate = base / Math.max(15, affordableShare(plan, plan.solo, funds, 1)) ** 0.5;
      candidates.push({ card: card.id, levers, estimate, worth: base });
    }
  }
  // An empty partner list still counts as a shared start's (as the action it makes carries it).
  const score = (c: Candidate, quote: Quote) =>
    (c.worth + (c.partners ? POOLING_BONUS : 0)) / Math.max(15, own(team, quote)) ** 0.5;
  return bestStart(state, scenario, team, candidates, score) ?? { type: 'pass', team };
};

type OfferPolicy = (state: GameState, scenario: Scenario, team: string, offer: Offer, random: Random) => boolean;

/** A team answers the offers waiting for it before anything else. */
function answeringOffers(strategy: Strategy, accepts: OfferPolicy): Strategy {
  return (state, scenario, team, random) => {
    const offer = firstPendingOfferFor(state, team);
    if (offer) return { type: 'answer-offer', team, offer: offer.id, accept: accepts(state, scenario, team, offer, random) };
    return strategy(state, scenario, team, random);
  };
}

/** Yes when the team can pay an equal part of the whole cost: a sensible partner's rule of thumb. */
const acceptsAffordable: OfferPolicy = (state, scenario, team, offer) => {
  const cost = scenario.cards[offer.card]?.cost ?? Number.POSITIVE_INFINITY;
  return (findTeam(state, team)?.budget ?? 0) >= cost / (offer.partners.length + 1);
};

/**
 * The strategies whose moves depend on the state alone, never on the random
 * generator they are handed: two games that drew the same shocks so far have
 * had the same moves (the simulator shares such games' opening rounds).
 */
export const STATE_ONLY: ReadonlySet<string> = new Set(['greedy', 'cooperative', 'hazard-aware', 'table', 'table-solo']);

export const STRATEGIES: Record<string, Strategy> = {
  // Says yes to every offer: a group without a plan follows its neighbours.
  random: answeringOffers(randomStrategy, () => true),
  // Solo-minded: never offers, never accepts.
  greedy: answeringOffers(greedyStrategy, () => false),
  cooperative: answeringOffers(cooperativeStrategy, acceptsAffordable),
  'hazard-aware': answeringOffers(hazardAwareStrategy, acceptsAffordable),
  table: tableStrategy(true),
  'table-solo': tableStrategy(false),
};
