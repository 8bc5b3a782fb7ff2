/** The planning panel: the offers waiting for the team, the Department's envelopes, aid, and the cards it may start. */
import {
  AID_AMOUNT,
  cardsOpenTo,
  findTeam,
  leverAvailable,
  pendingOffersFor,
  remainingMoves,
  soloPrice,
} from '../../engine/index.ts';
import type { Card, GameState, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import { communeName, effectsText } from './format.ts';
import { button, type PanelContext } from './panels.ts';

/** "Label: a, b" as one list item, each hazard after its (decorative) icon; the words are those of format.labelled. */
function hazardsFact(label: string, shares: { hazard: string; share: number }[], scenario: Scenario): HTMLElement {
  const mark = '\u2063';
  const [before = '', after = ''] = t('game:format.labelled', { label, value: mark }).split(mark);
  const items = shares.flatMap((m, i) => {
    const hazard = scenario.hazards[m.hazard];
    const text = `${hazard ? localize(hazard.name) : m.hazard} (${Math.round(m.share * 100)} %)`;
    return [i > 0 ? ', ' : '', h('span', { class: 'icon-text' }, icon('hazard', m.hazard), text)];
  });
  return h('li', { class: 'card-hazards' }, before, ...items, after);
}

export function cardFacts(card: Card, scenario: Scenario): HTMLElement {
  const actor = scenario.actors[card.actor];
  const rivals = card.excludes.map((id) => (scenario.cards[id] ? localize(scenario.cards[id].title) : id));
  return h(
    'ul',
    { class: 'card-facts' },
    h('li', {}, `${t('game:plan.cost', { cost: card.cost })} · ${t('game:plan.duration', { count: card.duration })}`),
    actor ? h('li', { class: 'card-actor' }, icon('actor', actor.type), localize(actor.name)) : null,
    h('li', {}, t('game:format.labelled', { label: t('game:plan.effects'), value: effectsText(card.effects) })),
    card.mitigates.length > 0 ? hazardsFact(t('game:plan.shields'), card.mitigates, scenario) : null,
    card.aggravates.length > 0 ? hazardsFact(t('game:plan.aggravates'), card.aggravates, scenario) : null,
    rivals.length > 0
      ? h('li', {}, t('game:format.labelled', { label: t('game:plan.excludes'), value: rivals.join(', ') }))
      : null,
  );
}

export function planPanel(ctx: PanelContext, game: GameState, team: string): HTMLElement[] {
  const me = findTeam(game, team);
  const cards = cardsOpenTo(game, ctx.scenario, team);
  // Any other commune may be offered a share: it answers on its own turn.
  const freePartners = game.teams.filter((t2) => t2.id !== team);
  const list = h('ul', { class: 'card-list' });
  for (const card of cards) {
    const partners = ctx.poolChoice.get(card.id) ?? new Set<string>();
    const badges = [
      card.poolable ? t('game:plan.poolable') : null,
      card.needsEngineering ? t('game:plan.needsEngineering', { count: card.engineeringDays }) : null,
      card.minPartners > 0 ? t('game:plan.minPartners', { count: card.minPartners }) : null,
      card.needsEcosystem ? t('game:plan.needsEcosystem') : null,
    ].filter((b): b is string => b !== null);
    const pool =
      card.poolable && freePartners.length > 0
        ? h(
            'fieldset',
            { class: 'pool' },
            h('legend', {}, t('game:plan.poolWith')),
            ...freePartners.map((p) => {
              const id = `pool-${card.id}-${p.id}`;
              const box = h('input', { type: 'checkbox', id, checked: partners.has(p.id) });
              box.addEventListener('change', () => {
                const set = ctx.poolChoice.get(card.id) ?? new Set<string>();
                if (box.checked) set.add(p.id);
                else set.delete(p.id);
                ctx.poolChoice.set(card.id, set);
              });
              return h(
                'span',
                { class: 'field-check' },
                box,
                h('label', { for: id }, `${p.name} (${communeName(ctx.scenario, p.commune)})`),
              );
            }),
          )
        : null;
    list.append(
      h(
        'li',
        { class: 'game-card', 'data-card': card.id },
        h('h3', {}, localize(card.title)),
        h('p', {}, localize(card.description)),
        cardFacts(card, ctx.scenario),
        priceLine(game, ctx.scenario, team, card.id),
        badges.length > 0 ? h('p', { class: 'badges' }, badges.join(' · ')) : null,
        card.source
          ? h('p', { class: 'source' }, t('game:format.labelled', { label: t('game:plan.source'), value: localize(card.source) }))
          : null,
        pool,
        button(
          t('game:plan.choose'),
          () => {
            ctx.fundingChoice.clear();
            ctx.send({ type: 'CHOOSE_PROJECT', card: card.id, partners: [...(ctx.poolChoice.get(card.id) ?? [])] });
          },
          { 'aria-label': t('game:plan.chooseNamed', { card: localize(card.title) }) },
        ),
      ),
    );
  }
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
    cards.length > 0 ? list : h('p', {}, t('game:plan.none')),
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

/** What the team would pay alone with the levers that apply, or that it cannot afford it now. */
function priceLine(game: GameState, scenario: Scenario, team: string, card: string): HTMLElement | null {
  const price = soloPrice(game, scenario, team, card);
  if (price.affordable) return h('p', { class: 'price' }, t('game:plan.yourShare', { amount: price.share }));
  if (price.error === 'budget')
    return h('p', { class: 'price over-budget' }, t('game:plan.beyondBudget', { amount: price.share }));
  return price.error ? h('p', { class: 'price' }, t('game:fund.refused', { reason: t(`game:errors.${price.error}`) })) : null;
}
