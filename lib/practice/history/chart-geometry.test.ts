import { describe, expect, it } from 'vitest';
import { layoutSeries, linePath, SCORE_CHART_BOX, sparkDomain, yFor } from './chart-geometry';

const domain = { min: 0, max: 10 };

describe('score chart geometry', () => {
  it('spreads attempts evenly across the plot and maps scores to height', () => {
    const pts = layoutSeries([4, 7, 10].map((value, i) => ({ value, datum: i })), SCORE_CHART_BOX, domain);
    expect(pts.map((p) => p.x)).toEqual([40, 328, 616]);
    // inner height 188: score 10 at the top padding, 0 at the bottom
    expect(pts.map((p) => Math.round(p.y * 10) / 10)).toEqual([138.8, 82.4, 26]);
    expect(yFor(0, SCORE_CHART_BOX, domain)).toBe(214);
  });

  it('centres a single attempt and clamps values outside the domain', () => {
    const [only] = layoutSeries([{ value: 12, datum: 'a' }], SCORE_CHART_BOX, domain);
    expect(only).toEqual({ x: 328, y: 26, datum: 'a' });
  });

  it('draws a path through the points', () => {
    expect(linePath([{ x: 1, y: 2 }, { x: 3.456, y: 4 }])).toBe('M1 2 L3.5 4');
    expect(linePath([])).toBe('');
  });

  it('widens a sparkline domain to show the reference band', () => {
    expect(sparkDomain([150, 170], { min: 140, max: 160 })).toEqual({ min: 140, max: 170 });
    expect(sparkDomain([3], null)).toEqual({ min: 2, max: 4 });
    expect(sparkDomain([], null)).toEqual({ min: 0, max: 1 });
  });
});
