/**
 * The `table` bot plays like a sensible group of elected officials and
 * association members: it reads the diagnosis, funds its weakest needs,
 * weighs what its own commune risks (its zones, its neighbours), offers shared
 * projects to its neighbours, answers their offers on their merits and sends
 * solidarity aid to a commune in collapse. `table-solo` is the same group with
 * cooperation switched off: it never offers, always declines, never helps.
 */
import { findTeam } from '../engine/game.ts';
import { lookup } from '../engine/lookup.ts';
import { firstPendingOfferFor } from '../engine/offers.ts';
import type { Quote } from '../engine/projects.ts';
import { AID_AMOUNT, ESSENTIAL_NEEDS_IDS, INDICATOR_MAX } from '../engine/rules.ts';
import { cardsOfTeam, cardsOpenTo, type TeamCards } from '../engine/team-cards.ts';
import type { Card, GameState, IndicatorId, Offer, Scenario, TeamState } from '../engine/types.ts';
import { affordableShare, type CardPlan, fundsOf, type ScenarioPlan, scenarioPlan, sparedPerRound } from './card-plan.ts';
import { bestStart, type Candidate, Refusals } from './levers.ts';
import type { Strategy } from './strategies.ts';

/** What pooling itself brings a partner: the cooperation and cohesion of building together. */
const POOLED_WORTH = 4;

const ESSENTIAL = new Set<IndicatorId>(ESSENTIAL_NEEDS_IDS);

/** Worth of one more point on an indicator: essential needs near collapse first, little for what is already high. */
function pointWorth(id: IndicatorId, value: number): number {
  const room = Math.max(0, INDICATOR_MAX - value) / 40;
  const urgency = Math.max(0.4, 1 + (50 - value) / 20);
  return Math.min(1, room) * urgency * (ESSENTIAL.has(id) ? 1.3 : 1);
}

/**
 * What the team weighs every open card against, worked out once per decision:
 * the worth of a point gained and of a point lost on each indicator (by the
 * plan's order of indicators) and its commune's place on the map (-1: not on it).
 */
interface Outlook {
  me: TeamState;
  gain: Float64Array;
  loss: Float64Array;
  at: number;
}

function outlookOf(plans: ScenarioPlan, me: TeamState): Outlook {
  const gain = new Float64Array(plans.indicators.length);
  const loss = new Float64Array(plans.indicators.length);
  plans.indicators.forEach((id, i) => {
    gain[i] = pointWorth(id, me.indicators[id]);
    loss[i] = Math.max(1, gain[i] as number);
  });
  return { me, gain, loss, at: plans.communes.get(me.commune) ?? -1 };
}

/** What a card is worth to a commune now: its effects where the commune needs them, and the shocks it spares it. */
function cardWorth(state: GameState, scenario: Scenario, outlook: Outlook, plan: CardPlan, duration: number): number {
  const roundsAfter = state.rounds - (state.round + duration - 1);
  if (roundsAfter < 0) return 0;
  let value = 0;
  const { gain, loss } = outlook;
  const at = plan.effectAt;
  const by = plan.effectBy;
  for (let i = 0; i < by.length; i += 1) {
    const d = by[i] as number;
    value += d * ((d > 0 ? gain[at[i] as number] : loss[at[i] as number]) as number);
  }
  // What the card spares the commune per round: worked out once, unless the commune is not on the scenario's map.
  const spared =
    outlook.at < 0 ? sparedPerRound(scenario, outlook.me.commune, plan.card.id) : (plan.spared[outlook.at] as number);
  return value + 0.7 * spared * (roundsAfter + 0.5);
}

/** The other teams, those whose communes border mine first, with the cards each has started: who a sensible group asks to pool. */
function partnerPool(state: GameState, scenario: Scenario, me: TeamState): { id: string; cards: TeamCards }[] {
  const neighbours = lookup(scenario).neighbours.get(me.commune) ?? [];
  const pool = state.teams
    .filter((t) => t.id !== me.id)
    .map((t) => ({ id: t.id, near: neighbours.includes(t.commune), cards: cardsOfTeam(state, scenario, t.id) }));
  pool.sort((a, b) => Number(b.near) - Number(a.near));
  return pool;
}

function partnersFor(pool: readonly { id: string; cards: TeamCards }[], card: Card): string[] {
  const wanted = Math.max(1, card.minPartners);
  const out: string[] = [];
  for (const entry of pool) {
    if (out.length >= wanted) break;
    if (entry.cards.hasStarted(card.id) || card.excludes.some((x) => entry.cards.hasStarted(x))) continue;
    out.push(entry.id);
  }
  return out;
}

function offerIsWorthIt(state: GameState, scenario: Scenario, me: TeamState, offer: Offer): boolean {
  const plans = scenarioPlan(scenario);
  const plan = plans.byCard.get(offer.card);
  if (!plan) return false;
  const card = plan.card;
  const owners = offer.partners.length + 1;
  const share = card.cost / owners / 2;
  if (me.budget < share) return false;
  return cardWorth(state, scenario, outlookOf(plans, me), plan, card.duration + 1) / Math.max(10, share) ** 0.5 > 1;
}

export function tableStrategy(cooperate: boolean): Strategy {
  return (state, scenario, team) => {
    const me = findTeam(state, team);
    if (!me) return { type: 'pass', team };
    const offer = firstPendingOfferFor(state, team);
    if (offer) {
      const accept = cooperate && offerIsWorthIt(state, scenario, me, offer);
      return { type: 'answer-offer', team, offer: offer.id, accept };
    }
    if (cooperate && !me.collapsed && me.budget >= AID_AMOUNT * 3) {
      const inNeed = state.teams.find((t) => t.collapsed && t.id !== team);
      if (inNeed) return { type: 'send-aid', team, to: inNeed.id };
    }
    const candidates: Candidate[] = [];
    const pool = cooperate ? partnerPool(state, scenario, me) : [];
    const plans: ScenarioPlan = scenarioPlan(scenario);
    const funds = fundsOf(state, plans, team);
    const refusals = new Refusals(state, scenario, team);
    const outlook = outlookOf(plans, me);
    for (const card of cardsOpenTo(state, scenario, team)) {
      if (refusals.refuses(card)) continue;
      const plan = plans.byCard.get(card.id) as CardPlan;
      // Engineering days are asked for where the card needs them, or to finish it before the game ends.
      const hurry = state.round + card.duration - 1 > state.rounds && state.engineeringDays >= card.engineeringDays;
      if (card.minPartners === 0) {
        const choice = hurry ? plan.soloHurry : plan.solo;
        const levers = choice.ids;
        // Out of reach this year: not worth weighing (its estimate would be 0).
        const share = affordableShare(plan, choice, funds, 1);
        if (Number.isFinite(share)) {
          const worth = cardWorth(state, scenario, outlook, plan, card.duration - (hurry ? 1 : 0));
          candidates.push({ card: card.id, levers, estimate: worth / Math.max(15, share) ** 0.5, worth });
        }
      }
      if (cooperate && card.poolable) {
        const partners = partnersFor(pool, card);
        if (partners.length >= Math.max(1, card.minPartners) && !refusals.refuses(card, partners)) {
          const levers = plan.pooled.ids;
          const share = affordableShare(plan, plan.pooled, funds, partners.length + 1);
          if (Number.isFinite(share)) {
            const worth = cardWorth(state, scenario, outlook, plan, card.duration + 1) + POOLED_WORTH;
            candidates.push({ card: card.id, levers, partners, estimate: worth / Math.max(15, share) ** 0.5, worth });
          }
        }
      }
    }
    // Worth again at the quote's duration, which the estimate could only guess.
    const score = (c: Candidate, quote: Quote) => {
      const plan = plans.byCard.get(c.card) as CardPlan;
      const worth = cardWorth(state, scenario, outlook, plan, quote.duration) + (quote.pooled ? POOLED_WORTH : 0);
      return worth / Math.max(15, quote.shares[team] ?? 0) ** 0.5;
    };
    const best = bestStart(state, scenario, team, candidates, score);
    return best ?? { type: 'pass', team };
  };
}
