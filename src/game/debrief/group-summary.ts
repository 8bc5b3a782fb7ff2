/**
 * The projector's end of game: one summary the whole room reads at once, in
 * large type, instead of the long per-team debrief (which stays on the table,
 * the seats and the console). Each team's final resilience against the
 * target, reached or missed and the main reason in points (explainTarget), the
 * hazards of the game and the pooled projects. Nothing to press: the projector
 * is not driven.
 */
import { endedEarly, explainTarget, roundsPlayed } from '../../engine/explain.ts';
import type { GameState, Scenario, TeamState } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import { communeName } from '../table/format.ts';
import { cardTitle, hazardName, indicatorName, listText, teamName } from './format.ts';
import './group-summary.css';

/** The verdict and its main reason, in points: a collapse first, else the costliest need. */
function teamResult(scenario: Scenario, team: TeamState, early: boolean): HTMLElement {
  const why = explainTarget(team, scenario);
  const state = early ? 'early' : why.reached ? 'reached' : 'missed';
  const verdict =
    state === 'early'
      ? t('debrief:group.early')
      : state === 'reached'
        ? t('debrief:group.reached', { count: why.overall - why.target })
        : t('debrief:group.missed', { count: Math.max(0, why.target - why.overall) });
  const cost = why.costs[0];
  const reason =
    why.collapsedNeeds.length > 0
      ? t('debrief:group.collapsed', {
          needs: listText(why.collapsedNeeds.map((id) => `${indicatorName(id)} (${team.indicators[id]})`)),
        })
      : cost
        ? t(why.reached ? 'debrief:group.watch' : 'debrief:group.cost', {
            indicator: indicatorName(cost.indicator),
            value: cost.value,
            count: cost.points,
          })
        : t('debrief:group.noCost');
  return h(
    'li',
    { class: 'group-team', 'data-team': team.id, 'data-result': state },
    h(
      'h3',
      { class: 'group-team-name' },
      team.name,
      h('span', { class: 'group-team-commune' }, ` · ${communeName(scenario, team.commune)}`),
    ),
    h(
      'p',
      { class: 'group-team-score' },
      h('span', { class: 'group-team-overall' }, String(why.overall)),
      h('span', { class: 'group-team-target' }, t('debrief:group.target', { target: why.target })),
    ),
    h('p', { class: 'group-team-verdict' }, verdict),
    h('p', { class: 'group-team-reason' }, reason),
  );
}

function hazardsBlock(game: GameState, scenario: Scenario): HTMLElement {
  return h(
    'section',
    { class: 'group-block', 'aria-labelledby': 'group-hazards' },
    h(
      'h3',
      { id: 'group-hazards' },
      game.hazards.length === 0
        ? t('debrief:group.hazardsTitleNone')
        : t('debrief:group.hazardsTitle', { count: game.hazards.length }),
    ),
    game.hazards.length === 0
      ? h('p', {}, t('debrief:group.noHazard'))
      : h(
          'ol',
          { class: 'group-hazards' },
          ...game.hazards.map((record) =>
            h(
              'li',
              { 'data-hazard': record.hazard },
              icon('hazard', record.hazard),
              t('debrief:group.hazard', { round: record.round, hazard: hazardName(scenario, record.hazard) }),
              record.injected ? ` ${t('debrief:hazards.injected')}` : '',
            ),
          ),
        ),
  );
}

function pooledBlock(game: GameState, scenario: Scenario): HTMLElement {
  const pooled = game.projects.filter((p) => p.pooled);
  return h(
    'section',
    { class: 'group-block', 'aria-labelledby': 'group-pooled' },
    h(
      'h3',
      { id: 'group-pooled' },
      pooled.length === 0 ? t('debrief:group.pooledTitleNone') : t('debrief:group.pooledTitle', { count: pooled.length }),
    ),
    pooled.length === 0
      ? h('p', {}, t('debrief:group.noPooled'))
      : h(
          'ul',
          { class: 'group-pooled' },
          ...pooled.map((p) =>
            h(
              'li',
              { 'data-project': p.id },
              t(p.built ? 'debrief:group.pooledBuilt' : 'debrief:group.pooledUnderway', {
                card: cardTitle(scenario, p.card),
                teams: listText(p.owners.map((id) => teamName(game, id))),
              }),
            ),
          ),
        ),
  );
}

export function groupSummary(game: GameState, scenario: Scenario): HTMLElement {
  const early = endedEarly(game);
  const played = roundsPlayed(game);
  return h(
    'section',
    { class: 'group-summary', 'aria-labelledby': 'group-summary-title' },
    h('h2', { id: 'group-summary-title', tabindex: -1 }, t('debrief:group.title')),
    h(
      'p',
      { class: 'group-intro' },
      t('debrief:group.intro', {
        scenario: localize(scenario.title),
        count: played,
        rounds: game.rounds,
        target: scenario.targetResilience,
      }),
    ),
    early ? h('p', { class: 'group-early', role: 'note' }, t('debrief:headline.early', { played, rounds: game.rounds })) : null,
    h('ol', { class: 'group-teams' }, ...game.teams.map((team) => teamResult(scenario, team, early))),
    h('div', { class: 'group-blocks' }, hazardsBlock(game, scenario), pooledBlock(game, scenario)),
  );
}
