/**
 * The rules that decide the game, on screen: the target and the score
 * formula, the collapse threshold, the odds of each hazard, what is left of
 * the Department's envelopes this year, and a warning for any essential need
 * near collapse. Every figure comes from the scenario, the rules or a selector.
 */
import { hazardOdds, needsNearCollapse, OVERALL_MEAN_WEIGHT, OVERALL_MIN_WEIGHT } from '../../engine/index.ts';
import type { GameState, Scenario } from '../../engine/types.ts';
import { currentLanguage, localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { indicatorName, percent } from './format.ts';

const decimal = (n: number) => new Intl.NumberFormat(currentLanguage()).format(n);
const list = (items: string[]) => new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(items);

/** Warnings for the teams given (one team on its seat, every team elsewhere) whose essential needs near collapse. */
export function collapseWarnings(game: GameState, scenario: Scenario, teams: readonly string[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const team of game.teams) {
    if (!teams.includes(team.id)) continue;
    const near = needsNearCollapse(team, scenario);
    if (near.length === 0) continue;
    out.push(
      h(
        'p',
        { class: 'collapse-warning', 'data-team': team.id },
        t(team.collapsed ? 'game:rules.inCollapse' : 'game:rules.nearCollapse', {
          team: team.name,
          needs: list(near.map((id) => `${indicatorName(id)} ${team.indicators[id]}`)),
          threshold: scenario.collapseAt,
        }),
      ),
    );
  }
  return out;
}

export function rulesPanel(game: GameState, scenario: Scenario): HTMLElement {
  const money = scenario.levers.filter((lever) => lever.share > 0);
  return h(
    'details',
    { class: 'rules-panel' },
    h('summary', {}, t('game:rules.title')),
    h(
      'ul',
      {},
      h('li', {}, t('game:rules.target', { target: scenario.targetResilience })),
      h('li', {}, t('game:rules.formula', { mean: decimal(OVERALL_MEAN_WEIGHT), min: decimal(OVERALL_MIN_WEIGHT) })),
      h('li', {}, t('game:rules.collapse', { threshold: scenario.collapseAt })),
      h(
        'li',
        {},
        t('game:rules.odds'),
        h(
          'ul',
          {},
          ...hazardOdds(scenario).map(({ hazard, share }) =>
            h(
              'li',
              {},
              t('game:rules.oddsLine', {
                hazard: localize(scenario.hazards[hazard]?.name ?? { fr: hazard, en: hazard }),
                share: percent(share),
              }),
            ),
          ),
        ),
      ),
      h(
        'li',
        {},
        t('game:rules.envelopes'),
        h(
          'ul',
          {},
          ...money.map((lever) =>
            h(
              'li',
              {},
              t('game:department.envelope', { lever: localize(lever.name), amount: Math.max(0, game.envelope[lever.id] ?? 0) }),
            ),
          ),
          h('li', {}, t('game:rules.days', { count: game.engineeringDays })),
        ),
      ),
    ),
  );
}
