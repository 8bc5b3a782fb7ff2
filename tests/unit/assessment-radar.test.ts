// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { polygonPoints, radarChart, radarPoint, wrapLabel } from '../../src/assessment/radar.ts';

const axes = [
  'Piloter ensemble',
  'Tisser les solidarités',
  'Voir venir',
  'Tenir pendant la crise',
  'Apprendre et oser',
  "L'essentiel d'abord",
];

describe('radar chart', () => {
  it('puts 0 at the centre, 100 on the outer ring, the first axis at the top', () => {
    const [cx, cy] = radarPoint(0, 6, 0);
    const [x, y] = radarPoint(0, 6, 100);
    expect(x).toBe(cx);
    expect(cy - y).toBe(150);
    expect(radarPoint(3, 6, 50)).toEqual([cx, cy + 75]);
    // A missing score sits at the centre but keeps its point.
    expect(polygonPoints([100, null, 50]).split(' ')).toHaveLength(3);
    expect(polygonPoints([null]).split(' ')[0]).toBe(`${cx},${cy}`);
  });

  it('is one named image: 6 axes, 4 rings, a polygon per attempt with one point per dimension', () => {
    const chart = radarChart({
      axes,
      series: [
        { label: 'now', scores: [10, 20, 30, 40, 50, null] },
        { label: 'before', scores: [60, 50, 40, 30, 20, 10] },
      ],
      title: 'Radar',
      description: 'Scores',
    });
    expect(chart.getAttribute('role')).toBe('img');
    const [titleId, descId] = (chart.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(chart.querySelector(`title[id="${titleId}"]`)?.textContent).toBe('Radar');
    expect(chart.querySelector(`desc[id="${descId}"]`)?.textContent).toBe('Scores');
    expect(chart.querySelectorAll('.radar-grid line')).toHaveLength(6);
    expect(chart.querySelectorAll('.radar-grid polygon')).toHaveLength(4);
    expect(chart.querySelectorAll('.radar-label')).toHaveLength(6);
    const shapes = [...chart.querySelectorAll('polygon.radar-shape')];
    expect(shapes).toHaveLength(2);
    for (const shape of shapes) expect((shape.getAttribute('points') ?? '').split(' ')).toHaveLength(6);
    // Two attempts differ by colour and by dash pattern.
    const [earlier, current] = shapes;
    expect(earlier?.getAttribute('stroke')).not.toBe(current?.getAttribute('stroke'));
    expect(earlier?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(current?.getAttribute('stroke-dasharray')).toBeNull();
  });

  it('wraps long labels on spaces', () => {
    expect(wrapLabel('Holding through a crisis')).toEqual(['Holding through a', 'crisis']);
    expect(wrapLabel('Voir venir')).toEqual(['Voir venir']);
  });
});
