/**
 * The parts of the results report: the radar with its table, strengths and
 * priorities, the recommendations with their links, and the change since an
 * earlier attempt.
 */

import { guideHref } from '../guide/links.ts';
import { localize, t } from '../i18n/index.ts';
import { h } from '../ui/dom.ts';
import type { Assessment } from './content.ts';
import { bandLabel, dimensionName, formatDelta } from './format.ts';
import type { LinkTitles } from './link-titles.ts';
import { legendSample, radarChart } from './radar.ts';
import { type AssessmentResults, compareResults, type DimensionResult } from './scoring.ts';

/** One attempt as a report shows it: its label (name and date) and its dimension scores. */
export interface Compared {
  label: string;
  dimensions: DimensionResult[];
}

function radarDescription(content: Assessment, dimensions: DimensionResult[]): string {
  return dimensions
    .map((d) =>
      d.score === null
        ? t('test:results.radarNoScore', { dimension: dimensionName(content, d.dimension) })
        : t('test:results.radarPoint', { dimension: dimensionName(content, d.dimension), score: d.score }),
    )
    .join('. ');
}

export function profileSection(
  content: Assessment,
  results: AssessmentResults,
  date: string,
  other: Compared | null,
): HTMLElement {
  const axes = content.dimensions.map((d) => localize(d.name));
  const series = [{ label: date, scores: results.dimensions.map((d) => d.score) }];
  let description = t('test:results.radarDesc', { points: radarDescription(content, results.dimensions) });
  if (other) {
    series.push({ label: other.label, scores: other.dimensions.map((d) => d.score) });
    description = t('test:results.radarDescCompare', {
      current: t('test:results.seriesCurrent', { date }),
      currentPoints: radarDescription(content, results.dimensions),
      earlier: t('test:results.seriesOther', { label: other.label }),
      earlierPoints: radarDescription(content, other.dimensions),
    });
  }
  const chart = radarChart({
    axes,
    series,
    title: other ? t('test:results.radarTitleCompare') : t('test:results.radarTitle'),
    description,
    unscoredLabel: t('test:results.radarUnscored'),
  });
  const legend = other
    ? h(
        'ul',
        { class: 'radar-legend', 'aria-label': t('test:results.legend') },
        h('li', {}, legendSample(0), ` ${t('test:results.seriesCurrent', { date })}`),
        h('li', {}, legendSample(1), ` ${t('test:results.seriesOther', { label: other.label })}`),
      )
    : null;
  const header = (key: string) => h('th', { scope: 'col' }, t(`test:results.${key}`));
  const table = h(
    'table',
    { class: 'results-table' },
    h('caption', {}, t('test:results.tableCaption')),
    h('thead', {}, h('tr', {}, header('dimension'), header('score'), header('band'), header('answered'), header('unknown'))),
    h(
      'tbody',
      {},
      ...results.dimensions.map((d) =>
        h(
          'tr',
          { 'data-dimension': d.dimension },
          h('th', { scope: 'row' }, dimensionName(content, d.dimension)),
          h('td', { class: 'score' }, d.score === null ? t('test:results.notEnough') : String(d.score)),
          h('td', {}, d.band ? bandLabel(content, d.band) : '—'),
          h('td', {}, t('test:results.answeredOf', { answered: d.answered, total: d.questions })),
          h('td', {}, String(d.unknown)),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'results-profile', 'aria-labelledby': 'profile-title' },
    h('h2', { id: 'profile-title' }, t('test:results.profileTitle')),
    h('div', { class: 'results-profile-body' }, h('figure', { class: 'radar-figure' }, chart, legend), table),
  );
}

export function strengthsSection(content: Assessment, results: AssessmentResults): HTMLElement | null {
  const profile = results.profile;
  if (!profile) return null;
  const describeDimension = (id: string) => {
    const d = results.dimensions.find((x) => x.dimension === id);
    return t('test:results.dimensionScore', {
      dimension: dimensionName(content, id),
      score: d?.score ?? 0,
      band: bandLabel(content, d?.band ?? null),
    });
  };
  const strongest = results.dimensions.find((d) => d.dimension === profile.strongest);
  const weakest = results.dimensions.find((d) => d.dimension === profile.weakest);
  const level = strongest?.score === weakest?.score;
  const unscored = results.dimensions.filter((d) => d.score === null).map((d) => dimensionName(content, d.dimension));
  return h(
    'section',
    { class: 'results-strengths', 'aria-labelledby': 'strengths-title' },
    h('h2', { id: 'strengths-title' }, t('test:results.strengthsTitle')),
    level ? h('p', {}, t('test:results.level')) : null,
    h(
      'dl',
      {},
      ...(level
        ? []
        : [
            h('dt', {}, t('test:results.strongest')),
            h('dd', { 'data-dimension': profile.strongest }, describeDimension(profile.strongest)),
          ]),
      h('dt', {}, t('test:results.weakest')),
      h('dd', { 'data-dimension': profile.weakest }, describeDimension(profile.weakest)),
      ...(unscored.length > 0 ? [h('dt', {}, t('test:results.unscored')), h('dd', {}, unscored.join(', '))] : []),
    ),
  );
}

/** Dimensions with many "don't know": whom to ask and which tool to use, before any other step. */
export function findOutSection(content: Assessment, results: AssessmentResults): HTMLElement | null {
  if (results.findOut.length === 0) return null;
  return h(
    'section',
    { class: 'results-find-out', 'aria-labelledby': 'find-out-title' },
    h('h2', { id: 'find-out-title' }, t('test:results.findOutTitle')),
    h('p', {}, t('test:results.findOutIntro')),
    h(
      'ul',
      {},
      ...results.findOut.map((id) => {
        const dimension = content.dimensions.find((d) => d.id === id);
        const counts = results.dimensions.find((d) => d.dimension === id);
        return h(
          'li',
          { 'data-dimension': id },
          h(
            'h3',
            {},
            t('test:results.findOutFor', {
              dimension: dimensionName(content, id),
              count: counts?.unknown ?? 0,
              total: counts?.questions ?? 0,
            }),
          ),
          h('p', {}, dimension ? localize(dimension.findOut.text) : ''),
          dimension
            ? h(
                'p',
                {},
                h(
                  'a',
                  { href: guideHref(dimension.findOut.guide) },
                  t('test:results.findOutGuide', { dimension: dimensionName(content, id) }),
                ),
              )
            : null,
        );
      }),
    ),
  );
}

export function recommendationsSection(content: Assessment, results: AssessmentResults, titles: LinkTitles): HTMLElement {
  const list = h(
    'ol',
    { class: 'recommendations' },
    ...results.recommendations.map((r) =>
      h(
        'li',
        { class: 'recommendation', 'data-recommendation': r.id },
        h('h3', {}, localize(r.title)),
        h(
          'p',
          { class: 'hint' },
          t('test:results.forDimension', { dimension: dimensionName(content, r.dimension), priority: r.priority }),
        ),
        h('p', {}, localize(r.text)),
        h(
          'ul',
          { class: 'recommendation-links' },
          h(
            'li',
            {},
            h('a', { href: r.guideHref, 'data-kind': 'guide' }, t('test:results.linkGuide', { title: titles.guide(r.guide) })),
          ),
          h(
            'li',
            {},
            h(
              'a',
              { href: r.courseHref, 'data-kind': 'course' },
              t('test:results.linkCourse', { title: titles.course(r.course) }),
            ),
          ),
          h(
            'li',
            {},
            h(
              'a',
              { href: r.scenarioHref, 'data-kind': 'scenario' },
              t('test:results.linkScenario', { title: titles.scenario(r.scenario) }),
            ),
          ),
        ),
      ),
    ),
  );
  return h(
    'section',
    { class: 'results-recommendations', 'aria-labelledby': 'recommendations-title' },
    h('h2', { id: 'recommendations-title' }, t('test:results.recommendationsTitle')),
    results.recommendations.length > 0
      ? h('p', {}, t('test:results.recommendationsIntro'))
      : h('p', {}, t('test:results.noRecommendations')),
    results.recommendations.length > 0 ? list : null,
  );
}

/** The change from the earlier attempt to the later one (later minus earlier), whichever the page shows. */
export function deltasSection(content: Assessment, earlier: Compared, later: Compared): HTMLElement {
  const deltas = compareResults(earlier.dimensions, later.dimensions);
  const score = (s: number | null) => (s === null ? t('test:results.notEnough') : String(s));
  return h(
    'section',
    { class: 'results-deltas', 'aria-labelledby': 'deltas-title' },
    h('h2', { id: 'deltas-title' }, t('test:results.compareTitle', { earlier: earlier.label, later: later.label })),
    h(
      'table',
      { class: 'deltas-table' },
      h('caption', {}, t('test:results.compareCaption', { before: earlier.label, after: later.label })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('test:results.dimension')),
          h('th', { scope: 'col' }, earlier.label),
          h('th', { scope: 'col' }, later.label),
          h('th', { scope: 'col' }, t('test:results.change')),
        ),
      ),
      h(
        'tbody',
        {},
        ...deltas.map((d) =>
          h(
            'tr',
            { 'data-dimension': d.dimension },
            h('th', { scope: 'row' }, dimensionName(content, d.dimension)),
            h('td', {}, score(d.before)),
            h('td', {}, score(d.after)),
            h('td', { class: 'delta', 'data-delta': d.delta ?? '' }, formatDelta(d.delta)),
          ),
        ),
      ),
    ),
  );
}
