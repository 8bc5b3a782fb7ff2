/** Plain geometry for the map: no Phaser here, so it stays easy to test. */

export interface Vec {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Fits a territory of `width` x `height` into a box, centred, keeping its ratio. */
export interface MapTransform {
  ox: number;
  oy: number;
  scale: number;
  width: number;
  height: number;
}

export function fitTransform(width: number, height: number, box: Box): MapTransform {
  const scale = Math.min(box.width / width, box.height / height);
  const w = width * scale;
  const h = height * scale;
  return { ox: box.x + (box.width - w) / 2, oy: box.y + (box.height - h) / 2, scale, width: w, height: h };
}

export function toWorld(t: MapTransform, points: readonly (readonly [number, number])[]): Vec[] {
  return points.map(([x, y]) => ({ x: t.ox + x * t.scale, y: t.oy + y * t.scale }));
}

export function polygonArea(poly: readonly Vec[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Vec;
    const q = poly[(i + 1) % poly.length] as Vec;
    a += p.x * q.y - q.x * p.y;
  }
  return a / 2;
}

export function bounds(poly: readonly Vec[]): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const p of poly) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function centroid(poly: readonly Vec[]): Vec {
  const area = polygonArea(poly);
  if (Math.abs(area) < 1e-6) {
    const b = bounds(poly);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as Vec;
    const q = poly[(i + 1) % poly.length] as Vec;
    const f = p.x * q.y - q.x * p.y;
    cx += (p.x + q.x) * f;
    cy += (p.y + q.y) * f;
  }
  return { x: cx / (6 * area), y: cy / (6 * area) };
}

export function contains(poly: readonly Vec[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Vec;
    const b = poly[j] as Vec;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Crossings of the horizontal line at `y` with the polygon, sorted: pairs are inside spans. */
function spansAt(poly: readonly Vec[], y: number): [number, number][] {
  const xs: number[] = [];
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Vec;
    const b = poly[j] as Vec;
    if (a.y > y !== b.y > y) xs.push(((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x);
  }
  xs.sort((m, n) => m - n);
  const spans: [number, number][] = [];
  for (let i = 0; i + 1 < xs.length; i += 2) spans.push([xs[i] as number, xs[i + 1] as number]);
  return spans;
}

/** Where a zone's name goes: the centroid when it lies inside, else the middle of the widest inside span. */
export function labelPoint(poly: readonly Vec[]): Vec {
  const c = centroid(poly);
  if (contains(poly, c.x, c.y)) return c;
  const b = bounds(poly);
  let best: Vec = c;
  let bestWidth = -1;
  for (const f of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = b.y + b.height * f;
    for (const [x0, x1] of spansAt(poly, y)) {
      if (x1 - x0 > bestWidth) {
        bestWidth = x1 - x0;
        best = { x: (x0 + x1) / 2, y };
      }
    }
  }
  return best;
}

/** Width of the inside span through `p`, to wrap a label inside its zone. */
export function spanWidthAt(poly: readonly Vec[], p: Vec): number {
  for (const [x0, x1] of spansAt(poly, p.y)) if (p.x >= x0 && p.x <= x1) return x1 - x0;
  return bounds(poly).width;
}

/**
 * Calls `visit(x1, y1, x2, y2)` for each dash piece along a polyline, without allocating: a dash
 * that turns a corner comes as two pieces. `offset` shifts the pattern (for animation).
 */
export function forEachDash(
  points: readonly Vec[],
  dash: number,
  gap: number,
  offset: number,
  closed: boolean,
  visit: (x1: number, y1: number, x2: number, y2: number) => void,
): void {
  const period = dash + gap;
  let phase = ((-offset % period) + period) % period;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    const a = points[i] as Vec;
    const b = points[(i + 1) % points.length] as Vec;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len === 0) continue;
    const dx = (b.x - a.x) / len;
    const dy = (b.y - a.y) / len;
    let t = 0;
    while (t < len) {
      const inDash = phase < dash;
      const step = Math.min(inDash ? dash - phase : period - phase, len - t);
      if (inDash) visit(a.x + dx * t, a.y + dy * t, a.x + dx * (t + step), a.y + dy * (t + step));
      t += step;
      phase = (phase + step) % period;
    }
  }
}

/** Dash segments [x1, y1, x2, y2] along a polyline; `offset` shifts the pattern (for animation). */
export function dashSegments(points: readonly Vec[], dash: number, gap: number, offset = 0, closed = false): number[][] {
  const out: number[][] = [];
  forEachDash(points, dash, gap, offset, closed, (x1, y1, x2, y2) => {
    out.push([x1, y1, x2, y2]);
  });
  return out;
}

/** Lays `count` slots in rows of up to four, starting at `first` and growing by `dy` per row. */
function rowsAt(first: Vec, count: number, spacing: number, dy: number, alignX: 'centre' | 'start' | 'end'): Vec[] {
  const perRow = count <= 4 ? count : Math.ceil(count / Math.ceil(count / 4));
  const slots: Vec[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, count - row * perRow);
    const col = i % perRow;
    const x =
      alignX === 'centre'
        ? first.x + (col - (inRow - 1) / 2) * spacing
        : alignX === 'start'
          ? first.x + col * spacing
          : first.x - col * spacing;
    slots.push({ x, y: first.y + row * dy });
  }
  return slots;
}

/**
 * Marker positions of the projects of one zone, from each project's index in
 * the zone, so the layout never depends on chance: rows of up to four under
 * the zone's name, or above it, or beside it, whichever first keeps every
 * marker inside the zone (else the one that keeps the most).
 */
export function markerSlots(
  poly: readonly Vec[],
  anchor: Vec,
  half: { width: number; height: number },
  count: number,
  spacing: number,
): Vec[] {
  if (count === 0) return [];
  const rows = Math.ceil(count / (count <= 4 ? count : Math.ceil(count / Math.ceil(count / 4))));
  const gap = spacing * 0.7;
  const sideY = anchor.y - ((rows - 1) * spacing) / 2;
  const layouts = [
    rowsAt({ x: anchor.x, y: anchor.y + half.height + gap }, count, spacing, spacing, 'centre'),
    rowsAt({ x: anchor.x, y: anchor.y - half.height - gap }, count, spacing, -spacing, 'centre'),
    rowsAt({ x: anchor.x + half.width + gap, y: sideY }, count, spacing, spacing, 'start'),
    rowsAt({ x: anchor.x - half.width - gap, y: sideY }, count, spacing, spacing, 'end'),
  ];
  const r = spacing * 0.35;
  const fits = (p: Vec) =>
    [
      [0, 0],
      [r, 0],
      [-r, 0],
      [0, r],
      [0, -r],
    ].every(([dx, dy]) => contains(poly, p.x + (dx as number), p.y + (dy as number)));
  let best = layouts[0] as Vec[];
  let bestScore = -1;
  for (const layout of layouts) {
    const score = layout.filter(fits).length;
    if (score === count) return layout;
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best;
}

/** Picks random points inside the polygons, in proportion to their areas (for particle emit zones). */
export function polygonSampler(polys: readonly (readonly Vec[])[], random: () => number = Math.random): (out: Vec) => void {
  const areas = polys.map((p) => Math.abs(polygonArea(p)));
  const boxes = polys.map((p) => bounds(p));
  const total = areas.reduce((s, a) => s + a, 0);
  return (out: Vec) => {
    let pick = random() * total;
    let index = 0;
    while (index < polys.length - 1 && pick > (areas[index] as number)) {
      pick -= areas[index] as number;
      index++;
    }
    const poly = polys[index];
    const b = boxes[index];
    if (!poly || !b) return;
    for (let tries = 0; tries < 24; tries++) {
      const x = b.x + random() * b.width;
      const y = b.y + random() * b.height;
      if (contains(poly, x, y)) {
        out.x = x;
        out.y = y;
        return;
      }
    }
    const c = centroid(poly);
    out.x = c.x;
    out.y = c.y;
  };
}
