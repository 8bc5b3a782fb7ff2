// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { playGame, STRATEGIES } from '../../src/bots/index.ts';
import type { Strategy } from '../../src/bots/strategies.ts';
import { debriefFor, scoreGame } from '../../src/engine/index.ts';
import type { GameState, Scenario } from '../../src/engine/types.ts';
import { lineChart, profileChart } from '../../src/game/debrief/charts.ts';
import { renderDebrief } from '../../src/game/debrief/debrief-view.ts';
import { guideRefExists } from '../../src/guide/sections.ts';
import { changeLanguage, initI18n } from '../../src/i18n/index.ts';
import { loadGuideIndex } from '../../tools/lib/content.ts';
import { scenario } from './helpers.ts';

const SCENARIO = 'periurban-brownfield';
// The table bot pools with its neighbours: the game has pooled projects to show.
const strategies = [STRATEGIES.cooperative, STRATEGIES.table, STRATEGIES['hazard-aware']] as Strategy[];
const courseIds: string[] = (
  JSON.parse(readFileSync('src/course/content/course.json', 'utf8')) as { modules: { id: string }[] }
).modules.map((m) => m.id);

const FR_INDICATORS: Record<string, string> = {
  breathe: 'Respirer',
  drink: 'Boire',
  eat: 'Manger',
  move: 'Se déplacer',
  live: 'Habiter',
  cohesion: 'Cohésion sociale',
  jobs: 'Emplois locaux',
  cooperation: 'Coopération',
};

let sc: Scenario;
let game: GameState;

function render(state: GameState = game, modules?: { id: string; title: string }[]): HTMLElement {
  const container = document.createElement('main');
  const h1 = document.createElement('h1');
  h1.textContent = 'Debrief';
  container.append(h1);
  document.body.append(container);
  renderDebrief(container, { game: state, scenario: sc, courseModules: modules });
  return container;
}

const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';
const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => text(td));

beforeAll(async () => {
  await initI18n('fr');
  sc = scenario(SCENARIO);
  game = playGame(sc, { seed: 4, teams: 3, strategies });
});

afterEach(async () => {
  document.body.replaceChildren();
  await changeLanguage('fr');
});

describe('debrief charts', () => {
  it('builds an accessible line chart: title, desc, one line per series with distinct colour and dash', () => {
    const chart = lineChart(
      [
        { label: 'A', values: [10, 20, 30] },
        { label: 'B', values: [50, 40, 90] },
        { label: 'C', values: [0, 100, 60] },
      ],
      { title: 'Three lines', xLabels: ['Début', 'T1', 'T2'] },
    );
    document.body.append(chart);
    expect(chart.getAttribute('role')).toBe('img');
    const [titleId, descId] = (chart.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(document.getElementById(titleId ?? '')?.tagName.toLowerCase()).toBe('title');
    expect(text(document.getElementById(titleId ?? ''))).toBe('Three lines');
    expect(text(document.getElementById(descId ?? ''))).toContain('B\u00a0: 50, 40, 90');
    const lines = [...chart.querySelectorAll('polyline')];
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.getAttribute('stroke'))).size).toBe(3);
    expect(new Set(lines.map((l) => l.getAttribute('stroke-dasharray') ?? 'solid')).size).toBe(3);
    // Round value ticks 0, 20, ... 100 and one label per x value.
    const labels = [...chart.querySelectorAll('text')].map((el) => text(el));
    for (const tick of ['0', '20', '40', '60', '80', '100', 'Début', 'T1', 'T2']) expect(labels).toContain(tick);
  });

  it('builds a profile chart with a target line per bar and hatched bars under the target', () => {
    const chart = profileChart(
      [
        { label: 'Boire', value: 70, target: 50 },
        { label: 'Manger', value: 30, target: 50 },
      ],
      'Profil',
    );
    expect(chart.getAttribute('role')).toBe('img');
    expect(text(chart.querySelector('title'))).toBe('Profil');
    expect(text(chart.querySelector('desc'))).toContain('Manger\u00a0: 30 pour un objectif de 50');
    expect(chart.querySelectorAll('.debrief-bar')).toHaveLength(2);
    expect(chart.querySelectorAll('.debrief-bar-below')).toHaveLength(1);
    expect(chart.querySelectorAll('.debrief-bar line[stroke-dasharray]')).toHaveLength(2);
  });
});

describe('debrief view', () => {
  it('has a real 3-team game to show', () => {
    expect(game.over).toBe(true);
    expect(game.teams).toHaveLength(3);
    expect(game.projects.some((p) => p.pooled)).toBe(true);
  });

  it('opens with each team against the target', () => {
    const root = render();
    const scores = scoreGame(game, sc);
    const results = [...root.querySelectorAll('.debrief-result')];
    expect(results).toHaveLength(3);
    results.forEach((li, i) => {
      const score = scores[i];
      expect(text(li.querySelector('.debrief-result-team'))).toBe(game.teams[i]?.name);
      expect(text(li)).toContain(`Résilience globale\u00a0: ${score?.overall} (objectif ${sc.targetResilience})`);
      const verdict = game.teams[i]?.collapsed
        ? 'Territoire effondré'
        : score?.succeeded
          ? 'Objectif atteint'
          : 'Objectif non atteint';
      expect(text(li)).toContain(verdict);
    });
  });

  it('compares the teams in a table: overall, result, each indicator, projects, pooling, levers', () => {
    const root = render();
    const table = root.querySelector('table.debrief-compare');
    expect(table?.querySelector('caption')).not.toBeNull();
    const heads = [...(table?.querySelectorAll('thead th[scope="col"]') ?? [])].map((th) => text(th));
    expect(heads.slice(1)).toEqual(game.teams.map((t) => t.name));
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
    expect(rows).toHaveLength(2 + sc.indicatorIds.length + 3);
    for (const row of rows) expect(row.querySelector('th[scope="row"]')).not.toBeNull();
    const scores = scoreGame(game, sc);
    const overallRow = rows[0] as Element;
    expect(cells(overallRow)).toEqual(scores.map((s) => String(s.overall)));
    sc.indicatorIds.forEach((id, i) => {
      const row = rows[2 + i] as Element;
      expect(text(row.querySelector('th'))).toBe(FR_INDICATORS[id]);
      expect(cells(row)).toEqual(game.teams.map((t) => String(t.indicators[id])));
    });
    const built = rows[2 + sc.indicatorIds.length] as Element;
    expect(cells(built)).toEqual(
      game.teams.map((t) => String(game.projects.filter((p) => p.built && p.owners.includes(t.id)).length)),
    );
    const pooled = rows[3 + sc.indicatorIds.length] as Element;
    expect(cells(pooled)).toEqual(
      game.teams.map((t) => String(game.projects.filter((p) => p.pooled && p.owners.includes(t.id)).length)),
    );
    const levers = rows[4 + sc.indicatorIds.length] as Element;
    const drawn = game.teams.map((t) =>
      game.projects
        .filter((p) => p.owners[0] === t.id)
        .reduce((s, p) => s + Object.values(p.leverPaid).reduce((a, b) => a + b, 0), 0),
    );
    expect(cells(levers).map((c) => Number(c.replace(/\D/g, '')))).toEqual(drawn);
  });

  it('gives one section per team, headed by its name, with the trajectory as a chart and as a table', () => {
    const root = render();
    const sections = [...root.querySelectorAll('section.debrief-team')];
    expect(sections).toHaveLength(3);
    sections.forEach((section, i) => {
      const team = game.teams[i] as GameState['teams'][number];
      expect(text(section.querySelector('h2'))).toBe(team.name);
      const table = section.querySelector('table.debrief-trajectory');
      expect(text(table?.querySelector('caption'))).toContain(team.name);
      const heads = [...(table?.querySelectorAll('thead th[scope="col"]') ?? [])];
      expect(heads).toHaveLength(team.trajectory.length + 1);
      const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
      expect(rows).toHaveLength(sc.indicatorIds.length);
      sc.indicatorIds.forEach((id, r) => {
        const row = rows[r] as Element;
        expect(row.querySelector('th[scope="row"]')).not.toBeNull();
        expect(cells(row)).toEqual(team.trajectory.map((point) => String(point[id])));
      });
      // Resilience against the target, the eight indicators, the profile; the pictograms beside words are hidden.
      const charts = [...section.querySelectorAll('svg:not(.icon)')];
      expect(charts).toHaveLength(3);
      for (const pictogram of section.querySelectorAll('svg.icon')) expect(pictogram.getAttribute('aria-hidden')).toBe('true');
      for (const chart of charts) {
        expect(chart.getAttribute('role')).toBe('img');
        const title = chart.querySelector(':scope > title');
        expect(text(title)).not.toBe('');
        expect(chart.querySelector(':scope > desc')).not.toBeNull();
        const ids = (chart.getAttribute('aria-labelledby') ?? '').split(' ');
        expect(ids[0]).toBe(title?.id);
        for (const id of ids) expect(document.getElementById(id)).not.toBeNull();
      }
      expect(section.querySelectorAll('svg.debrief-line-chart polyline')).toHaveLength(sc.indicatorIds.length + 1);
      expect(section.querySelectorAll('.debrief-why svg .debrief-target-line')).toHaveLength(1);
      expect(section.querySelectorAll('.debrief-why svg .debrief-mark')).toHaveLength(game.hazards.length);
    });
  });

  it('lists the decisions that mattered, biggest effects first, and the pooled projects', () => {
    const root = render();
    game.teams.forEach((team, i) => {
      const section = root.querySelectorAll('section.debrief-team')[i] as Element;
      const built = game.projects.filter((p) => p.built && p.owners.includes(team.id));
      const items = [...section.querySelectorAll('.debrief-decisions > li')];
      expect(items.map((li) => li.getAttribute('data-project')).sort()).toEqual(built.map((p) => p.id).sort());
      const pooled = game.projects.filter((p) => p.pooled && p.owners.includes(team.id));
      expect(section.querySelectorAll('.debrief-pooled > li')).toHaveLength(pooled.length);
      for (const li of items) {
        const project = built.find((p) => p.id === li.getAttribute('data-project'));
        expect(text(li)).toContain(`Réalisé à la manche ${project?.readyRound}`);
      }
    });
  });

  it('explains each hazard: impacts, share absorbed and shielding projects', () => {
    const root = render();
    game.teams.forEach((team, i) => {
      const section = root.querySelectorAll('section.debrief-team')[i] as Element;
      const rows = [...section.querySelectorAll('table.debrief-hazards tbody tr')];
      expect(rows).toHaveLength(game.hazards.length);
      rows.forEach((row, r) => {
        const record = game.hazards[r] as GameState['hazards'][number];
        expect(row.getAttribute('data-round')).toBe(String(record.round));
        expect(text(row)).toContain(sc.hazards[record.hazard]?.name.fr ?? '?');
        const effect = record.effects[team.id];
        if (effect)
          expect(text(row.querySelectorAll('td')[2]).replace(/\s/g, '')).toBe(`${Math.round(effect.mitigation * 100)}%`);
      });
    });
  });

  it('links each lesson to an existing guide section and to a course module', () => {
    const root = render();
    const guide = loadGuideIndex();
    game.teams.forEach((team, i) => {
      const section = root.querySelectorAll('section.debrief-team')[i] as Element;
      const items = [...section.querySelectorAll('.debrief-lessons > li')];
      // The same lessons as the game calls for, in the order the team should read them (see explain.test.ts).
      const ids = items.map((li) => li.getAttribute('data-lesson'));
      expect([...ids].sort()).toEqual(
        debriefFor(game, sc, team.id)
          .map((l) => l.id)
          .sort(),
      );
      expect(items.length).toBeGreaterThan(0);
      for (const li of items) {
        const href = li.querySelector('a.debrief-guide-link')?.getAttribute('href') ?? '';
        const match = /^#\/guide\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(href);
        expect(match, href).not.toBeNull();
        const ref = match?.[2] ? `${match[1]}#${match[2]}` : (match?.[1] ?? '');
        expect(guideRefExists(guide, ref), ref).toBe(true);
        const course = li.querySelector('a.debrief-course-link')?.getAttribute('href') ?? '';
        expect(course).toMatch(/^#\/course\//);
        expect(courseIds).toContain(course.replace('#/course/', ''));
      }
    });
  });

  it('uses the course module titles it is given', () => {
    const root = render(game, [{ id: 'collective-dynamics', title: 'Module X' }]);
    const links = [...root.querySelectorAll('li[data-lesson="learning-loop"] a.debrief-course-link')];
    expect(links).toHaveLength(3);
    for (const a of links) expect(text(a)).toBe('Dans la formation\u00a0: Module X');
  });

  it('keeps headings in order under the page h1', () => {
    const root = render();
    const levels = [...root.querySelectorAll('.debrief-screen :is(h1, h2, h3, h4, h5, h6)')].map((el) => Number(el.tagName[1]));
    expect(levels[0]).toBe(2);
    expect(levels).not.toContain(1);
    for (let i = 1; i < levels.length; i += 1) expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
  });

  it('prints one project sheet per team, with three lessons and their guide references as text', () => {
    const root = render();
    const print = vi.fn();
    window.print = print;
    const button = [...root.querySelectorAll('button')].find((b) => text(b) === 'Imprimer les fiches projet');
    button?.click();
    expect(print).toHaveBeenCalledTimes(1);
    const sheets = [...root.querySelectorAll('.print-only .debrief-sheet')];
    expect(sheets).toHaveLength(game.teams.length);
    sheets.forEach((sheet, i) => {
      const team = game.teams[i] as GameState['teams'][number];
      expect(text(sheet.querySelector('h2'))).toContain(team.name);
      expect(text(sheet)).toContain(sc.title.fr);
      const finals = [...sheet.querySelectorAll('.debrief-sheet-indicators tbody td')].map((td) => text(td));
      expect(finals).toEqual(sc.indicatorIds.map((id) => String(team.indicators[id])));
      const built = game.projects.filter((p) => p.built && p.owners.includes(team.id));
      expect(sheet.querySelectorAll('.debrief-sheet-projects tbody tr')).toHaveLength(built.length);
      // A commune in collapse plays on: every commune lives through every hazard of the game.
      expect(sheet.querySelectorAll('.debrief-sheet-hazards li')).toHaveLength(game.hazards.length);
      const lessons = [...sheet.querySelectorAll('ol > li')];
      expect(lessons).toHaveLength(Math.min(3, debriefFor(game, sc, team.id).length));
      for (const li of lessons) expect(text(li)).toMatch(/Guide pratique, «\u00a0.+\u00a0»/);
      expect(sheet.querySelectorAll('a')).toHaveLength(0);
    });
  });

  it('shows a commune still in collapse at the end as collapsed', () => {
    // The second team ends in collapse (drink at the threshold, 10), the others as they played.
    const ended = {
      ...game,
      teams: game.teams.map((t, i) => (i === 1 ? { ...t, collapsed: true, indicators: { ...t.indicators, drink: 10 } } : t)),
    };
    const root = render(ended);
    const results = [...root.querySelectorAll('.debrief-result')];
    expect(text(results[1])).toContain('Territoire effondré');
    expect(text(results[0])).not.toContain('Territoire effondré');
    expect(text(results[2])).not.toContain('Territoire effondré');
    expect(root.querySelectorAll('section.debrief-team')).toHaveLength(3);
    // Its hazards are explained like the others’.
    const rows = root.querySelectorAll('section.debrief-team')[1]?.querySelectorAll('table.debrief-hazards tbody tr');
    expect(rows).toHaveLength(ended.hazards.length);
  });

  it('speaks English when the kit does', async () => {
    await changeLanguage('en');
    const root = render();
    const h2 = [...root.querySelectorAll('.debrief-screen h2')].map((el) => text(el));
    expect(h2).toEqual(['How the game went', 'The teams side by side', ...game.teams.map((t) => t.name), 'Project sheets']);
    const h3 = [...(root.querySelector('section.debrief-team')?.querySelectorAll('h3') ?? [])].map((el) => text(el));
    expect(h3).toEqual([
      'Why this result',
      'How the indicators changed',
      'Resilience profile',
      'Decisions that mattered',
      'What each hazard did, and why',
      'What to take away',
    ]);
    const indicators = [...root.querySelectorAll('table.debrief-compare tbody th')].map((th) => text(th));
    expect(indicators).toContain('Social cohesion');
    expect(text(root.querySelector('button'))).toBe('Print the project sheets');
    expect(text(root.querySelector('.debrief-sheet h3'))).toBe('Indicators at the end of the game');
  });
});
