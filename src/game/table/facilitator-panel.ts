/** Facilitator controls, on the same screen: pause, timer, inject a hazard, skip. */
import type { Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { panelStatus } from '../../ui/panel-news.ts';
import type { GameView, ViewEvent as SessionEvent } from '../session/controller.ts';
import { departmentSeatForm } from './department-seat.ts';
import { formatSeconds } from './format.ts';
import { emptyDraft, type NoteDraft, notesPanel } from './notes-panel.ts';

export interface FacilitatorHandlers {
  send(event: SessionEvent): void;
  confirm(message: string): Promise<boolean>;
  /** The note being typed, kept by the view across redraws. */
  noteDraft?: NoteDraft;
}

const LIMITS = [60, 120, 180, 300, 600];

export function facilitatorPanel(view: GameView, scenario: Scenario, handlers: FacilitatorHandlers): HTMLElement {
  const { send } = handlers;
  const timer = view.timer;
  const enabled = h('input', { type: 'checkbox', id: 'timer-on', checked: timer.enabled });
  const limit = h(
    'select',
    { id: 'timer-limit' },
    ...LIMITS.map((s) =>
      h('option', { value: s, selected: s === timer.limitSeconds }, t('game:facilitator.minutes', { count: s / 60 })),
    ),
  );
  const force = h('input', { type: 'checkbox', id: 'timer-force', checked: timer.forceOnExpiry });
  const configure = () =>
    send({ type: 'SET_TIMER', enabled: enabled.checked, limitSeconds: Number(limit.value), forceOnExpiry: force.checked });
  enabled.addEventListener('change', configure);
  limit.addEventListener('change', configure);
  force.addEventListener('change', configure);

  const hazardSelect = h(
    'select',
    { id: 'inject-hazard' },
    ...scenario.deckHazards.map((entry) => {
      const hazard = scenario.hazards[entry.hazard];
      return h('option', { value: entry.hazard }, hazard ? localize(hazard.name) : entry.hazard);
    }),
  );
  const pending = view.round?.pendingHazard ?? null;
  const pendingName = pending ? localize(scenario.hazards[pending]?.name ?? { fr: pending, en: pending }) : null;
  const playing = view.status === 'playing';

  return h(
    'section',
    { class: 'facilitator-panel', 'aria-labelledby': 'facilitator-title' },
    h('h2', { id: 'facilitator-title' }, t('game:facilitator.title')),
    h(
      'div',
      { class: 'panel-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button',
          id: 'facilitator-pause',
          disabled: !playing,
          'data-action': 'pause',
          onclick: () => send({ type: view.paused ? 'RESUME' : 'PAUSE' }),
        },
        view.paused ? t('game:facilitator.resume') : t('game:facilitator.pause'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button-quiet',
          id: 'facilitator-skip-phase',
          disabled: !playing,
          onclick: () => send({ type: 'SKIP_PHASE' }),
        },
        t('game:facilitator.skipPhase'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button-quiet',
          id: 'facilitator-skip-debrief',
          disabled: !playing,
          onclick: async () => {
            if (await handlers.confirm(t('game:facilitator.confirmDebrief'))) send({ type: 'SKIP_TO_DEBRIEF' });
          },
        },
        t('game:facilitator.skipToDebrief'),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('game:facilitator.timer')),
      h('p', { class: 'field-check' }, enabled, h('label', { for: 'timer-on' }, t('game:facilitator.timerOn'))),
      h('p', { class: 'field' }, h('label', { for: 'timer-limit' }, t('game:facilitator.limit')), limit),
      h('p', { class: 'field-check' }, force, h('label', { for: 'timer-force' }, t('game:facilitator.force'))),
      h(
        'button',
        {
          type: 'button',
          class: 'button-quiet',
          id: 'facilitator-extend',
          disabled: !timer.enabled,
          onclick: () => send({ type: 'EXTEND_TIME', seconds: 60 }),
        },
        t('game:facilitator.extend'),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('game:facilitator.inject')),
      h('p', { class: 'field' }, h('label', { for: 'inject-hazard' }, t('game:facilitator.inject')), hazardSelect),
      h(
        'button',
        {
          type: 'button',
          class: 'button-quiet',
          id: 'facilitator-inject',
          disabled: !playing,
          onclick: () => send({ type: 'INJECT_HAZARD', hazard: hazardSelect.value }),
        },
        t('game:facilitator.injectButton'),
      ),
      pendingName ? panelStatus(t('game:facilitator.injected', { hazard: pendingName })) : null,
    ),
    planAhead(view, scenario, send),
    view.game?.departmentSeat === null ? departmentSeatForm(view, scenario, send) : null,
    notesPanel(view.game.notes, handlers.noteDraft ?? emptyDraft(), send),
  );
}

/** Shocks planned for later rounds: the facilitator's script, never shown to the room. */
function planAhead(view: GameView, scenario: Scenario, send: FacilitatorHandlers['send']): HTMLElement | null {
  const game = view.game;
  if (!game || view.status !== 'playing') return null;
  const first = ['shock', 'evaluate'].includes(game.phase) ? game.round + 1 : game.round;
  if (first > game.rounds) return null;
  const hazardName = (id: string) => localize(scenario.hazards[id]?.name ?? { fr: id, en: id });
  const roundSelect = h(
    'select',
    { id: 'plan-round' },
    ...Array.from({ length: game.rounds - first + 1 }, (_, i) =>
      h('option', { value: first + i }, t('game:facilitator.planRound', { round: first + i })),
    ),
  );
  const hazardSelect = h(
    'select',
    { id: 'plan-hazard' },
    ...scenario.deckHazards.map((entry) => h('option', { value: entry.hazard }, hazardName(entry.hazard))),
  );
  const planned = game.plannedHazards.filter((p) => p.round >= first);
  return h(
    'fieldset',
    { class: 'plan-ahead' },
    h('legend', {}, t('game:facilitator.planTitle')),
    h('p', { class: 'field' }, h('label', { for: 'plan-round' }, t('game:facilitator.planRoundLabel')), roundSelect),
    h('p', { class: 'field' }, h('label', { for: 'plan-hazard' }, t('game:facilitator.planHazardLabel')), hazardSelect),
    h(
      'button',
      {
        type: 'button',
        class: 'button-quiet',
        id: 'facilitator-plan',
        onclick: () => send({ type: 'PLAN_HAZARD', round: Number(roundSelect.value), hazard: hazardSelect.value }),
      },
      t('game:facilitator.planButton'),
    ),
    planned.length === 0
      ? h('p', {}, t('game:facilitator.planNone'))
      : h(
          'ul',
          { class: 'planned-hazards' },
          ...planned.map((p) => h('li', {}, t('game:facilitator.planned', { round: p.round, hazard: hazardName(p.hazard) }))),
        ),
  );
}

/** The visible timer: shown to everyone whenever the facilitator turned it on. */
export function timerDisplay(view: GameView): HTMLElement | null {
  if (!view.timer.enabled || view.status !== 'playing') return null;
  const expired = view.timer.remainingSeconds <= 0;
  return h(
    'p',
    { class: `turn-timer${expired ? ' expired' : ''}`, role: 'timer', 'aria-live': 'off' },
    expired
      ? t('game:facilitator.expired')
      : t('game:facilitator.remaining', { time: formatSeconds(view.timer.remainingSeconds) }),
  );
}
