/**
 * The kit's pictograms are plain data: a list of SVG elements drawn on a 24 x 24
 * grid with a 2-unit round stroke in the text colour (set once on the <svg>).
 * Paths use absolute commands only, so every number is a point of the grid.
 */
export type IconTag = 'path' | 'circle' | 'rect' | 'line' | 'polyline' | 'polygon' | 'ellipse';
export type IconAttrs = Readonly<Record<string, string | number>>;
export type IconElement = readonly [IconTag, IconAttrs];
export type IconDrawing = readonly IconElement[];

/** A stroked outline; `solid` fills it too (small dots, a bulb). */
export const path = (d: string, solid = false): IconElement => ['path', solid ? { d, fill: 'currentColor' } : { d }];
export const circle = (cx: number, cy: number, r: number, solid = false): IconElement => [
  'circle',
  solid ? { cx, cy, r, fill: 'currentColor' } : { cx, cy, r },
];
export const rect = (x: number, y: number, width: number, height: number, rx = 0): IconElement => [
  'rect',
  rx > 0 ? { x, y, width, height, rx } : { x, y, width, height },
];
export const polygon = (points: string): IconElement => ['polygon', { points }];

/** Shown for an id without a drawing of its own: a plain rounded square with a dot. */
export const GENERIC: IconDrawing = [rect(4, 4, 16, 16, 4), circle(12, 12, 1.5, true)];

/** The mark of something lost (a closure, a service gone, a ban): a barred circle in the lower right corner. */
export const LOST: IconDrawing = [circle(18, 18, 4), path('M15.2 15.2 L20.8 20.8')];

/** The mark of a price that soars: an arrow up along the right edge. */
export const SOARS: IconElement = path('M19.5 12 V3 M17 5.5 L19.5 3 L22 5.5');

/** A flame standing on the right half, shared by the fires. */
export const FLAME: IconElement = path(
  'M17 8 C19.5 10.5 21 13 21 16 A4 4 0 0 1 13 16 C13 14 13.8 12.8 14.8 11.8 C15.2 13.2 16 14 17 14 C16.5 12 16.5 10 17 8 Z',
);

/** A wave line across the icon at height y, shared by the floods. */
export function wave(y: number, from = 2, to = 22): IconElement {
  const step = (to - from) / 4;
  const r1 = (n: number) => Math.round(n * 10) / 10;
  const x = (i: number) => r1(from + i * step);
  const before = (i: number) => r1(from + i * step - step / 3);
  const up = r1(y - 1.6);
  const down = r1(y + 1.6);
  return path(
    `M${x(0)} ${y} C${r1(from + step / 3)} ${up} ${before(1)} ${up} ${x(1)} ${y} S${before(2)} ${down} ${x(2)} ${y} S${before(3)} ${up} ${x(3)} ${y} S${before(4)} ${down} ${x(4)} ${y}`,
  );
}
