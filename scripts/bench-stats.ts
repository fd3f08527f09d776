/** Summary statistics for `npm run bench`. */

export type Summary = { n: number; mean: number; p50: number; p95: number; max: number };

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : Number.NaN;
  return { n: sorted.length, mean, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? Number.NaN };
}

export function fmt(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms < 1 ? `${ms.toFixed(3)} ms` : `${ms.toFixed(2)} ms`;
}

export function row(label: string, s: Summary, target?: string): string {
  const cols = [label.padEnd(44), `n=${String(s.n).padStart(4)}`, `p50 ${fmt(s.p50).padStart(10)}`, `p95 ${fmt(s.p95).padStart(10)}`, `max ${fmt(s.max).padStart(10)}`];
  return target ? `${cols.join('  ')}   ${target}` : cols.join('  ');
}
