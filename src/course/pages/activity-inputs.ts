/**
 * The activity's form controls, one kind per activity type, all plain form controls (keyboard and screen
 * reader ready, no drag and drop): a radio group of categories per item (sorting), a select of answers
 * per item (matching), a radio group of options with their game cards (game situation).
 */
import { bundledScenarios } from '../../content/scenarios.ts';
import { effectsText } from '../../game/table/format.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { stableOrder } from '../activity-check.ts';
import { type OptionCard, optionCard, type ShockOutcome, shockOutcome, teamShare } from '../game-situation.ts';
import type { Answers } from '../logic.ts';
import type { Activity, GameSituationActivity, MatchingActivity, SortingActivity } from '../schema.ts';

type Answer = (key: string, values: string[]) => void;

function sortingInputs(activity: SortingActivity, draft: Answers, answer: Answer): HTMLElement[] {
  return activity.items.map((item) =>
    h(
      'fieldset',
      { class: 'course-item', id: item.id },
      h('legend', {}, localize(item.label)),
      ...activity.categories.map((category) => {
        const id = `${item.id}--${category.id}`;
        const input = h('input', {
          type: 'radio',
          id,
          name: item.id,
          value: category.id,
          checked: draft[item.id]?.[0] === category.id,
        });
        input.addEventListener('change', () => answer(item.id, [category.id]));
        return h('div', { class: 'field-check' }, input, h('label', { for: id }, localize(category.label)));
      }),
    ),
  );
}

function matchingInputs(activity: MatchingActivity, draft: Answers, answer: Answer): HTMLElement[] {
  const rights = stableOrder(activity.pairs, activity.id);
  return activity.pairs.map((pair) => {
    const id = `${pair.id}--select`;
    const select = h(
      'select',
      { id, name: pair.id },
      h('option', { value: '' }, t('course:activity.choose')),
      ...rights.map((right) =>
        h('option', { value: right.id, selected: draft[pair.id]?.[0] === right.id }, localize(right.right)),
      ),
    );
    select.addEventListener('change', () => answer(pair.id, select.value ? [select.value] : []));
    return h('div', { class: 'field course-item', id: pair.id }, h('label', { for: id }, localize(pair.left)), select);
  });
}

/** The game card behind an option: title, actor, effects and its price in a fresh game. */
export function optionCardDetails(option: OptionCard, id: string): HTMLElement {
  const { card, quote } = option;
  const price = quote.ok
    ? [
        t('course:game.cost', { cost: card.cost }),
        option.levers.length > 0
          ? t('course:game.levers', {
              levers: option.levers.map((l) => t('course:game.lever', { name: localize(l.name), amount: l.amount })).join(', '),
            })
          : t('course:game.noLever'),
        t('course:game.share', { amount: teamShare(option) }),
        t('course:game.duration', { count: quote.duration }),
      ].join(' ')
    : `${t('course:game.cost', { cost: card.cost })} ${t('course:game.notOpen')}`;
  return h(
    'div',
    { class: 'course-game-card', id },
    h('p', { class: 'course-game-card-title' }, localize(card.title)),
    option.actor ? h('p', {}, t('course:game.actor', { actor: localize(option.actor.name) })) : null,
    h('p', {}, t('course:game.effects', { effects: effectsText(Object.fromEntries(option.effects)) })),
    h('p', {}, price),
  );
}

export function optionCards(activity: GameSituationActivity): Map<string, OptionCard> {
  const scenario = bundledScenarios().get(activity.scenario);
  const out = new Map<string, OptionCard>();
  if (!scenario) return out;
  for (const option of activity.options) {
    const card = optionCard(scenario, option.card);
    if (card) out.set(option.id, card);
  }
  return out;
}

function situationInputs(activity: GameSituationActivity, draft: Answers, answer: Answer): HTMLElement[] {
  const cards = optionCards(activity);
  return [
    h(
      'fieldset',
      { class: 'course-item course-options', id: activity.id },
      h('legend', {}, localize(activity.prompt)),
      ...stableOrder(activity.options, activity.id).map((option) => {
        const card = cards.get(option.id);
        const cardId = `${option.id}--card`;
        const input = h('input', {
          type: 'radio',
          id: option.id,
          name: activity.id,
          value: option.id,
          checked: draft[activity.id]?.[0] === option.id,
          'aria-describedby': card ? cardId : undefined,
        });
        input.addEventListener('change', () => answer(activity.id, [option.id]));
        return h(
          'div',
          { class: 'course-option' },
          h('div', { class: 'field-check' }, input, h('label', { for: option.id }, localize(option.label))),
          card ? optionCardDetails(card, cardId) : null,
        );
      }),
    ),
  ];
}

export function activityInputs(activity: Activity, draft: Answers, answer: Answer): HTMLElement[] {
  if (activity.type === 'sorting') return sortingInputs(activity, draft, answer);
  if (activity.type === 'matching') return matchingInputs(activity, draft, answer);
  return situationInputs(activity, draft, answer);
}

/** The shock's outcome for each option, from the engine (see shockOutcome). */
export function optionOutcomes(activity: GameSituationActivity): Map<string, ShockOutcome> {
  const scenario = bundledScenarios().get(activity.scenario);
  const out = new Map<string, ShockOutcome>();
  if (!scenario) return out;
  for (const option of activity.options) {
    const outcome = shockOutcome(scenario, option.card, activity.shock);
    if (outcome) out.set(option.id, outcome);
  }
  return out;
}

/** "What happens next": the shock, the losses with the project and without, the share absorbed. */
export function outcomeDetails(outcome: ShockOutcome): HTMLElement {
  const losses = (impacts: ShockOutcome['impacts']) => effectsText(impacts) || t('course:game.outcome.noLoss');
  return h(
    'div',
    { class: 'course-outcome' },
    h(
      'p',
      { class: 'course-outcome-title' },
      t('course:game.outcome.title', { round: outcome.round, hazard: localize(outcome.hazard.name) }),
    ),
    outcome.started ? null : h('p', {}, t('course:game.outcome.notStarted')),
    h('p', {}, t('course:game.outcome.losses', { impacts: losses(outcome.impacts) })),
    h('p', {}, t('course:game.outcome.without', { impacts: losses(outcome.withoutProject) })),
    h('p', {}, t('course:game.outcome.absorbed', { percent: Math.round(outcome.absorbed * 100) })),
    outcome.collapsed ? h('p', { class: 'course-verdict is-wrong' }, t('course:game.outcome.collapsed')) : null,
  );
}
