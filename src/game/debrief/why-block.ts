/**
 * Why a team reached or missed its target, in points: the score formula, what
 * each need below the target cost, a collapse, and its resilience against the
 * target round by round with the hazards it met. Every figure comes from the
 * engine (explainTarget, resilienceTrajectory, the hazard records).
 */
import type { GameState, Scenario } from '../../engine/types.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../../ui/dom.ts';
import { icon } from '../../ui/icons/icon.ts';
import { lineChart } from './charts.ts';
import type { TeamFacts } from './facts.ts';
import { hazardName, indicatorName, listText, roundShortLabel } from './format.ts';

function verdict(game: GameState, facts: TeamFacts): string {
  const { why } = facts;
  if (facts.endedEarly) {
    const played = facts.resilience.length - 1;
    return t('debrief:why.early', { played, rounds: game.rounds, overall: why.overall, target: why.target });
  }
  if (why.reached) return t('debrief:why.reached', { overall: why.overall, target: why.target });
  return t('debrief:why.missed', { count: Math.max(0, why.target - why.overall), overall: why.overall, target: why.target });
}

function costList(facts: TeamFacts): HTMLElement {
  const { why } = facts;
  if (why.costs.length === 0) return h('p', {}, t('debrief:why.noCost'));
  return h(
    'div',
    {},
    h('p', {}, why.reached ? t('debrief:why.costsIntroReached') : t('debrief:why.costsIntro')),
    h(
      'ul',
      { class: 'debrief-why-costs' },
      ...why.costs.map((cost) =>
        h(
          'li',
          { 'data-indicator': cost.indicator },
          icon('need', cost.indicator),
          t('debrief:why.cost', {
            indicator: indicatorName(cost.indicator),
            value: cost.value,
            count: cost.points,
            target: why.target,
            would: why.overall + cost.points,
          }),
        ),
      ),
    ),
  );
}

function resilienceChart(game: GameState, scenario: Scenario, facts: TeamFacts): SVGSVGElement {
  const target = scenario.targetResilience;
  return lineChart([{ label: t('debrief:why.series'), values: facts.resilience }], {
    title: t('debrief:why.chartTitle', { team: facts.team.name, target }),
    xLabels: facts.resilience.map((_, i) => roundShortLabel(i)),
    target: { value: target, label: t('debrief:chart.targetLegend') },
    // A round's hazard strikes before the round's end: its mark stands on that round's point.
    marks: game.hazards
      .filter((record) => record.round < facts.resilience.length)
      .map((record) => ({
        index: record.round,
        label: t('debrief:why.hazardMark', { round: record.round, hazard: hazardName(scenario, record.hazard) }),
      })),
  });
}

export function whyBlock(game: GameState, scenario: Scenario, facts: TeamFacts): HTMLElement {
  const { why } = facts;
  return h(
    'div',
    { class: 'debrief-block debrief-why' },
    h('h3', {}, t('debrief:why.title')),
    h('p', { class: 'debrief-why-verdict' }, verdict(game, facts)),
    why.collapsedNeeds.length > 0
      ? h(
          'p',
          { class: 'debrief-why-collapse' },
          t('debrief:why.collapsed', {
            needs: listText(why.collapsedNeeds.map((id) => indicatorName(id))),
            threshold: scenario.collapseAt,
          }),
        )
      : null,
    costList(facts),
    h('p', {}, t('debrief:why.formula')),
    h('div', { class: 'debrief-figure' }, resilienceChart(game, scenario, facts)),
  );
}
