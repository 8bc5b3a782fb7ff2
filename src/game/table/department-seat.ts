/**
 * The Department seat: before the communes plan (diagnose phase), whoever holds
 * it (the facilitator, or a team playing the Department's territorial officer
 * for the solidarity economy) may split each money lever's envelope of the
 * round between the communes; without it, the published rule applies (first
 * come, first served).
 */
import type { Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { panelStatus } from '../../ui/panel-news.ts';
import type { GameView, ViewEvent as SessionEvent } from '../session/controller.ts';

export function departmentSeatForm(view: GameView, scenario: Scenario, send: (event: SessionEvent) => void): HTMLElement | null {
  const game = view.game;
  if (!game || view.status !== 'playing' || game.phase !== 'diagnose') return null;
  const levers = scenario.levers.filter((lever) => lever.share > 0);
  const holder = game.teams.find((team) => team.id === game.departmentSeat);
  return h(
    'fieldset',
    { class: 'department-seat' },
    h('legend', {}, holder ? t('game:department.seatTeam', { team: holder.name }) : t('game:department.seat')),
    h('p', {}, holder ? t('game:department.seatTeamIntro', { team: holder.name }) : t('game:department.seatIntro')),
    ...levers.map((lever) => {
      const total = game.envelope[lever.id] ?? 0;
      const current = game.allocations[lever.id];
      const inputs = game.teams.map((team) => {
        const id = `allocate-${lever.id}-${team.id}`;
        const input = h('input', {
          type: 'number',
          id,
          min: 0,
          max: total,
          step: 5,
          inputmode: 'numeric',
          value: current?.[team.id] ?? Math.floor(total / game.teams.length),
        });
        return { team, input, field: h('p', { class: 'field' }, h('label', { for: id }, team.name), input) };
      });
      const status = h('p', { class: 'refusal', role: 'alert', hidden: true });
      return h(
        'div',
        { class: 'allocation', 'data-lever': lever.id },
        h('h3', {}, t('game:department.leverTotal', { lever: localize(lever.name), amount: total })),
        ...inputs.map((i) => i.field),
        status,
        h(
          'button',
          {
            type: 'button',
            class: 'button-quiet',
            id: `allocate-save-${lever.id}`,
            onclick: () => {
              const shares: Record<string, number> = {};
              for (const { team, input } of inputs) shares[team.id] = Number(input.value);
              const sum = Object.values(shares).reduce((a, b) => a + b, 0);
              if (Object.values(shares).some((v) => !Number.isInteger(v) || v < 0) || sum > total) {
                status.hidden = false;
                status.textContent = t('game:department.tooMuch', { sum, amount: total });
                return;
              }
              send({ type: 'ALLOCATE', lever: lever.id, shares, ...(holder ? { by: holder.id } : {}) });
            },
          },
          t('game:department.allocate', { lever: localize(lever.name) }),
        ),
        current ? panelStatus(t('game:department.allocated')) : null,
      );
    }),
  );
}
