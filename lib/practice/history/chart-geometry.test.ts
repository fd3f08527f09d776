import { describe, expect, it } from 'vitest';
import { chartSegments, layoutSeries, linePath, pickLabels, scoreY, sparkDomain, xPercent, yFor, type ChartBox } from './chart-geometry';

const domain = { min: 0, max: 10 };
const BOX: ChartBox = { width: 640, height: 250, padding: { top: 26, right: 24, bottom: 36, left: 40 } };

describe('sparkline geometry', () => {
  it('spreads values evenly across the box and maps them to height', () => {
    const pts = layoutSeries([4, 7, 10].map((value, i) => ({ value, datum: i })), BOX, domain);
    expect(pts.map((p) => p.x)).toEqual([40, 328, 616]);
    expect(pts.map((p) => Math.round(p.y * 10) / 10)).toEqual([138.8, 82.4, 26]);
    expect(yFor(0, BOX, domain)).toBe(214);
  });

  it('centres a single value and clamps values outside the domain', () => {
    const [only] = layoutSeries([{ value: 12, datum: 'a' }], BOX, domain);
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

describe('score chart geometry', () => {
  it('places attempts by percentage of the width and scores by pixel height', () => {
    expect([0, 1, 2].map((i) => xPercent(i, 3))).toEqual([0, 50, 100]);
    expect(xPercent(0, 1)).toBe(50);
    expect(xPercent(1, 7)).toBe(16.7);
    expect(scoreY(10)).toBe(26);
    expect(scoreY(0)).toBe(186);
    expect(scoreY(12)).toBe(26);
  });

  it('draws consecutive attempts solid and jumps over left-out attempts dashed', () => {
    const pts = [
      { x: 0, y: 100, attempt: 1 },
      { x: 25, y: 50, attempt: 2 },
      { x: 50, y: 60, attempt: 9 },
      { x: 100, y: 40, attempt: 10 },
    ];
    expect(chartSegments(pts)).toEqual({ solid: 'M0 100 L25 50 M50 60 L100 40', gaps: 'M25 50 L50 60' });
    expect(chartSegments(pts.slice(0, 1))).toEqual({ solid: '', gaps: '' });
  });

  it('labels every point when they fit, else the first, latest and best and evenly spread others', () => {
    expect(pickLabels(4, [0, 3, 1], 6)).toEqual([0, 1, 2, 3]);
    const picked = pickLabels(52, [0, 51, 1], 6);
    expect(picked).toContain(0);
    expect(picked).toContain(51);
    expect(picked).not.toContain(1); // the best sits next to the first: no room for both labels
    expect(picked.length).toBeLessThanOrEqual(6);
    expect(picked.every((p, i) => i === 0 || p - picked[i - 1]! >= 52 / 6)).toBe(true);
    expect(pickLabels(52, [0, 51, 30], 6)).toContain(30);
    // a wider plot labels more: the narrow picks plus others, still evenly apart
    const wide = pickLabels(52, picked, 12);
    expect(picked.every((p) => wide.includes(p))).toBe(true);
    expect(wide.length).toBeGreaterThan(picked.length);
    expect(wide.every((p, i) => i === 0 || p - wide[i - 1]! >= 52 / 12)).toBe(true);
  });
});
