/**
 * The outline of a group of zones (a commune): the parts of their edges that
 * do not run between two of them. Zones of one commune share edges, sometimes
 * only part of one (a vertex of one zone on the edge of another), so each edge
 * is cut into short pieces and a piece is kept when one of its sides lies
 * outside the group. Plain geometry: no Phaser here, so it stays easy to test.
 */
import { contains, type Vec } from './geometry.ts';

/** Length of the pieces an edge is tested in, and how far to each side a piece is probed, in map units. */
const STEP = 4;
const PROBE = 1.5;

/** Segments [x1, y1, x2, y2] of the group's outline, consecutive pieces of an edge joined. */
export function groupOutline(polys: readonly (readonly Vec[])[]): number[][] {
  const inside = (x: number, y: number) => polys.some((poly) => contains(poly, x, y));
  const out: number[][] = [];
  for (const poly of polys) {
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i] as Vec;
      const b = poly[(i + 1) % poly.length] as Vec;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      if (len === 0) continue;
      const pieces = Math.max(1, Math.ceil(len / STEP));
      const nx = -(b.y - a.y) / len;
      const ny = (b.x - a.x) / len;
      let open: number[] | null = null;
      for (let k = 0; k < pieces; k++) {
        const t0 = k / pieces;
        const t1 = (k + 1) / pieces;
        const mx = a.x + (b.x - a.x) * ((t0 + t1) / 2);
        const my = a.y + (b.y - a.y) * ((t0 + t1) / 2);
        const edge = !inside(mx + nx * PROBE, my + ny * PROBE) || !inside(mx - nx * PROBE, my - ny * PROBE);
        const x1 = a.x + (b.x - a.x) * t1;
        const y1 = a.y + (b.y - a.y) * t1;
        if (edge && open) {
          open[2] = x1;
          open[3] = y1;
        } else if (edge) {
          open = [a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0, x1, y1];
          out.push(open);
        } else {
          open = null;
        }
      }
    }
  }
  return out;
}
