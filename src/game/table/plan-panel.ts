/** The planning panel: the offers waiting for the team, the Department's envelopes, aid, and the cards it may start. */
import { AID_AMOUNT, cardsOpenTo, findTeam, leverAvailable, pendingOffersFor, remainingMoves } from '../../engine/index.ts';
import type { GameState, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { cardFacts, cardGrid } from './card-grid.ts';
import { communeName } from './format.ts';
import { button, type PanelContext } from './panels.ts';

export function planPanel(ctx: PanelContext, game: GameState, team: string): HTMLElement[] {
  const me = findTeam(game, team);
  const cards = cardsOpenTo(game, ctx.scenario, team);
  const offers = pendingOffersFor(game, team).map((offer) => {
    const card = ctx.scenario.cards[offer.card];
    const title = card ? localize(card.title) : offer.card;
    const proposer = findTeam(game, offer.proposer)?.name ?? offer.proposer;
    return h(
      'li',
      { class: 'offer' },
      h('p', {}, t('game:offer.received', { team: proposer, card: title })),
      card ? cardFacts(card, ctx.scenario) : null,
      h(
        'div',
        { class: 'panel-actions' },
        button(t('game:offer.accept'), () => ctx.send({ type: 'ANSWER_OFFER', offer: offer.id, accept: true }), {
          'aria-label': t('game:offer.acceptNamed', { card: title, team: proposer }),
        }),
        button(t('game:offer.decline'), () => ctx.send({ type: 'ANSWER_OFFER', offer: offer.id, accept: false }), {
          class: 'button-quiet',
          'aria-label': t('game:offer.declineNamed', { card: title, team: proposer }),
        }),
      ),
    );
  });
  const parts = [
    h('p', {}, t('game:plan.intro')),
    offers.length > 0
      ? h(
          'section',
          { class: 'offers', 'aria-label': t('game:offer.title') },
          h('h3', {}, t('game:offer.title')),
          h('ul', {}, ...offers),
        )
      : null,
    h(
      'p',
      { class: 'turn-facts' },
      `${me ? communeName(ctx.scenario, me.commune) : ''} · ${t('game:turn.budget', { budget: me?.budget ?? 0 })} · ${t('game:turn.moves', { count: me ? remainingMoves(me) : 0 })}`,
    ),
    me?.collapsed ? h('p', { class: 'refusal' }, t('game:turn.collapsed')) : null,
    departmentFacts(ctx.scenario, game, team),
    aidSection(ctx, game, team),
    h(
      'div',
      { class: 'panel-actions' },
      button(t('game:plan.pass'), () => ctx.send({ type: 'PASS' }), { class: 'button-quiet' }),
    ),
    cards.length > 0 ? cardGrid(ctx, game, team) : h('p', {}, t('game:plan.none')),
  ];
  return parts.filter((part): part is HTMLElement => part !== null);
}

/** What is left this round of the Department's envelopes, shared by every commune. */
function departmentFacts(scenario: Scenario, game: GameState, team: string): HTMLElement {
  const money = scenario.levers
    .filter((lever) => lever.share > 0)
    .map((lever) =>
      h(
        'li',
        {},
        game.allocations[lever.id]
          ? t('game:department.yours', { lever: localize(lever.name), amount: leverAvailable(game, lever.id, team) })
          : t('game:department.envelope', { lever: localize(lever.name), amount: game.envelope[lever.id] ?? 0 }),
      ),
    );
  return h(
    'section',
    { class: 'department', 'aria-label': t('game:department.title') },
    h('h3', {}, t('game:department.title')),
    h('ul', {}, ...money, h('li', {}, t('game:department.days', { count: game.engineeringDays }))),
  );
}

/** Solidarity aid for each commune in collapse: the sender's move and money. */
function aidSection(ctx: PanelContext, game: GameState, team: string): HTMLElement | null {
  const inNeed = game.teams.filter((other) => other.collapsed && other.id !== team);
  if (inNeed.length === 0) return null;
  return h(
    'section',
    { class: 'aid', 'aria-label': t('game:aid.title') },
    h('h3', {}, t('game:aid.title')),
    h('p', {}, t('game:aid.intro', { amount: AID_AMOUNT })),
    h(
      'div',
      { class: 'panel-actions' },
      ...inNeed.map((other) =>
        button(t('game:aid.send', { team: other.name }), () => ctx.send({ type: 'SEND_AID', to: other.id })),
      ),
    ),
  );
}
