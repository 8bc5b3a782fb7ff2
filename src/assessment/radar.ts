import { round1, SVG_NS, svg } from '../ui/svg.ts';

/**
 * The results radar, hand-written SVG built with createElementNS (never
 * innerHTML): one axis per dimension, rings at 25/50/75/100, one polygon per
 * attempt. One image for assistive technologies (role="img", <title>,
 * <desc>); the same figures are in the table beside it. Two attempts differ
 * by colour, dash pattern and marker shape, never by colour alone.
 */
const WIDTH = 640;
const HEIGHT = 470;
const CX = WIDTH / 2;
const CY = 235;
const RADIUS = 150;
const RINGS = [25, 50, 75, 100];
const INK = '#1b2430';
const MUTED = '#4a5566';
const GRID = '#b9c3bd';

export interface RadarSeries {
  label: string;
  /** One per axis, 0..100; null (no score) is drawn as a gap, never as a 0. */
  scores: (number | null)[];
}

/** Series styles: the first is solid with round markers, the second dashed with square markers. */
export const SERIES_STYLES = [
  { colour: '#0b6b4f', fill: 'rgb(11 107 79 / 0.18)', dash: '', marker: 'circle' },
  { colour: '#8a2c0d', fill: 'none', dash: '7 5', marker: 'square' },
] as const;

let counter = 0;

/** Axis i of n starts at the top and turns clockwise. */
export function radarPoint(i: number, n: number, value: number, radius = RADIUS): [number, number] {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const r = (Math.max(0, Math.min(100, value)) / 100) * radius;
  return [round1(CX + r * Math.cos(angle)), round1(CY + r * Math.sin(angle))];
}

export function polygonPoints(scores: readonly (number | null)[]): string {
  return scores.map((s, i) => radarPoint(i, scores.length, s ?? 0).join(',')).join(' ');
}

/**
 * The outline of a series with unscored axes: only the sides between two scored neighbours, as a path
 * ("M x,y L x,y" per side). Joining across an unscored axis would draw a value nobody gave.
 */
export function partialOutline(scores: readonly (number | null)[]): string {
  const n = scores.length;
  const sides: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const a = scores[i];
    const b = scores[(i + 1) % n];
    if (a === null || a === undefined || b === null || b === undefined || n < 2) continue;
    sides.push(`M${radarPoint(i, n, a).join(',')} L${radarPoint((i + 1) % n, n, b).join(',')}`);
  }
  return sides.join(' ');
}

/** Splits a label into lines of about 18 characters, on spaces. */
export function wrapLabel(label: string, width = 18): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function axisLabel(i: number, n: number, label: string, unscored: string | null): SVGTextElement {
  const [x, y] = radarPoint(i, n, 100, RADIUS + 16);
  const anchor = Math.abs(x - CX) < 4 ? 'middle' : x > CX ? 'start' : 'end';
  const lines = wrapLabel(label);
  if (unscored) lines.push(`(${unscored})`);
  const top = y < CY - 4;
  // Labels above the centre grow upwards, the others downwards.
  const firstDy = top ? -(lines.length - 1) * 1.15 : Math.abs(y - CY) < 4 ? -((lines.length - 1) * 1.15) / 2 : 0.8;
  const text = svg('text', { x, y, 'text-anchor': anchor, 'font-size': 14, fill: INK, class: 'radar-label' });
  lines.forEach((line, k) => {
    text.append(svg('tspan', { x, dy: `${k === 0 ? firstDy : 1.15}em` }, line));
  });
  return text;
}

function marker(shape: 'circle' | 'square', x: number, y: number, colour: string): SVGElement {
  return shape === 'circle'
    ? svg('circle', { cx: x, cy: y, r: 4.5, fill: colour, stroke: '#ffffff', 'stroke-width': 1 })
    : svg('rect', { x: x - 4, y: y - 4, width: 8, height: 8, fill: colour, stroke: '#ffffff', 'stroke-width': 1 });
}

export function radarChart(options: {
  axes: string[];
  series: RadarSeries[];
  title: string;
  description: string;
  /** Written under the label of an axis the first series has no score on. */
  unscoredLabel?: string;
}): SVGSVGElement {
  counter += 1;
  const titleId = `radar-title-${counter}`;
  const descId = `radar-desc-${counter}`;
  const n = options.axes.length;
  const root = svg('svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-labelledby': `${titleId} ${descId}`,
    class: 'radar',
    focusable: 'false',
  });
  root.append(svg('title', { id: titleId }, options.title), svg('desc', { id: descId }, options.description));
  const grid = svg('g', { class: 'radar-grid', 'aria-hidden': 'true' });
  for (const ring of RINGS) {
    grid.append(
      svg('polygon', {
        points: polygonPoints(options.axes.map(() => ring)),
        fill: 'none',
        stroke: GRID,
        'stroke-width': ring === 100 ? 1.5 : 1,
      }),
    );
  }
  const first = options.series[0]?.scores ?? [];
  options.axes.forEach((label, i) => {
    const [x, y] = radarPoint(i, n, 100);
    const unscored = first[i] === null;
    // An unscored axis is dotted and says so in its label: not a 0 at the centre.
    grid.append(
      svg('line', {
        x1: CX,
        y1: CY,
        x2: x,
        y2: y,
        stroke: unscored ? MUTED : GRID,
        'stroke-width': 1,
        'stroke-dasharray': unscored ? '2 4' : '',
        class: unscored ? 'radar-axis-unscored' : 'radar-axis',
      }),
    );
    grid.append(axisLabel(i, n, label, unscored ? (options.unscoredLabel ?? '—') : null));
  });
  root.append(grid);
  // The earlier attempt is drawn first, so the current one sits on top.
  [...options.series].reverse().forEach((series, reversedIndex) => {
    const index = options.series.length - 1 - reversedIndex;
    const style = SERIES_STYLES[index] ?? SERIES_STYLES[0];
    const group = svg('g', { class: 'radar-series', 'data-series': index, 'aria-hidden': 'true' });
    const line = { stroke: style.colour, 'stroke-width': 2.5, 'stroke-dasharray': style.dash, 'stroke-linejoin': 'round' };
    const complete = series.scores.every((score) => score !== null);
    group.append(
      complete
        ? svg('polygon', { class: 'radar-shape', points: polygonPoints(series.scores), fill: style.fill, ...line })
        : svg('path', { class: 'radar-shape radar-shape-partial', d: partialOutline(series.scores), fill: 'none', ...line }),
    );
    series.scores.forEach((score, i) => {
      if (score === null) return;
      const [x, y] = radarPoint(i, n, score);
      group.append(marker(style.marker, x, y, style.colour));
    });
    root.append(group);
  });
  // Ring values last, with a white halo, so no shape hides them.
  const values = svg('g', { class: 'radar-values', 'aria-hidden': 'true' });
  for (const ring of RINGS) {
    const [x, y] = radarPoint(0, n, ring);
    values.append(
      svg(
        'text',
        { x: x + 5, y: y + 4, 'font-size': 11, fill: MUTED, stroke: '#ffffff', 'stroke-width': 3, 'paint-order': 'stroke' },
        String(ring),
      ),
    );
  }
  root.append(values);
  return root;
}

/** A small sample of a series' line and marker, for the HTML legend. */
export function legendSample(index: number): SVGSVGElement {
  const style = SERIES_STYLES[index] ?? SERIES_STYLES[0];
  const root = svg('svg', { viewBox: '0 0 40 12', width: 40, height: 12, 'aria-hidden': 'true', focusable: 'false' });
  root.append(
    svg('line', { x1: 2, y1: 6, x2: 38, y2: 6, stroke: style.colour, 'stroke-width': 2.5, 'stroke-dasharray': style.dash }),
    marker(style.marker, 20, 6, style.colour),
  );
  return root;
}
