import { plainHeading } from '../../guide/sections.ts';
/**
 * The debrief: what each team's game did to its territory, and what to learn
 * from it. It only reads what the engine produced (scores, trajectories,
 * projects, hazard records, debrief lessons): no rule is computed here.
 */
import './debrief.css';
import { debriefFor } from '../../engine/debrief.ts';
import { shieldShare } from '../../engine/lookup.ts';
import { scoreGame, type TeamScore } from '../../engine/scoring.ts';
import type {
  DebriefEntry,
  GameState,
  HazardRecord,
  IndicatorId,
  Indicators,
  Project,
  Scenario,
  TeamState,
} from '../../engine/types.ts';
import { courseHref, guideHref } from '../../guide/links.ts';
import { currentLanguage, localize, t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { lineChart, profileChart } from './charts.ts';

/** A course module as the caller knows it: id and translated title. */
interface CourseModuleLink {
  id: string;
  title: string;
}

/** Course modules that go deeper into each guide chapter, best match first. */
const COURSE_FOR_CHAPTER: Record<string, string[]> = {
  'understand-resilience': ['resilience-basics', 'designing-projects'],
  'diagnose-vulnerabilities': ['designing-projects', 'resilience-basics'],
  'respond-to-hazards': ['resilience-basics', 'designing-projects'],
  'mobilise-sse-actors': ['sse-actors'],
  'fund-the-project': ['department-levers'],
  'cooperate-and-pool': ['engineering-support'],
  'engineering-support': ['engineering-support'],
  experiment: ['collective-dynamics'],
  evaluate: ['collective-dynamics'],
  'tool-needs-hazards-matrix': ['designing-projects', 'resilience-basics'],
  'tool-actor-map': ['sse-actors'],
  'tool-funding-plan': ['department-levers'],
  'tool-project-canvas': ['designing-projects'],
  'tool-evaluation-grid': ['collective-dynamics'],
};

/** Lessons on each team's printed sheet. */
const SHEET_LESSONS = 3;
/** Beyond this many projects, the sheet tightens its type to stay on one page. */
const DENSE_SHEET = 8;

// ---------------------------------------------------------------------------
// Guide titles, so that references read as words on screen and on paper.

const GUIDE_PAGES = import.meta.glob<string>('../../guide/content/*/*.md', { query: '?raw', import: 'default', eager: true });

interface GuideTitles {
  chapter: string;
  sections: Map<string, string>;
}

const guideTitleCache = new Map<string, Map<string, GuideTitles>>();

function guideTitles(language: string): Map<string, GuideTitles> {
  const cached = guideTitleCache.get(language);
  if (cached) return cached;
  const out = new Map<string, GuideTitles>();
  for (const [path, markdown] of Object.entries(GUIDE_PAGES)) {
    const match = /\/content\/(\w+)\/([\w-]+)\.md$/.exec(path);
    if (!match || match[1] !== language) continue;
    const title = /^#\s+(.+?)\s*$/m.exec(markdown)?.[1];
    const chapter = title ? plainHeading(title) : (match[2] as string);
    const sections = new Map<string, string>();
    for (const heading of markdown.matchAll(/^#{2,6}\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/gm)) {
      sections.set(heading[2] as string, plainHeading(heading[1] as string));
    }
    out.set(match[2] as string, { chapter, sections });
  }
  guideTitleCache.set(language, out);
  return out;
}

/** "chapter#section" as the guide's own titles; falls back to the ids when the guide lacks them. */
function guideRefTitles(ref: string): { chapter: string; section?: string } {
  const [chapterId = '', sectionId] = ref.split('#');
  const page = guideTitles(currentLanguage()).get(chapterId);
  const chapter = page?.chapter ?? chapterId;
  if (!sectionId) return { chapter };
  return { chapter, section: page?.sections.get(sectionId) ?? sectionId };
}

function guideRefText(ref: string): string {
  const { chapter, section } = guideRefTitles(ref);
  return section ? t('debrief:guideRef.section', { chapter, section }) : t('debrief:guideRef.chapter', { chapter });
}

function courseModuleFor(ref: string, modules: CourseModuleLink[] | undefined): CourseModuleLink | null {
  const chapter = ref.split('#')[0] ?? '';
  const candidates = COURSE_FOR_CHAPTER[chapter] ?? [];
  if (modules) {
    for (const id of candidates) {
      const found = modules.find((m) => m.id === id);
      if (found) return found;
    }
    return null;
  }
  const id = candidates[0];
  return id ? { id, title: t(`debrief:courseModules.${id}`) } : null;
}

// ---------------------------------------------------------------------------
// Reading the game.

interface TeamFacts {
  team: TeamState;
  score: TeamScore;
  /** Built projects the team owns, biggest effects first. */
  decisions: { project: Project; effects: Partial<Indicators>; size: number }[];
  /** Pooled projects the team takes part in, built or not. */
  pooled: Project[];
  /** Money the levers paid on the projects this team proposed (levers are drawn on the proposer's caps). */
  leverMoney: number;
  lessons: DebriefEntry[];
}

/** What a built project brought, as its card and levers state it. */
function projectEffects(project: Project, scenario: Scenario): Partial<Indicators> {
  const out: Partial<Indicators> = {};
  const add = (effects: Partial<Indicators> | undefined) => {
    for (const [id, delta] of Object.entries(effects ?? {}) as [IndicatorId, number | undefined][]) {
      if (delta && scenario.indicatorIds.includes(id)) out[id] = (out[id] ?? 0) + delta;
    }
  };
  add(scenario.cards[project.card]?.effects);
  for (const leverId of project.levers) add(scenario.levers.find((l) => l.id === leverId)?.bonus);
  return out;
}

function teamFacts(game: GameState, scenario: Scenario, scores: TeamScore[]): TeamFacts[] {
  return game.teams.map((team, index) => {
    const score = scores.find((s) => s.team === team.id) ?? (scores[index] as TeamScore);
    const mine = game.projects.filter((p) => p.owners.includes(team.id));
    const decisions = mine
      .filter((p) => p.built)
      .map((project) => {
        const effects = projectEffects(project, scenario);
        const size = Object.values(effects).reduce((sum, d) => sum + Math.abs(d ?? 0), 0);
        return { project, effects, size };
      })
      .sort((a, b) => b.size - a.size || a.project.readyRound - b.project.readyRound);
    const leverMoney = game.projects
      .filter((p) => p.owners[0] === team.id)
      .reduce((sum, p) => sum + Object.values(p.leverPaid).reduce((s, v) => s + v, 0), 0);
    return {
      team,
      score,
      decisions,
      pooled: mine.filter((p) => p.pooled),
      leverMoney,
      lessons: debriefFor(game, scenario, team.id),
    };
  });
}

// ---------------------------------------------------------------------------
// Formatting.

function indicatorName(id: IndicatorId): string {
  return t(`debrief:indicators.${id}`);
}

function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(n);
}

function formatPercent(share: number): string {
  return new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

function formatDelta(n: number): string {
  return new Intl.NumberFormat(currentLanguage(), { signDisplay: 'exceptZero' }).format(n);
}

function formatMoney(n: number): string {
  return t('debrief:money', { amount: formatNumber(n) });
}

function listText(items: string[]): string {
  return new Intl.ListFormat(currentLanguage(), { style: 'long', type: 'conjunction' }).format(items);
}

function effectsText(effects: Partial<Indicators>, scenario: Scenario): string {
  const parts = scenario.indicatorIds
    .filter((id) => effects[id])
    .map((id) => t('debrief:effect', { indicator: indicatorName(id), delta: formatDelta(effects[id] as number) }));
  return parts.length > 0 ? parts.join(', ') : t('debrief:noEffect');
}

function teamName(game: GameState, id: string): string {
  return game.teams.find((x) => x.id === id)?.name ?? id;
}

function cardTitle(scenario: Scenario, card: string): string {
  const c = scenario.cards[card];
  return c ? localize(c.title) : card;
}

function actorName(scenario: Scenario, card: string): string {
  const actor = scenario.actors[scenario.cards[card]?.actor ?? ''];
  return actor ? localize(actor.name) : (scenario.cards[card]?.actor ?? '');
}

function leverNames(scenario: Scenario, project: Project): string {
  const names = project.levers.map((id) => {
    const lever = scenario.levers.find((l) => l.id === id);
    return lever ? localize(lever.name) : id;
  });
  return names.length > 0 ? listText(names) : t('debrief:decisions.noLever');
}

function hazardName(scenario: Scenario, id: string): string {
  const hazard = scenario.hazards[id];
  return hazard ? localize(hazard.name) : id;
}

/** "pooled with …", mid-sentence or (capitalised) as a line of its own. */
function pooledText(game: GameState, project: Project, team: string, line = false): string {
  const partners = project.owners.filter((o) => o !== team).map((o) => teamName(game, o));
  const key = partners.length > 0 ? 'pooledWith' : 'pooledNeighbour';
  return t(`debrief:decisions.${key}${line ? 'Line' : ''}`, { partners: listText(partners) });
}

function statusText(facts: TeamFacts): string {
  if (facts.team.collapsed) return t('debrief:result.collapsed');
  return facts.score.succeeded ? t('debrief:result.succeeded') : t('debrief:result.failed');
}

function statusBadge(facts: TeamFacts): HTMLElement {
  const kind = facts.team.collapsed ? 'collapsed' : facts.score.succeeded ? 'succeeded' : 'failed';
  const icon = kind === 'succeeded' ? '✓' : kind === 'collapsed' ? '⚠' : '✗';
  return h(
    'span',
    { class: `debrief-status debrief-status-${kind}` },
    h('span', { 'aria-hidden': 'true' }, `${icon} `),
    statusText(facts),
  );
}

/** Hazards shielded by a team's built projects at the time of the shock (built in or before its round). */
function shields(game: GameState, scenario: Scenario, team: string, record: HazardRecord): { project: Project; share: number }[] {
  return game.projects
    .filter((p) => p.built && p.readyRound <= record.round && p.owners.includes(team))
    .map((project) => ({ project, share: shieldShare(scenario, project.card, record.hazard) }))
    .filter((s) => s.share > 0);
}

function roundLabel(index: number): string {
  return index === 0 ? t('debrief:trajectory.start') : t('debrief:trajectory.round', { n: index });
}

function roundShortLabel(index: number): string {
  return index === 0 ? t('debrief:trajectory.startShort') : t('debrief:trajectory.roundShort', { n: index });
}

/** A table that scrolls sideways on narrow screens, reachable from the keyboard. */
function scrollable(table: HTMLTableElement): HTMLElement {
  return h('div', { class: 'debrief-table-scroll', tabindex: 0 }, table);
}

// ---------------------------------------------------------------------------
// Sections.

function headline(game: GameState, scenario: Scenario, facts: TeamFacts[]): HTMLElement {
  const played = Math.max(0, ...game.teams.map((x) => x.trajectory.length - 1));
  return h(
    'section',
    { class: 'debrief-headline' },
    h('h2', {}, t('debrief:headline.title')),
    h(
      'p',
      {},
      t('debrief:headline.intro', {
        scenario: localize(scenario.title),
        count: played,
        rounds: game.rounds,
        target: scenario.targetResilience,
      }),
    ),
    h(
      'ul',
      { class: 'debrief-results' },
      ...facts.map((f) =>
        h(
          'li',
          { class: 'debrief-result' },
          h('strong', { class: 'debrief-result-team' }, f.team.name),
          h(
            'span',
            { class: 'debrief-result-score' },
            t('debrief:headline.overall', { overall: f.score.overall, target: scenario.targetResilience }),
          ),
          statusBadge(f),
          h(
            'span',
            { class: 'debrief-result-weakest' },
            t('debrief:headline.weakest', {
              indicator: indicatorName(f.score.weakest),
              value: f.score.dimensions[f.score.weakest],
            }),
          ),
        ),
      ),
    ),
  );
}

function comparison(scenario: Scenario, facts: TeamFacts[]): HTMLElement {
  const row = (label: string, cells: string[], className?: string) =>
    h('tr', { class: className }, h('th', { scope: 'row' }, label), ...cells.map((c) => h('td', {}, c)));
  const table = h(
    'table',
    { class: 'debrief-table debrief-compare' },
    h('caption', {}, t('debrief:compare.caption')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('debrief:compare.measure')),
        ...facts.map((f) => h('th', { scope: 'col' }, f.team.name)),
      ),
    ),
    h(
      'tbody',
      {},
      row(
        t('debrief:compare.overall', { target: scenario.targetResilience }),
        facts.map((f) => String(f.score.overall)),
        'debrief-row-overall',
      ),
      row(t('debrief:compare.result'), facts.map(statusText), 'debrief-row-result'),
      ...scenario.indicatorIds.map((id) =>
        row(
          indicatorName(id),
          facts.map((f) => String(f.team.indicators[id])),
          `debrief-row-indicator`,
        ),
      ),
      row(
        t('debrief:compare.built'),
        facts.map((f) => String(f.decisions.length)),
        'debrief-row-built',
      ),
      row(
        t('debrief:compare.pooled'),
        facts.map((f) => String(f.pooled.length)),
        'debrief-row-pooled',
      ),
      row(
        t('debrief:compare.levers'),
        facts.map((f) => formatMoney(f.leverMoney)),
        'debrief-row-levers',
      ),
    ),
  );
  return h(
    'section',
    { class: 'debrief-comparison' },
    h('h2', {}, t('debrief:compare.title')),
    h('p', {}, t('debrief:compare.intro')),
    scrollable(table),
  );
}

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
          ...facts.decisions.map(({ project, effects }) =>
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
    h('p', {}, t('debrief:decisions.intro')),
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
          {},
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

function teamSection(
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
    trajectoryBlock(scenario, facts),
    profileBlock(scenario, facts),
    decisionsBlock(game, scenario, facts),
    hazardsBlock(game, scenario, facts),
    lessonsBlock(facts, modules),
  );
}

function printControls(): HTMLElement {
  return h(
    'section',
    { class: 'debrief-print-controls' },
    h('h2', {}, t('debrief:print.title')),
    h('p', {}, t('debrief:print.intro')),
    h('button', { type: 'button', class: 'button', onclick: () => window.print() }, t('debrief:print.button')),
  );
}

function sheet(game: GameState, scenario: Scenario, facts: TeamFacts): HTMLElement {
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

/**
 * Renders the whole debrief of a finished (or stopped) game into the container.
 * courseModules: the course's modules with translated titles; without them,
 * lesson links name the modules with the debrief texts.
 */
export function renderDebrief(
  container: HTMLElement,
  input: { game: GameState; scenario: Scenario; courseModules?: { id: string; title: string }[] },
): void {
  const { game, scenario, courseModules } = input;
  const facts = teamFacts(game, scenario, scoreGame(game, scenario));
  container.append(
    h(
      'div',
      { class: 'debrief' },
      h(
        'div',
        { class: 'debrief-screen' },
        headline(game, scenario, facts),
        comparison(scenario, facts),
        ...facts.map((f) => teamSection(game, scenario, f, courseModules)),
        printControls(),
      ),
      h('div', { class: 'print-only debrief-sheets' }, ...facts.map((f) => sheet(game, scenario, f))),
    ),
  );
}
