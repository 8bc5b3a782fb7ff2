/**
 * The DOM panel of each round phase. Panels read the snapshot, ask the engine
 * for quotes, and send events; the rules stay in the engine.
 */
import {
  findTeam,
  overallResilience,
  quoteProject,
  roundInPlay,
  shieldingProjects,
  teamsToAct,
  weakestDimension,
} from '../../engine/index.ts';
import type { CardChoice } from '../../engine/selectors.ts';
import type { GameState, Scenario } from '../../engine/types.ts';
import { guideHref } from '../../guide/links.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import type { GameView, ViewEvent as SessionEvent } from '../session/controller.ts';
import { departmentSeatForm } from './department-seat.ts';
import { communeName, effectsText, indicatorName, signed } from './format.ts';
import { planPanel } from './plan-panel.ts';

export interface PanelContext {
  scenario: Scenario;
  view: GameView;
  send(event: SessionEvent): void;
  /** Levers ticked on the funding panel, kept across redraws. */
  fundingChoice: Set<string>;
  /** Partners ticked per card on the planning panel. */
  poolChoice: Map<string, Set<string>>;
  /** Each team's filter and sort of its cards (a view preference), kept across redraws. */
  gridChoice: Map<string, CardChoice>;
}

export const button = (label: string, onclick: () => void, attrs: Record<string, string> = {}) =>
  h('button', { type: 'button', class: 'button', onclick, ...attrs }, label);

/** The indicators of every team; wrapped so a wide table scrolls and can be reached from the keyboard. */
export function indicatorsTable(game: GameState, scenario: Scenario): HTMLElement {
  const caption = t('game:table.caption', { round: roundInPlay(game) });
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'group', 'aria-label': caption },
    indicatorsGrid(game, scenario, caption),
  );
}

function indicatorsGrid(game: GameState, scenario: Scenario, caption: string): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('game:table.team')),
        ...scenario.indicatorIds.map((id) => h('th', { scope: 'col' }, icon('need', id), indicatorName(id))),
        h('th', { scope: 'col' }, t('game:table.overall')),
        h('th', { scope: 'col' }, t('game:table.budget')),
      ),
    ),
    h(
      'tbody',
      {},
      ...game.teams.map((team) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, team.name, h('span', { class: 'commune' }, ` · ${communeName(scenario, team.commune)}`)),
          ...scenario.indicatorIds.map((id) =>
            h('td', { class: team.indicators[id] < 30 ? 'low' : undefined }, String(team.indicators[id])),
          ),
          h('td', {}, String(overallResilience(team.indicators, scenario.indicatorIds))),
          h('td', {}, String(team.budget)),
        ),
      ),
    ),
  );
}

function diagnosePanel(ctx: PanelContext, game: GameState): HTMLElement[] {
  const notes = game.teams.map((team) => {
    const weakest = weakestDimension(team.indicators, ctx.scenario.indicatorIds);
    return h(
      'li',
      {},
      `${team.name} — ${t('game:diagnose.weakest', { indicator: indicatorName(weakest), value: team.indicators[weakest] })}`,
    );
  });
  return [
    // The scenario's story opens the game: what this territory is and what it faces.
    ...(game.round === 1
      ? [
          h(
            'section',
            { class: 'scenario-story', 'aria-labelledby': 'scenario-story-title' },
            h(
              'h3',
              { id: 'scenario-story-title' },
              t('game:diagnose.story', { territory: localize(ctx.scenario.territory.name) }),
            ),
            h('p', {}, localize(ctx.scenario.description)),
          ),
        ]
      : []),
    h('p', {}, t('game:diagnose.intro')),
    indicatorsTable(game, ctx.scenario),
    h('ul', {}, ...notes),
    // A team holding the Department seat splits the envelopes here, before the communes plan.
    ...(game.departmentSeat === null ? [] : [departmentSeatForm(ctx.view, ctx.scenario, ctx.send)].filter((x) => x !== null)),
    button(t('game:diagnose.continue'), () => ctx.send({ type: 'CONTINUE' }), { 'data-primary': '' }),
  ];
}

function fundPanel(ctx: PanelContext, game: GameState, team: string): HTMLElement[] {
  const selection = ctx.view.round?.selection;
  const card = selection ? ctx.scenario.cards[selection.card] : undefined;
  if (!selection || !card) return [];
  const action = () => ({
    type: 'start-project' as const,
    team,
    card: card.id,
    levers: [...ctx.fundingChoice],
    partners: selection.partners,
  });
  const refusal = ctx.view.round?.refusal;
  const quoteBox = h('div', { class: 'quote', 'aria-live': 'polite' });
  const drawQuote = () => {
    const quote = quoteProject(game, ctx.scenario, action());
    const paid = Object.values(quote.leverPaid).reduce((a, b) => a + b, 0);
    const lines: (HTMLElement | null)[] = [
      h('p', {}, t('game:fund.quoteLevers', { amount: paid })),
      ...Object.entries(quote.shares).map(([owner, amount]) =>
        h(
          'p',
          {},
          owner === team
            ? t('game:fund.quoteTeam', { amount })
            : t('game:fund.quotePartner', { team: findTeam(game, owner)?.name ?? owner, amount }),
        ),
      ),
      quote.ok ? h('p', {}, t('game:fund.quoteDuration', { count: quote.duration })) : null,
      // The refusal of the launch just tried says it already, as an alert: not twice.
      !quote.ok && quote.error && quote.error !== refusal
        ? h('p', { class: 'refusal' }, t('game:fund.refused', { reason: t(`game:errors.${quote.error}`) }))
        : null,
    ];
    quoteBox.replaceChildren(...lines.filter((x): x is HTMLElement => x !== null));
  };
  const levers = ctx.scenario.levers.map((lever) => {
    const id = `lever-${lever.id}`;
    const eligible = quoteProject(game, ctx.scenario, { ...action(), levers: [lever.id] }).error !== 'lever-not-eligible';
    const box = h('input', { type: 'checkbox', id, checked: ctx.fundingChoice.has(lever.id), disabled: !eligible });
    box.addEventListener('change', () => {
      if (box.checked) ctx.fundingChoice.add(lever.id);
      else ctx.fundingChoice.delete(lever.id);
      // The controller keeps the ticked levers with the save, so a reload finds them ticked.
      ctx.send({ type: 'TICK_LEVERS', levers: [...ctx.fundingChoice] });
      drawQuote();
    });
    return h(
      'li',
      { class: 'field-check' },
      box,
      h('label', { for: id }, icon('lever', lever.id), localize(lever.name), eligible ? '' : ` (${t('game:fund.notEligible')})`),
      h('a', { href: guideHref(lever.guide), class: 'lever-guide' }, '?'),
    );
  });
  drawQuote();
  const parts: (HTMLElement | null)[] = [
    h('p', {}, t('game:fund.intro', { card: localize(card.title) })),
    h('fieldset', {}, h('legend', {}, t('game:fund.levers')), h('ul', { class: 'lever-list' }, ...levers)),
    quoteBox,
    refusal ? h('p', { class: 'refusal', role: 'alert' }, t('game:fund.refused', { reason: t(`game:errors.${refusal}`) })) : null,
    h(
      'div',
      { class: 'panel-actions' },
      button(t('game:fund.confirm'), () => ctx.send({ type: 'FUND', levers: [...ctx.fundingChoice] }), { 'data-primary': '' }),
      button(t('game:fund.back'), () => ctx.send({ type: 'BACK' }), { class: 'button-quiet' }),
    ),
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}

function implementPanel(ctx: PanelContext, game: GameState): HTMLElement[] {
  const built = game.projects.filter((p) => p.built && p.readyRound === game.round);
  const underWay = game.projects.filter((p) => !p.built).length;
  const names = (ids: string[]) => ids.map((id) => findTeam(game, id)?.name ?? id).join(', ');
  return [
    h('p', {}, t('game:implement.intro')),
    built.length > 0
      ? h(
          'ul',
          {},
          ...built.map((p) =>
            h(
              'li',
              {},
              t('game:implement.built', {
                team: names(p.owners),
                card: localize(ctx.scenario.cards[p.card]?.title ?? { fr: p.card, en: p.card }),
              }),
            ),
          ),
        )
      : h('p', {}, t('game:implement.none')),
    h('p', {}, t('game:implement.inProgress', { count: underWay })),
    button(t('game:implement.continue'), () => ctx.send({ type: 'CONTINUE' }), { 'data-primary': '' }),
  ];
}

export function impactsText(impacts: Record<string, number | undefined>): string {
  return effectsText(impacts as never);
}

function shockPanel(ctx: PanelContext, game: GameState): HTMLElement[] {
  const record = game.hazards[game.hazards.length - 1];
  const hazard = record ? ctx.scenario.hazards[record.hazard] : undefined;
  if (!record || !hazard) return [];
  const lines = game.teams
    .filter((team) => record.effects[team.id])
    .map((team) => {
      const effect = record.effects[team.id];
      const shields = shieldingProjects(game, ctx.scenario, team.id, hazard.id).map((p) =>
        localize(ctx.scenario.cards[p.card]?.title ?? { fr: p.card, en: p.card }),
      );
      const exposure = effect?.exposure ?? 1;
      const reach =
        exposure >= 1
          ? t('game:shock.struck')
          : exposure > 0
            ? t('game:shock.spill', { share: Math.round(exposure * 100) })
            : t('game:shock.spared');
      return h(
        'li',
        {},
        t('game:shock.impact', {
          team: team.name,
          impacts: impactsText(effect?.impacts ?? {}) || '0',
          mitigation: Math.round((effect?.mitigation ?? 0) * 100),
        }),
        h('br'),
        reach,
        h('br'),
        exposure === 0
          ? null
          : shields.length > 0
            ? t('game:shock.shieldedBy', { projects: shields.join(', ') })
            : t('game:shock.noShield'),
      );
    });
  return [
    h(
      'h3',
      { class: 'shock-title' },
      icon('hazard', hazard.id),
      t('game:shock.title', { hazard: localize(hazard.name) }),
      record.injected ? ` ${t('game:shock.injected')}` : '',
    ),
    h('p', {}, localize(hazard.description)),
    h('ul', {}, ...lines),
    h('p', {}, h('a', { href: guideHref(hazard.guide) }, t('game:shock.guide'))),
    button(t('game:shock.continue'), () => ctx.send({ type: 'CONTINUE' }), { 'data-primary': '' }),
  ];
}

function evaluatePanel(ctx: PanelContext, game: GameState): HTMLElement[] {
  const ids = ctx.scenario.indicatorIds;
  const lines = game.teams.map((team) => {
    const before = team.trajectory[team.trajectory.length - 2] ?? team.trajectory[0];
    const now = overallResilience(team.indicators, ids);
    const then = before ? overallResilience(before, ids) : now;
    return h(
      'li',
      {},
      team.collapsed
        ? t('game:evaluate.collapsed', { team: team.name })
        : t('game:evaluate.change', { team: team.name, overall: now, delta: signed(now - then) }),
    );
  });
  return [
    h('p', {}, t('game:evaluate.intro')),
    h('ul', {}, ...lines),
    indicatorsTable(game, ctx.scenario),
    button(game.over ? t('game:evaluate.toDebrief') : t('game:evaluate.next'), () => ctx.send({ type: 'CONTINUE' }), {
      'data-primary': '',
    }),
  ];
}

export function phasePanel(ctx: PanelContext): HTMLElement[] {
  const game = ctx.view.game;
  if (!game) return [];
  const team = teamsToAct(game)[0]?.id;
  switch (ctx.view.phase) {
    case 'diagnose':
      return diagnosePanel(ctx, game);
    case 'plan':
      return team ? planPanel(ctx, game, team) : [];
    case 'fund':
      return team ? fundPanel(ctx, game, team) : [];
    case 'implement':
      return implementPanel(ctx, game);
    case 'shock':
      return shockPanel(ctx, game);
    case 'evaluate':
      return evaluatePanel(ctx, game);
    default:
      return [];
  }
}
