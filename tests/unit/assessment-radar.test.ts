// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { partialOutline, polygonPoints, radarChart, radarPoint, wrapLabel } from '../../src/assessment/radar.ts';

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

  it('draws a series with an unscored axis as sides between scored neighbours only', () => {
    // Axes 0..5 at 100, axis 5 unscored: sides 0-1, 1-2, 2-3, 3-4; none touches axis 5.
    const d = partialOutline([100, 100, 100, 100, 100, null]);
    expect(d.match(/M/g)).toHaveLength(4);
    const [cx, cy] = radarPoint(0, 6, 0);
    expect(d.startsWith(`M${cx},${cy - 150} L`)).toBe(true);
    expect(partialOutline([null, 50, null])).toBe('');
  });

  it('is one named image: 6 axes, 4 rings, a shape per attempt; an unscored axis is dotted and labelled', () => {
    const chart = radarChart({
      axes,
      series: [
        { label: 'now', scores: [10, 20, 30, 40, 50, null] },
        { label: 'before', scores: [60, 50, 40, 30, 20, 10] },
      ],
      title: 'Radar',
      description: 'Scores',
      unscoredLabel: 'no score',
    });
    expect(chart.getAttribute('role')).toBe('img');
    const [titleId, descId] = (chart.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(chart.querySelector(`title[id="${titleId}"]`)?.textContent).toBe('Radar');
    expect(chart.querySelector(`desc[id="${descId}"]`)?.textContent).toBe('Scores');
    expect(chart.querySelectorAll('.radar-grid line')).toHaveLength(6);
    expect(chart.querySelectorAll('.radar-grid polygon')).toHaveLength(4);
    expect(chart.querySelectorAll('.radar-label')).toHaveLength(6);
    const shapes = [...chart.querySelectorAll('.radar-shape')];
    expect(shapes).toHaveLength(2);
    // The earlier attempt, fully scored, is a closed polygon; the current one, with a gap, an open outline.
    expect(shapes[0]?.tagName.toLowerCase()).toBe('polygon');
    expect((shapes[0]?.getAttribute('points') ?? '').split(' ')).toHaveLength(6);
    expect(shapes[1]?.tagName.toLowerCase()).toBe('path');
    expect(shapes[1]?.getAttribute('fill')).toBe('none');
    expect(chart.querySelectorAll('.radar-axis-unscored')).toHaveLength(1);
    expect(chart.querySelectorAll('.radar-label')[5]?.textContent).toBe("L'essentield'abord(no score)");
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
