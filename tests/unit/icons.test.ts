// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/index.ts';
import { cardFacts } from '../../src/game/table/card-grid.ts';
import { indicatorsTable } from '../../src/game/table/panels.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { ACTOR_ICONS } from '../../src/ui/icons/actors.ts';
import { HAZARD_ICONS } from '../../src/ui/icons/hazards.ts';
import { type IconKind, icon, iconDrawing } from '../../src/ui/icons/icon.ts';
import { LEVER_ICONS } from '../../src/ui/icons/levers.ts';
import { NEED_ICONS } from '../../src/ui/icons/needs.ts';
import { SCENARIO_IDS, scenario } from './helpers.ts';

const RECORDS: Record<IconKind, Readonly<Record<string, unknown>>> = {
  need: NEED_ICONS,
  hazard: HAZARD_ICONS,
  actor: ACTOR_ICONS,
  lever: LEVER_ICONS,
};

/** What every scenario asks an icon for, by kind. */
function idsOfScenarios(): Record<IconKind, Set<string>> {
  const ids: Record<IconKind, Set<string>> = { need: new Set(), hazard: new Set(), actor: new Set(), lever: new Set() };
  for (const id of SCENARIO_IDS) {
    const s = scenario(id);
    for (const need of s.indicatorIds) ids.need.add(need);
    for (const hazard of Object.keys(s.hazards)) ids.hazard.add(hazard);
    for (const actor of Object.values(s.actors)) ids.actor.add(actor.type);
    for (const lever of s.levers) ids.lever.add(lever.id);
  }
  return ids;
}

const ALLOWED: Record<string, string[]> = {
  path: ['d', 'fill'],
  circle: ['cx', 'cy', 'r', 'fill'],
  ellipse: ['cx', 'cy', 'rx', 'ry', 'fill'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'fill'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points', 'fill'],
  polygon: ['points', 'fill'],
};

/** The problems of one drawn element: a tag, an attribute or a point outside the 24 x 24 grid. */
function problems(el: Element): string[] {
  const tag = el.localName;
  const allowed = ALLOWED[tag];
  if (!allowed) return [`<${tag}> is not allowed`];
  const out: string[] = [];
  const num = (name: string) => Number(el.getAttribute(name));
  const inGrid = (...values: number[]) => values.every((v) => Number.isFinite(v) && v >= 0 && v <= 24);
  for (const attr of Array.from(el.attributes)) {
    if (!allowed.includes(attr.name)) out.push(`<${tag}> has ${attr.name}`);
  }
  const fill = el.getAttribute('fill');
  if (fill !== null && fill !== 'currentColor') out.push(`<${tag}> is filled with ${fill}`);
  const numbers = (text: string) => (text.match(/-?\d*\.?\d+/g) ?? []).map(Number);
  if (tag === 'path') {
    const d = el.getAttribute('d') ?? '';
    // Absolute commands only, so each number is a point (or an arc's radius and flags) of the grid.
    if (!/^M[\d\s.,MLHVCSQTAZ-]*$/.test(d)) out.push(`path "${d}" uses other than absolute commands`);
    if (!inGrid(...numbers(d))) out.push(`path "${d}" leaves the grid`);
  }
  if (tag === 'circle' && !inGrid(num('cx') - num('r'), num('cx') + num('r'), num('cy') - num('r'), num('cy') + num('r')))
    out.push('circle leaves the grid');
  if (tag === 'ellipse' && !inGrid(num('cx') - num('rx'), num('cx') + num('rx'), num('cy') - num('ry'), num('cy') + num('ry')))
    out.push('ellipse leaves the grid');
  if (tag === 'rect' && !inGrid(num('x'), num('y'), num('x') + num('width'), num('y') + num('height')))
    out.push('rect leaves the grid');
  if (tag === 'line' && !inGrid(num('x1'), num('y1'), num('x2'), num('y2'))) out.push('line leaves the grid');
  if ((tag === 'polygon' || tag === 'polyline') && !inGrid(...numbers(el.getAttribute('points') ?? '')))
    out.push(`${tag} leaves the grid`);
  return out;
}

const drawn = (svg: SVGSVGElement) => Array.from(svg.children).filter((child) => child.localName !== 'title');
const drawing = (svg: SVGSVGElement) => drawn(svg).map((el) => el.outerHTML);

describe('icons', () => {
  it('draws the ids the kit knows, by kind', () => {
    expect(Object.keys(NEED_ICONS)).toEqual(['breathe', 'drink', 'eat', 'move', 'live', 'cohesion', 'jobs', 'cooperation']);
    expect(Object.keys(ACTOR_ICONS).sort()).toEqual(
      ['association', 'cooperative', 'cress', 'local-authority', 'ptce', 'scic', 'social-enterprise', 'tzcld'].sort(),
    );
    expect(Object.keys(LEVER_ICONS).sort()).toEqual(
      [
        'call-for-projects',
        'departmental-engineering',
        'integration-clause',
        'pooling-neighbours',
        'solidarity-territory-contract',
      ].sort(),
    );
    expect(Object.keys(HAZARD_ICONS).sort()).toEqual(
      [
        ...['heatwave', 'drought', 'forest-fire', 'river-flood', 'storm', 'coastal-erosion', 'plant-closure'],
        ...['energy-price-spike', 'service-closure', 'pandemic', 'supply-disruption', 'irrigation-restriction'],
        ...['doctor-retirement', 'last-shop-closure', 'sawmill-closure', 'windthrow-storm', 'marine-submersion'],
        ...['oyster-harvest-closure', 'failed-tourist-season', 'fuel-price-spike', 'brownfield-fire', 'rail-service-cut'],
      ].sort(),
    );
  });

  it('gives every need, hazard, actor type and lever of every scenario its own icon, not the generic one', () => {
    const ids = idsOfScenarios();
    expect(ids.need.size).toBe(8);
    expect(ids.hazard.size).toBe(22);
    expect(ids.actor.size).toBe(8);
    expect(ids.lever.size).toBe(5);
    for (const kind of Object.keys(ids) as IconKind[]) {
      const generic = drawing(icon(kind, 'no-such-id'));
      for (const id of ids[kind]) {
        expect(iconDrawing(kind, id), `${kind} ${id}`).toBeDefined();
        const svg = icon(kind, id);
        expect(svg.getAttribute('data-icon')).toBe(`${kind}:${id}`);
        expect(drawing(svg), `${kind} ${id}`).not.toEqual(generic);
      }
    }
  });

  it('draws on a 24 x 24 grid with round 2-unit strokes in the text colour, with the allowed elements only', () => {
    for (const [kind, record] of Object.entries(RECORDS) as [IconKind, Record<string, unknown>][]) {
      for (const id of [...Object.keys(record), 'no-such-id']) {
        const svg = icon(kind, id);
        expect(svg.getAttribute('viewBox')).toBe('0 0 24 24');
        expect(svg.getAttribute('stroke')).toBe('currentColor');
        expect(svg.getAttribute('stroke-width')).toBe('2');
        expect(svg.getAttribute('stroke-linecap')).toBe('round');
        expect(svg.getAttribute('stroke-linejoin')).toBe('round');
        expect(svg.getAttribute('fill')).toBe('none');
        expect(drawn(svg).length, `${kind} ${id}`).toBeGreaterThan(0);
        expect(drawn(svg).flatMap(problems), `${kind} ${id}`).toEqual([]);
      }
    }
  });

  it('finds what a bad drawing would do wrong', () => {
    const make = (tag: string, attrs: Record<string, string>) => {
      const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      return el;
    };
    expect(problems(make('path', { d: 'M2 2 l5 5' }))).toEqual(['path "M2 2 l5 5" uses other than absolute commands']);
    expect(problems(make('circle', { cx: '22', cy: '12', r: '3' }))).toEqual(['circle leaves the grid']);
    expect(problems(make('rect', { x: '2', y: '2', width: '20', height: '23' }))).toEqual(['rect leaves the grid']);
    expect(problems(make('text', {}))).toEqual(['<text> is not allowed']);
    expect(problems(make('path', { d: 'M2 2 H20', fill: 'red' }))).toEqual(['<path> is filled with red']);
    expect(problems(make('line', { x1: '0', y1: '0', x2: '24', y2: '24', transform: 'rotate(4)' }))).toEqual([
      '<line> has transform',
    ]);
  });

  it('never gives two ids of one kind the same drawing', () => {
    for (const [kind, record] of Object.entries(RECORDS) as [IconKind, Record<string, unknown>][]) {
      const seen = new Map<string, string>();
      for (const id of Object.keys(record)) {
        const key = drawing(icon(kind, id)).join('');
        expect(seen.get(key), `${kind} ${id}`).toBeUndefined();
        seen.set(key, id);
      }
      expect(seen.size).toBe(Object.keys(record).length);
    }
  });

  it('hides an icon without a label from assistive technologies', () => {
    const svg = icon('need', 'drink');
    expect(svg.localName).toBe('svg');
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.getAttribute('focusable')).toBe('false');
    expect(svg.hasAttribute('role')).toBe(false);
    expect(svg.querySelector('title')).toBeNull();
    expect(svg.getAttribute('width')).toBe('20');
    expect(svg.getAttribute('height')).toBe('20');
    // A blank label is no label.
    expect(icon('need', 'drink', { label: '  ' }).getAttribute('aria-hidden')).toBe('true');
  });

  it('names a labelled icon as an image with a title', () => {
    const svg = icon('hazard', 'heatwave', { label: 'Canicule', size: 32 });
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.hasAttribute('aria-hidden')).toBe(false);
    expect(svg.firstElementChild?.localName).toBe('title');
    expect(svg.firstElementChild?.textContent).toBe('Canicule');
    expect(svg.querySelectorAll('title')).toHaveLength(1);
    expect(svg.getAttribute('width')).toBe('32');
    expect(svg.getAttribute('height')).toBe('32');
  });

  it('falls back on the neutral icon for an unknown id or kind instead of throwing', () => {
    const unknown = icon('hazard', 'meteor-strike');
    expect(unknown.getAttribute('data-icon')).toBe('hazard:generic');
    expect(drawn(unknown).map((el) => el.localName)).toEqual(['rect', 'circle']);
    expect(icon('lever', 'toString').getAttribute('data-icon')).toBe('lever:generic');
    expect(icon('nonsense' as IconKind, 'drink').getAttribute('data-icon')).toBe('nonsense:generic');
    expect(iconDrawing('need', 'meteor')).toBeUndefined();
  });
});

describe('icons beside the words of the game panels', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  const s = scenario('periurban-brownfield');
  const icons = (el: Element) => [...el.querySelectorAll('svg.icon')];

  it("puts the actor type and the hazards a card shields beside their names, and keeps the card's words", () => {
    const card = s.cards['producer-shop'];
    if (!card) throw new Error('no producer-shop card');
    const facts = cardFacts(card, s);
    const actor = facts.querySelector('.card-actor');
    expect(icons(actor as Element).map((svg) => svg.getAttribute('data-icon'))).toEqual(['actor:cooperative']);
    const shields = facts.querySelector('.card-hazards');
    expect(shields?.textContent).toBe("Protège contre\u00a0: Rupture d'approvisionnement (40\u202f%), Épidémie (10\u202f%)");
    expect(icons(shields as Element).map((svg) => svg.getAttribute('data-icon'))).toEqual([
      'hazard:supply-disruption',
      'hazard:pandemic',
    ]);
    for (const svg of icons(facts)) expect(svg.getAttribute('aria-hidden')).toBe('true');
  });

  it('heads each indicator column with its need icon and its name', () => {
    const table = indicatorsTable(createGame(s, { seed: 1, teams: ['T1', 'T2'] }), s);
    const heads = [...table.querySelectorAll('thead th')];
    expect(heads.map((th) => th.textContent)).toEqual([
      'Équipe',
      ...['Respirer', 'Boire', 'Manger', 'Se déplacer', 'Habiter', 'Cohésion sociale', 'Emplois locaux', 'Coopération'],
      'Résilience',
      'Budget (k€)',
    ]);
    expect(heads.map((th) => th.querySelector('svg')?.getAttribute('data-icon') ?? null)).toEqual([
      null,
      ...['breathe', 'drink', 'eat', 'move', 'live', 'cohesion', 'jobs', 'cooperation'].map((id) => `need:${id}`),
      null,
      null,
    ]);
  });
});
