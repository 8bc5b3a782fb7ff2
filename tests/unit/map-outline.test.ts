import { describe, expect, it } from 'vitest';
import { groupOutline } from '../../src/game/map/draw/outline.ts';

const square = (x: number, y: number, size: number) => [
  { x, y },
  { x: x + size, y },
  { x: x + size, y: y + size },
  { x, y: y + size },
];

describe("a commune's outline on the map", () => {
  it('is the whole edge of a single zone', () => {
    expect(groupOutline([square(0, 0, 20)])).toEqual([
      [0, 0, 20, 0],
      [20, 0, 20, 20],
      [20, 20, 0, 20],
      [0, 20, 0, 0],
    ]);
  });

  it('leaves out the edge two zones of the commune share', () => {
    // Two 20 x 20 squares side by side: the shared edge x = 20 is drawn by neither.
    const segments = groupOutline([square(0, 0, 20), square(20, 0, 20)]);
    expect(segments.some(([x1, , x2]) => x1 === 20 && x2 === 20)).toBe(false);
    const length = segments.reduce((sum, [x1, y1, x2, y2]) => sum + Math.hypot((x2 ?? 0) - (x1 ?? 0), (y2 ?? 0) - (y1 ?? 0)), 0);
    // The outline of the 40 x 20 rectangle: 120.
    expect(length).toBeCloseTo(120, 6);
  });

  it('keeps the part of an edge a smaller neighbour of the commune does not touch', () => {
    // A 40-wide square above a 20-wide one: of the big square's bottom edge only x 20..40 is outline.
    const segments = groupOutline([square(0, 0, 40), square(0, 40, 20)]);
    const bottom = segments.filter(([, y1, , y2]) => y1 === 40 && y2 === 40);
    // The edge runs from (40, 40) back to (0, 40): its outline piece runs the same way.
    expect(bottom).toEqual([[40, 40, 20, 40]]);
  });
});
