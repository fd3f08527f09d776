/**
 * Geometry for the hand-written SVG charts on the history page (no chart library).
 * Pure: points in, coordinates and ticks out, so the layout is unit-tested.
 */

export type ChartBox = { width: number; height: number; padding: { top: number; right: number; bottom: number; left: number } };
export type PlotPoint<T> = { x: number; y: number; datum: T };

/**
 * The score chart is as wide as its container: x is a percentage of the plot's width (so
 * text keeps its real pixel size at any width), y is in pixels within this fixed height.
 */
export const SCORE_PLOT = { height: 232, top: 26, bottom: 46 } as const;

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

/** The score chart's y for a score, in pixels. */
export function scoreY(score: number, domain = { min: 0, max: 10 }): number {
  const { height, top, bottom } = SCORE_PLOT;
  return yFor(score, { width: 0, height, padding: { top, bottom, left: 0, right: 0 } }, domain);
}

/** x of the i-th of n points as a percentage of the plot width (one point sits in the middle). */
export function xPercent(i: number, n: number): number {
  return n <= 1 ? 50 : round((100 * i) / (n - 1));
}

/**
 * The lines between consecutive points: solid between consecutive attempts, dashed
 * (`gap`) where attempts in between are left out of a bounded series.
 */
export function chartSegments(points: readonly { x: number; y: number; attempt: number }[]): { solid: string; gaps: string } {
  let solid = '';
  let gaps = '';
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = `M${round(a.x)} ${round(a.y)} L${round(b.x)} ${round(b.y)}`;
    if (b.attempt - a.attempt > 1) gaps += `${gaps ? ' ' : ''}${d}`;
    else solid += `${solid ? ' ' : ''}${d}`;
  }
  return { solid, gaps };
}

/**
 * Which of n points get a text label, at most `max`: the `required` ones (first, latest,
 * best: in the order given, while they fit), then evenly spread others; never two closer
 * than n / max apart, so labels cannot overlap on a plot max labels wide.
 */
export function pickLabels(n: number, required: readonly number[], max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const spacing = n / max;
  const chosen: number[] = [];
  const fits = (i: number) => chosen.every((c) => Math.abs(c - i) >= spacing);
  for (const i of new Set(required)) if (i >= 0 && i < n && fits(i)) chosen.push(i);
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (n - 1)) / Math.max(1, max - 1));
    if (chosen.length < max && fits(i)) chosen.push(i);
  }
  return chosen.sort((a, b) => a - b);
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
