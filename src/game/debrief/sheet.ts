import type { GameState, Scenario } from '../../engine/types.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import type { TeamFacts } from './facts.ts';
import {
  actorName,
  cardTitle,
  effectsText,
  formatPercent,
  hazardName,
  indicatorName,
  leverNames,
  pooledText,
  statusText,
} from './format.ts';
import { guideRefText } from './links.ts';

/** Lessons on each team's printed sheet. */
const SHEET_LESSONS = 3;
/** Beyond this many projects, the sheet tightens its type to stay on one page. */
const DENSE_SHEET = 8;

export function sheet(game: GameState, scenario: Scenario, facts: TeamFacts): HTMLElement {
  const team = facts.team;
  const lived = game.hazards.filter((record) => record.effects[team.id]);
  return h(
    'article',
    { class: facts.decisions.length > DENSE_SHEET ? 'debrief-sheet debrief-sheet-dense' : 'debrief-sheet', 'data-team': team.id },
    h('h2', {}, t('debrief:sheet.title', { team: team.name })),
    h('p', { class: 'debrief-sheet-scenario' }, t('debrief:sheet.scenario', { scenario: localize(scenario.title) })),
    h(
      'p',
      {},
      t('debrief:headline.overall', { overall: facts.score.overall, target: scenario.targetResilience }),
      ' — ',
      statusText(facts),
    ),
    h('h3', {}, t('debrief:sheet.indicators')),
    h(
      'table',
      { class: 'debrief-table debrief-sheet-indicators' },
      h('caption', { class: 'visually-hidden' }, t('debrief:sheet.indicatorsCaption', { team: team.name })),
      h('thead', {}, h('tr', {}, ...scenario.indicatorIds.map((id) => h('th', { scope: 'col' }, indicatorName(id))))),
      h('tbody', {}, h('tr', {}, ...scenario.indicatorIds.map((id) => h('td', {}, String(team.indicators[id]))))),
    ),
    h('h3', {}, t('debrief:sheet.projects')),
    facts.decisions.length === 0
      ? h('p', {}, t('debrief:decisions.none'))
      : h(
          'table',
          { class: 'debrief-table debrief-sheet-projects' },
          h('caption', { class: 'visually-hidden' }, t('debrief:sheet.projectsCaption', { team: team.name })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('debrief:sheet.project')),
              h('th', { scope: 'col' }, t('debrief:sheet.round')),
              h('th', { scope: 'col' }, t('debrief:sheet.actor')),
              h('th', { scope: 'col' }, t('debrief:sheet.levers')),
            ),
          ),
          h(
            'tbody',
            {},
            ...facts.decisions.map(({ project }) =>
              h(
                'tr',
                {},
                h(
                  'th',
                  { scope: 'row' },
                  cardTitle(scenario, project.card),
                  project.pooled ? h('span', { class: 'debrief-note' }, ` (${pooledText(game, project, team.id)})`) : null,
                ),
                h('td', {}, String(project.readyRound)),
                h('td', {}, actorName(scenario, project.card)),
                h('td', {}, leverNames(scenario, project)),
              ),
            ),
          ),
        ),
    h('h3', {}, t('debrief:sheet.hazards')),
    lived.length === 0
      ? h('p', {}, t('debrief:hazards.none'))
      : h(
          'ul',
          { class: 'debrief-sheet-hazards' },
          ...lived.map((record) =>
            h(
              'li',
              {},
              t('debrief:sheet.hazard', {
                round: record.round,
                hazard: hazardName(scenario, record.hazard),
                impacts: effectsText(record.effects[team.id]?.impacts ?? {}, scenario),
                mitigation: formatPercent(record.effects[team.id]?.mitigation ?? 0),
              }),
            ),
          ),
        ),
    h('h3', {}, t('debrief:sheet.lessons')),
    facts.lessons.length === 0
      ? h('p', {}, t('debrief:lessons.none'))
      : h(
          'ol',
          {},
          ...facts.lessons
            .slice(0, SHEET_LESSONS)
            .map((lesson) =>
              h(
                'li',
                {},
                localize(lesson.text),
                ' ',
                h('span', { class: 'debrief-sheet-ref' }, `(${guideRefText(lesson.guide)})`),
              ),
            ),
        ),
  );
}
