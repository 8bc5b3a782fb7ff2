/**
 * Accessible SVG charts for the debrief, built with createElementNS (never
 * innerHTML). Each chart is one image for assistive technologies (role="img",
 * named by its <title>, described by its <desc>); colour is never the only cue:
 * lines also differ by dash pattern and marker shape, bars under their target
 * are hatched. Charts take already-translated labels; the only text they make
 * themselves (descriptions, legend) comes from the "debrief" namespace.
 */
import { t } from '../../i18n/index.ts';
import { round1, SVG_NS, svg } from '../../ui/svg.ts';

/** Okabe-Ito and Tol colours darkened where needed: each has 3.8:1 or more against white. */
const COLOURS = ['#0072B2', '#D55E00', '#117733', '#882255', '#332288', '#AA4499', '#7A5C00', '#1b2430'] as const;
const DASHES = ['', '8 4', '2 3', '10 3 2 3', '14 5', '5 5', '1 4', '6 2 2 2 2 2'] as const;
type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross' | 'plus' | 'star';
const MARKERS: readonly Marker[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross', 'plus', 'star'];

const AXIS = '#4a5566';
const GRID = '#d5dcd8';
const BAR = '#0b6b4f';
const BAR_LOW = '#8a2c0d';
/** The target line and the hazard marks: dark enough for 3:1 against white (WCAG 1.4.11). */
const TARGET = '#1b2430';
const MARK = '#7A5C00';

let counter = 0;
/** Ids for aria-labelledby, unique in the page. */
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** The root <svg> with its accessible name and description. */
function chartRoot(width: number, height: number, title: string, description: string, className: string): SVGSVGElement {
  const titleId = nextId('chart-title');
  const descId = nextId('chart-desc');
  const root = svg('svg', {
    xmlns: SVG_NS,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': `${titleId} ${descId}`,
    class: className,
    focusable: 'false',
  });
  root.append(svg('title', { id: titleId }, title), svg('desc', { id: descId }, description));
  return root;
}

/** A marker shape centred on (x, y), about 2r wide. */
export function markerPath(shape: Marker, x: number, y: number, r: number): string {
  const p = (dx: number, dy: number) => `${round1(x + dx)},${round1(y + dy)}`;
  switch (shape) {
    case 'circle':
      return `M${p(-r, 0)}A${r},${r} 0 1,0 ${p(r, 0)}A${r},${r} 0 1,0 ${p(-r, 0)}Z`;
    case 'square':
      return `M${p(-r, -r)}L${p(r, -r)}L${p(r, r)}L${p(-r, r)}Z`;
    case 'triangle':
      return `M${p(0, -r * 1.2)}L${p(r * 1.1, r * 0.9)}L${p(-r * 1.1, r * 0.9)}Z`;
    case 'triangle-down':
      return `M${p(0, r * 1.2)}L${p(r * 1.1, -r * 0.9)}L${p(-r * 1.1, -r * 0.9)}Z`;
    case 'diamond':
      return `M${p(0, -r * 1.3)}L${p(r * 1.3, 0)}L${p(0, r * 1.3)}L${p(-r * 1.3, 0)}Z`;
    case 'cross':
      return `M${p(-r, -r)}L${p(r, r)}M${p(r, -r)}L${p(-r, r)}`;
    case 'plus':
      return `M${p(-r * 1.2, 0)}L${p(r * 1.2, 0)}M${p(0, -r * 1.2)}L${p(0, r * 1.2)}`;
    case 'star': {
      const points: string[] = [];
      for (let i = 0; i < 10; i += 1) {
        const angle = -Math.PI / 2 + (i * Math.PI) / 5;
        const radius = i % 2 === 0 ? r * 1.4 : r * 0.6;
        points.push(p(Math.cos(angle) * radius, Math.sin(angle) * radius));
      }
      return `M${points.join('L')}Z`;
    }
  }
  return '';
}

/** Open shapes (cross, plus) are stroked; the others are filled. */
function markerElement(shape: Marker, x: number, y: number, colour: string): SVGPathElement {
  const open = shape === 'cross' || shape === 'plus';
  return svg('path', {
    d: markerPath(shape, x, y, 4),
    fill: open ? 'none' : colour,
    stroke: open ? colour : '#ffffff',
    'stroke-width': open ? 2.5 : 1,
  });
}

export interface LineSeries {
  label: string;
  values: number[];
}

export interface LineChartOptions {
  title: string;
  xLabels: string[];
  /** Top of the value axis (100 unless told). */
  yMax?: number;
  /** A horizontal line for a target, with its legend label. */
  target?: { value: number; label: string };
  /** Moments marked on the x axis (a hazard after a round), by x index. */
  marks?: { index: number; label: string }[];
}

/** One line per series over the x labels, values on a 0..yMax axis with round ticks, and a legend. */
export function lineChart(series: LineSeries[], options: LineChartOptions): SVGSVGElement {
  const yMax = options.yMax ?? 100;
  const width = 640;
  const plot = { left: 48, right: 20, top: 16, height: 240 };
  const plotWidth = width - plot.left - plot.right;
  const legendColumns = 4;
  const legendTop = plot.top + plot.height + 44;
  const legendRows = Math.ceil((series.length + (options.target ? 1 : 0)) / legendColumns);
  const height = legendTop + legendRows * 24 + 4;

  const marks = options.marks ?? [];
  const description = [
    ...series.map((s) => t('debrief:chart.seriesDescription', { label: s.label, values: s.values.join(', ') })),
    options.target ? t('debrief:chart.targetDescription', { value: options.target.value }) : '',
    marks.length > 0 ? t('debrief:chart.marksDescription', { marks: marks.map((m) => m.label).join(', ') }) : '',
  ]
    .filter((x) => x !== '')
    .join(' ');
  const root = chartRoot(width, height, options.title, description, 'debrief-chart debrief-line-chart');

  const steps = Math.max(1, options.xLabels.length - 1);
  const xAt = (i: number) =>
    round1(options.xLabels.length <= 1 ? plot.left + plotWidth / 2 : plot.left + (plotWidth * i) / steps);
  const yAt = (v: number) => round1(plot.top + plot.height * (1 - Math.min(yMax, Math.max(0, v)) / yMax));

  // Grid and value axis: a tick every tenth of the axis, labelled every fifth (0, 20, ... 100).
  const axes = svg('g', { 'aria-hidden': 'true', 'font-size': 12, fill: AXIS });
  const tick = yMax / 10;
  for (let i = 0; i <= 10; i += 1) {
    const value = Math.round(tick * i * 100) / 100;
    const y = yAt(value);
    const major = i % 2 === 0;
    axes.append(
      svg('line', {
        x1: plot.left,
        x2: plot.left + plotWidth,
        y1: y,
        y2: y,
        stroke: GRID,
        'stroke-width': major ? 1 : 0.5,
        'stroke-dasharray': major ? undefined : '2 3',
      }),
    );
    if (major) axes.append(svg('text', { x: plot.left - 8, y: y + 4, 'text-anchor': 'end' }, String(value)));
  }
  options.xLabels.forEach((label, i) => {
    const x = xAt(i);
    axes.append(
      svg('line', { x1: x, x2: x, y1: plot.top + plot.height, y2: plot.top + plot.height + 5, stroke: AXIS }),
      svg('text', { x, y: plot.top + plot.height + 20, 'text-anchor': 'middle' }, label),
    );
  });
  axes.append(
    svg('line', { x1: plot.left, x2: plot.left, y1: plot.top, y2: plot.top + plot.height, stroke: AXIS }),
    svg('line', {
      x1: plot.left,
      x2: plot.left + plotWidth,
      y1: plot.top + plot.height,
      y2: plot.top + plot.height,
      stroke: AXIS,
    }),
  );
  root.append(axes);

  // Hazards: a dashed rule at the round they struck, labelled above the plot (the labels are in the description too).
  for (const mark of marks) {
    const x = xAt(mark.index);
    root.append(
      svg(
        'g',
        { class: 'debrief-mark', 'aria-hidden': 'true' },
        svg('line', {
          x1: x,
          x2: x,
          y1: plot.top,
          y2: plot.top + plot.height,
          stroke: MARK,
          'stroke-width': 1.5,
          'stroke-dasharray': '4 4',
        }),
        svg('title', {}, mark.label),
      ),
    );
  }
  if (options.target) {
    const y = yAt(options.target.value);
    const index = series.length;
    const lx = plot.left + (index % legendColumns) * (plotWidth / legendColumns);
    const ly = legendTop + Math.floor(index / legendColumns) * 24;
    root.append(
      svg('line', {
        class: 'debrief-target-line',
        x1: plot.left,
        x2: plot.left + plotWidth,
        y1: y,
        y2: y,
        stroke: TARGET,
        'stroke-width': 2,
        'stroke-dasharray': '8 4',
        'aria-hidden': 'true',
      }),
      svg(
        'g',
        { class: 'debrief-legend', 'aria-hidden': 'true' },
        svg('line', { x1: lx, x2: lx + 30, y1: ly, y2: ly, stroke: TARGET, 'stroke-width': 2, 'stroke-dasharray': '8 4' }),
        svg('text', { x: lx + 36, y: ly + 4, 'font-size': 12, fill: '#1b2430' }, options.target.label),
      ),
    );
  }

  series.forEach((s, index) => {
    const colour = COLOURS[index % COLOURS.length] as string;
    const dash = DASHES[index % DASHES.length] as string;
    const marker = MARKERS[index % MARKERS.length] as Marker;
    const count = Math.min(s.values.length, options.xLabels.length);
    const group = svg('g', { class: 'debrief-series' });
    const points: string[] = [];
    for (let i = 0; i < count; i += 1) points.push(`${xAt(i)},${yAt(s.values[i] as number)}`);
    if (points.length > 1) {
      group.append(
        svg('polyline', {
          points: points.join(' '),
          fill: 'none',
          stroke: colour,
          'stroke-width': 2.5,
          'stroke-dasharray': dash,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        }),
      );
    }
    for (let i = 0; i < count; i += 1) {
      const value = s.values[i] as number;
      // A tooltip for pointer users; the whole chart stays one image for screen readers.
      const dot = markerElement(marker, xAt(i), yAt(value), colour);
      dot.append(svg('title', {}, t('debrief:chart.point', { label: s.label, x: options.xLabels[i] ?? '', value })));
      group.append(dot);
    }
    root.append(group);

    // Legend: a sample of the line with its dash and marker, then the label.
    const column = index % legendColumns;
    const row = Math.floor(index / legendColumns);
    const lx = plot.left + column * (plotWidth / legendColumns);
    const ly = legendTop + row * 24;
    root.append(
      svg(
        'g',
        { class: 'debrief-legend', 'aria-hidden': 'true' },
        svg('line', { x1: lx, x2: lx + 30, y1: ly, y2: ly, stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': dash }),
        markerElement(marker, lx + 15, ly, colour),
        svg('text', { x: lx + 36, y: ly + 4, 'font-size': 12, fill: '#1b2430' }, s.label),
      ),
    );
  });
  return root;
}

export interface ProfileValue {
  label: string;
  value: number;
  target?: number;
}

/** Horizontal bars on a 0..100 scale, each with its target marked by a dashed line. */
export function profileChart(values: ProfileValue[], title: string): SVGSVGElement {
  const width = 640;
  const labelWidth = 170;
  const barLeft = labelWidth + 10;
  const barWidth = width - barLeft - 50;
  const rowHeight = 30;
  const top = 24;
  const hasTarget = values.some((v) => v.target !== undefined);
  const height = top + values.length * rowHeight + (hasTarget ? 34 : 20);
  const xAt = (v: number) => round1(barLeft + (barWidth * Math.min(100, Math.max(0, v))) / 100);

  const description = values
    .map((v) =>
      v.target === undefined
        ? t('debrief:chart.barDescription', { label: v.label, value: v.value })
        : t('debrief:chart.barTargetDescription', { label: v.label, value: v.value, target: v.target }),
    )
    .join(' ');
  const root = chartRoot(width, height, title, description, 'debrief-chart debrief-profile-chart');

  const patternId = nextId('chart-hatch');
  root.append(
    svg(
      'defs',
      {},
      svg(
        'pattern',
        { id: patternId, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 6, height: 6, fill: '#fdf0ea' }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: BAR_LOW, 'stroke-width': 3 }),
      ),
    ),
  );

  const scale = svg('g', { 'aria-hidden': 'true', 'font-size': 11, fill: '#4a5566' });
  for (let v = 0; v <= 100; v += 20) {
    const x = xAt(v);
    scale.append(
      svg('line', { x1: x, x2: x, y1: top - 4, y2: top + values.length * rowHeight, stroke: GRID }),
      svg('text', { x, y: top - 8, 'text-anchor': 'middle' }, String(v)),
    );
  }
  root.append(scale);

  values.forEach((v, i) => {
    const y = top + i * rowHeight;
    const below = v.target !== undefined && v.value < v.target;
    const row = svg(
      'g',
      { class: below ? 'debrief-bar debrief-bar-below' : 'debrief-bar' },
      svg('text', { x: labelWidth, y: y + 19, 'text-anchor': 'end', 'font-size': 13, fill: '#1b2430' }, v.label),
      svg('rect', {
        x: barLeft,
        y: y + 6,
        width: Math.max(1, xAt(v.value) - barLeft),
        height: rowHeight - 12,
        fill: below ? `url(#${patternId})` : BAR,
        stroke: below ? BAR_LOW : BAR,
      }),
      svg('text', { x: xAt(v.value) + 6, y: y + 19, 'font-size': 13, 'font-weight': 700, fill: '#1b2430' }, String(v.value)),
    );
    if (v.target !== undefined) {
      const x = xAt(v.target);
      row.append(
        svg('line', {
          x1: x,
          x2: x,
          y1: y + 2,
          y2: y + rowHeight - 2,
          stroke: '#1b2430',
          'stroke-width': 2,
          'stroke-dasharray': '4 2',
        }),
      );
    }
    root.append(row);
  });

  if (hasTarget) {
    const y = top + values.length * rowHeight + 18;
    root.append(
      svg(
        'g',
        { class: 'debrief-legend', 'aria-hidden': 'true' },
        svg('line', {
          x1: barLeft,
          x2: barLeft,
          y1: y - 10,
          y2: y + 4,
          stroke: '#1b2430',
          'stroke-width': 2,
          'stroke-dasharray': '4 2',
        }),
        svg('text', { x: barLeft + 8, y: y + 2, 'font-size': 12, fill: '#1b2430' }, t('debrief:chart.targetLegend')),
        svg('rect', { x: barLeft + 200, y: y - 9, width: 24, height: 12, fill: `url(#${patternId})`, stroke: BAR_LOW }),
        svg('text', { x: barLeft + 230, y: y + 2, 'font-size': 12, fill: '#1b2430' }, t('debrief:chart.belowLegend')),
      ),
    );
  }
  return root;
}
