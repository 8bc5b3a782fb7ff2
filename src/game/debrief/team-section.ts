/** One team's part of the debrief: its trajectory, profile, decisions, shocks and lessons. */

import type { GameState, Scenario } from '../../engine/types.ts';
import { courseHref, guideHref } from '../../guide/links.ts';
import { localize, t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import { lineChart, profileChart } from './charts.ts';
import type { TeamFacts } from './facts.ts';
import {
  actorName,
  cardTitle,
  effectsText,
  formatPercent,
  hazardName,
  indicatorName,
  leverNames,
  listText,
  pooledText,
  roundLabel,
  roundShortLabel,
  scrollable,
  shields,
  statusBadge,
} from './format.ts';
import { type CourseModuleLink, courseModuleFor, guideRefTitles } from './links.ts';
import { whyBlock } from './why-block.ts';

function trajectoryBlock(scenario: Scenario, facts: TeamFacts): HTMLElement {
  const trajectory = facts.team.trajectory;
  const name = facts.team.name;
  const chart = lineChart(
    scenario.indicatorIds.map((id) => ({ label: indicatorName(id), values: trajectory.map((point) => point[id]) })),
    { title: t('debrief:trajectory.chartTitle', { team: name }), xLabels: trajectory.map((_, i) => roundShortLabel(i)) },
  );
  const table = h(
    'table',
    { class: 'debrief-table debrief-trajectory' },
    h('caption', {}, t('debrief:trajectory.caption', { team: name })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('debrief:trajectory.indicator')),
        ...trajectory.map((_, i) => h('th', { scope: 'col' }, roundLabel(i))),
      ),
    ),
    h(
      'tbody',
      {},
      ...scenario.indicatorIds.map((id) =>
        h(
          'tr',
          { 'data-indicator': id },
          h('th', { scope: 'row' }, indicatorName(id)),
          ...trajectory.map((point) => h('td', {}, String(point[id]))),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'debrief-block' },
    h('h3', {}, t('debrief:trajectory.title')),
    h('div', { class: 'debrief-figure' }, chart),
    scrollable(table),
  );
}

function profileBlock(scenario: Scenario, facts: TeamFacts): HTMLElement {
  const target = scenario.targetResilience;
  const chart = profileChart(
    [
      { label: t('debrief:profile.overall'), value: facts.score.overall, target },
      ...scenario.indicatorIds.map((id) => ({ label: indicatorName(id), value: facts.score.dimensions[id], target })),
    ],
    t('debrief:profile.chartTitle', { team: facts.team.name, target }),
  );
  return h(
    'div',
    { class: 'debrief-block' },
    h('h3', {}, t('debrief:profile.title')),
    h('p', {}, t('debrief:profile.intro', { target })),
    h('div', { class: 'debrief-figure' }, chart),
  );
}

function decisionsBlock(game: GameState, scenario: Scenario, facts: TeamFacts): HTMLElement {
  const team = facts.team.id;
  const decisions =
    facts.decisions.length === 0
      ? h('p', {}, t('debrief:decisions.none'))
      : h(
          'ol',
          { class: 'debrief-decisions' },
          ...facts.decisions.map(({ project, effects, spared }) =>
            h(
              'li',
              { 'data-project': project.id },
              h('strong', {}, cardTitle(scenario, project.card)),
              project.pooled ? ' ' : null,
              project.pooled ? h('span', { class: 'debrief-tag' }, t('debrief:decisions.pooledTag')) : null,
              h(
                'ul',
                { class: 'debrief-facts' },
                h('li', {}, t('debrief:decisions.when', { built: project.readyRound, started: project.startedRound })),
                h('li', {}, t('debrief:decisions.actor', { actor: actorName(scenario, project.card) })),
                h('li', {}, t('debrief:decisions.levers', { levers: leverNames(scenario, project) })),
                h('li', {}, project.pooled ? pooledText(game, project, team, true) : t('debrief:decisions.alone')),
                h('li', {}, t('debrief:decisions.effects', { effects: effectsText(effects, scenario) })),
                spared === 0
                  ? null
                  : h(
                      'li',
                      {},
                      t(spared > 0 ? 'debrief:decisions.spared' : 'debrief:decisions.worsened', { count: Math.abs(spared) }),
                    ),
              ),
            ),
          ),
        );
  const pooled =
    facts.pooled.length === 0
      ? h('p', {}, t('debrief:decisions.pooledNone'))
      : h(
          'ul',
          { class: 'debrief-pooled' },
          ...facts.pooled.map((project) =>
            h(
              'li',
              { 'data-project': project.id },
              h('strong', {}, cardTitle(scenario, project.card)),
              ` — ${pooledText(game, project, team)}, `,
              project.built
                ? t('debrief:decisions.pooledBuilt', { round: project.readyRound })
                : t('debrief:decisions.pooledUnfinished', { round: project.readyRound }),
            ),
          ),
        );
  return h(
    'div',
    { class: 'debrief-block' },
    h('h3', {}, t('debrief:decisions.title')),
    h('p', {}, t('debrief:decisions.introRanked')),
    decisions,
    h('h4', {}, t('debrief:decisions.pooledTitle')),
    pooled,
  );
}

function hazardsBlock(game: GameState, scenario: Scenario, facts: TeamFacts): HTMLElement {
  const team = facts.team.id;
  if (game.hazards.length === 0) {
    return h('div', { class: 'debrief-block' }, h('h3', {}, t('debrief:hazards.title')), h('p', {}, t('debrief:hazards.none')));
  }
  const table = h(
    'table',
    { class: 'debrief-table debrief-hazards' },
    h('caption', {}, t('debrief:hazards.caption', { team: facts.team.name })),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('debrief:hazards.round')),
        h('th', { scope: 'col' }, t('debrief:hazards.hazard')),
        h('th', { scope: 'col' }, t('debrief:hazards.impacts')),
        h('th', { scope: 'col' }, t('debrief:hazards.mitigation')),
        h('th', { scope: 'col' }, t('debrief:hazards.shields')),
      ),
    ),
    h(
      'tbody',
      {},
      ...game.hazards.map((record) => {
        const effect = record.effects[team];
        const name = h(
          'td',
          { class: 'debrief-hazard-name' },
          icon('hazard', record.hazard),
          hazardName(scenario, record.hazard),
          record.injected ? h('span', { class: 'debrief-note' }, ` ${t('debrief:hazards.injected')}`) : null,
        );
        const head = h('th', { scope: 'row' }, String(record.round));
        if (!effect) {
          return h(
            'tr',
            { 'data-round': record.round },
            head,
            name,
            h('td', { colspan: 3 }, t('debrief:hazards.alreadyCollapsed')),
          );
        }
        const shielding = shields(game, scenario, team, record);
        return h(
          'tr',
          { 'data-round': record.round },
          head,
          name,
          h('td', {}, effectsText(effect.impacts, scenario)),
          h('td', {}, formatPercent(effect.mitigation)),
          h(
            'td',
            {},
            shielding.length === 0
              ? t('debrief:hazards.noShield')
              : listText(
                  shielding.map((s) =>
                    t('debrief:hazards.shield', { project: cardTitle(scenario, s.project.card), share: formatPercent(s.share) }),
                  ),
                ),
          ),
        );
      }),
    ),
  );
  return h(
    'div',
    { class: 'debrief-block' },
    h('h3', {}, t('debrief:hazards.title')),
    h('p', {}, t('debrief:hazards.why')),
    scrollable(table),
  );
}

function lessonsBlock(facts: TeamFacts, modules: CourseModuleLink[] | undefined): HTMLElement {
  if (facts.lessons.length === 0) {
    return h('div', { class: 'debrief-block' }, h('h3', {}, t('debrief:lessons.title')), h('p', {}, t('debrief:lessons.none')));
  }
  return h(
    'div',
    { class: 'debrief-block' },
    h('h3', {}, t('debrief:lessons.title')),
    h(
      'ul',
      { class: 'debrief-lessons' },
      ...facts.lessons.map((lesson) => {
        const course = courseModuleFor(lesson.guide, modules);
        const { chapter, section } = guideRefTitles(lesson.guide);
        return h(
          'li',
          { 'data-lesson': lesson.id },
          h('p', {}, localize(lesson.text)),
          h(
            'p',
            { class: 'debrief-lesson-links' },
            h(
              'a',
              { href: guideHref(lesson.guide), class: 'debrief-guide-link' },
              t('debrief:lessons.guideLink', { title: section ?? chapter }),
            ),
            course
              ? h(
                  'a',
                  { href: courseHref(course.id), class: 'debrief-course-link' },
                  t('debrief:lessons.courseLink', { title: course.title }),
                )
              : null,
          ),
        );
      }),
    ),
  );
}

export function teamSection(
  game: GameState,
  scenario: Scenario,
  facts: TeamFacts,
  modules: CourseModuleLink[] | undefined,
): HTMLElement {
  return h(
    'section',
    { class: 'debrief-team', id: `debrief-${facts.team.id}`, 'data-team': facts.team.id },
    h('h2', {}, facts.team.name),
    h(
      'p',
      { class: 'debrief-team-summary' },
      t('debrief:headline.overall', { overall: facts.score.overall, target: scenario.targetResilience }),
      ' ',
      statusBadge(facts),
    ),
    whyBlock(game, scenario, facts),
    trajectoryBlock(scenario, facts),
    profileBlock(scenario, facts),
    decisionsBlock(game, scenario, facts),
    hazardsBlock(game, scenario, facts),
    lessonsBlock(facts, modules),
  );
}
