import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './bench-stats';

describe('bench stats', () => {
  it('nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ n: 4, mean: 4, p50: 2, p95: 10, max: 10 });
  });
});
