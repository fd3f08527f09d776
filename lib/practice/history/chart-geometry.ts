/**
 * Geometry for the hand-written SVG charts on the history page (no chart library).
 * Pure: points in, coordinates and ticks out, so the layout is unit-tested.
 */

export type ChartBox = { width: number; height: number; padding: { top: number; right: number; bottom: number; left: number } };
export type PlotPoint<T> = { x: number; y: number; datum: T };

export const SCORE_CHART_BOX: ChartBox = { width: 640, height: 250, padding: { top: 26, right: 24, bottom: 36, left: 40 } };

/** Evenly spaced by attempt (a practice history is a sequence, not a calendar). */
export function layoutSeries<T>(values: readonly { value: number; datum: T }[], box: ChartBox, domain: { min: number; max: number }): PlotPoint<T>[] {
  const { width, height, padding } = box;
  const innerW = width - padding.left - padding.right;
  const innerH = height - padding.top - padding.bottom;
  const span = domain.max - domain.min || 1;
  const n = values.length;
  return values.map((v, i) => ({
    x: padding.left + (n === 1 ? innerW / 2 : (innerW * i) / (n - 1)),
    y: padding.top + innerH * (1 - (Math.min(domain.max, Math.max(domain.min, v.value)) - domain.min) / span),
    datum: v.datum,
  }));
}

export function yFor(value: number, box: ChartBox, domain: { min: number; max: number }): number {
  const innerH = box.height - box.padding.top - box.padding.bottom;
  const span = domain.max - domain.min || 1;
  return box.padding.top + innerH * (1 - (Math.min(domain.max, Math.max(domain.min, value)) - domain.min) / span);
}

export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`).join(' ');
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Min/max of a sparkline's values, widened to include a reference range so the band is visible. */
export function sparkDomain(values: readonly number[], range: { min: number; max: number } | null): { min: number; max: number } {
  const all = [...values, ...(range ? [range.min, range.max] : [])];
  if (all.length === 0) return { min: 0, max: 1 };
  const min = Math.min(...all);
  const max = Math.max(...all);
  return min === max ? { min: min - 1, max: max + 1 } : { min, max };
}
