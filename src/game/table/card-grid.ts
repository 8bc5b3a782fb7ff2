/**
 * The cards a team may start, as a compact grid it can narrow (need served,
 * hazard shielded, affordable now) and order (cost, need gain, hazard share).
 * The figures come from the engine's selectors (chooseCards); the choice is the
 * seat's view preference: kept per team across redraws, never sent to the game.
 */
import { ANY_CARD, type CardChoice, chooseCards, soloPrice } from '../../engine/index.ts';
import type { Card, GameState, IndicatorId, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import { communeName, effectsText, indicatorName, percent } from './format.ts';
import { button, type PanelContext } from './panels.ts';
import './card-grid.css';

/** "Label: a, b" as one list item, each hazard after its (decorative) icon; the words are those of format.labelled. */
function hazardsFact(label: string, shares: { hazard: string; share: number }[], scenario: Scenario): HTMLElement {
  const mark = '\u2063';
  const [before = '', after = ''] = t('game:format.labelled', { label, value: mark }).split(mark);
  const items = shares.flatMap((m, i) => {
    const hazard = scenario.hazards[m.hazard];
    const text = t('game:format.hazardShare', { hazard: hazard ? localize(hazard.name) : m.hazard, share: percent(m.share) });
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

/** What the team would pay alone with the levers that apply, or that it cannot afford it now. */
function priceLine(game: GameState, scenario: Scenario, team: string, card: string): HTMLElement | null {
  const price = soloPrice(game, scenario, team, card);
  if (price.affordable) return h('p', { class: 'price' }, t('game:plan.yourShare', { amount: price.share }));
  if (price.error === 'budget')
    return h('p', { class: 'price over-budget' }, t('game:plan.beyondBudget', { amount: price.share }));
  return price.error ? h('p', { class: 'price' }, t('game:fund.refused', { reason: t(`game:errors.${price.error}`) })) : null;
}

function cardItem(ctx: PanelContext, game: GameState, team: string, card: Card): HTMLElement {
  // Any other commune may be offered a share: it answers on its own turn.
  const freePartners = game.teams.filter((other) => other.id !== team);
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
  return h(
    'li',
    { class: 'game-card', 'data-card': card.id },
    h('h3', {}, localize(card.title)),
    cardFacts(card, ctx.scenario),
    priceLine(game, ctx.scenario, team, card.id),
    badges.length > 0 ? h('p', { class: 'badges' }, badges.join(' · ')) : null,
    // The grid stays compact: the card's story and its source open on demand.
    h(
      'details',
      { class: 'card-more' },
      h('summary', {}, t('game:grid.more')),
      h('p', {}, localize(card.description)),
      card.source
        ? h('p', { class: 'source' }, t('game:format.labelled', { label: t('game:plan.source'), value: localize(card.source) }))
        : null,
    ),
    pool,
    button(
      t('game:plan.choose'),
      () => {
        ctx.fundingChoice.clear();
        ctx.send({ type: 'CHOOSE_PROJECT', card: card.id, partners: [...(ctx.poolChoice.get(card.id) ?? [])] });
      },
      { 'aria-label': t('game:plan.chooseNamed', { card: localize(card.title) }) },
    ),
  );
}

const SORTS: CardChoice['sort'][] = ['deck', 'cost', 'need', 'hazard'];

/** A screen reader hears the count once the choice settles, not at every arrow key through a list. */
const COUNT_DELAY_MS = 400;

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('p', { class: 'field' }, h('label', { for: id }, label), control);
}

function select(id: string, options: [string, string][], value: string): HTMLSelectElement {
  return h('select', { id }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

/** The filter and sort controls, the live count and the grid of the (one or more) cards open to a team. */
export function cardGrid(ctx: PanelContext, game: GameState, team: string): HTMLElement {
  const scenario = ctx.scenario;
  const choice = { ...(ctx.gridChoice.get(team) ?? ANY_CARD) };
  const need = select(
    'card-need',
    [['', t('game:grid.anyNeed')], ...scenario.indicatorIds.map((id): [string, string] => [id, indicatorName(id)])],
    choice.need ?? '',
  );
  const hazard = select(
    'card-hazard',
    [
      ['', t('game:grid.anyHazard')],
      ...scenario.deckHazards.map((entry): [string, string] => [
        entry.hazard,
        localize(scenario.hazards[entry.hazard]?.name ?? { fr: entry.hazard, en: entry.hazard }),
      ]),
    ],
    choice.hazard ?? '',
  );
  const affordable = h('input', { type: 'checkbox', id: 'card-affordable', checked: choice.affordable });
  const sort = select(
    'card-sort',
    SORTS.map((s): [string, string] => [s, t(`game:grid.sort.${s}`)]),
    choice.sort,
  );
  const count = h('p', { class: 'card-count', id: 'card-count', role: 'status' });
  const list = h('ul', { class: 'card-list', 'aria-label': t('game:grid.title') });
  const empty = h('div', { class: 'card-empty' });
  let timer = 0;

  const draw = (announce: boolean) => {
    const { cards, total } = chooseCards(game, scenario, team, choice);
    list.replaceChildren(...cards.map((card) => cardItem(ctx, game, team, card)));
    list.hidden = cards.length === 0;
    empty.replaceChildren(
      ...(cards.length === 0
        ? [
            h('p', {}, t('game:grid.noMatch')),
            button(t('game:grid.showAll'), () => update({ ...ANY_CARD, sort: choice.sort }), { class: 'button-quiet' }),
          ]
        : []),
    );
    const text = t('game:grid.count', { count: cards.length, total });
    window.clearTimeout(timer);
    if (announce) timer = window.setTimeout(() => (count.textContent = text), COUNT_DELAY_MS);
    else count.textContent = text;
  };
  const update = (next: CardChoice) => {
    Object.assign(choice, next);
    need.value = choice.need ?? '';
    hazard.value = choice.hazard ?? '';
    affordable.checked = choice.affordable;
    sort.value = choice.sort;
    ctx.gridChoice.set(team, { ...choice });
    draw(true);
  };
  const read = () =>
    update({
      need: (need.value || null) as IndicatorId | null,
      hazard: hazard.value || null,
      affordable: affordable.checked,
      sort: sort.value as CardChoice['sort'],
    });
  for (const control of [need, hazard, affordable, sort]) control.addEventListener('change', read);
  draw(false);

  return h(
    'section',
    { class: 'card-grid' },
    h(
      'fieldset',
      { class: 'card-grid-controls' },
      h('legend', {}, t('game:grid.legend')),
      field('card-need', t('game:grid.need'), need),
      field('card-hazard', t('game:grid.hazard'), hazard),
      h('p', { class: 'field-check' }, affordable, h('label', { for: 'card-affordable' }, t('game:grid.affordable'))),
      field('card-sort', t('game:grid.sortLabel'), sort),
    ),
    count,
    empty,
    list,
  );
}
