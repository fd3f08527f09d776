import { METRIC_REFERENCES, type MetricKey } from '@/lib/shared/metric-references';
import { layoutSeries, linePath, sparkDomain, yFor, type ChartBox } from '@/lib/practice/history/chart-geometry';
import type { MetricPoint } from '@/lib/contracts/practice-session';

type Row = { key: MetricKey; label: string; unit: string; pick: (p: MetricPoint) => number | null; show?: (p: MetricPoint) => string | null };

const ROWS: Row[] = [
  { key: 'talkRatio', label: 'Talk ratio (you)', unit: '%', pick: (p) => p.talkRatioPercent },
  { key: 'wordsPerMinute', label: 'Speaking pace', unit: 'wpm', pick: (p) => p.wordsPerMinute },
  { key: 'fillersPer100Words', label: 'Fillers / 100 words', unit: '', pick: (p) => p.fillersPer100Words },
  {
    key: 'longestMonologueSeconds',
    label: 'Longest monologue',
    unit: 's',
    pick: (p) => p.longestMonologueSeconds,
    // Typed turns have no speaking time: show the length in words instead.
    show: (p) => (p.longestMonologueSeconds !== null ? `${p.longestMonologueSeconds} s` : p.longestMonologueWords > 0 ? `${p.longestMonologueWords} words` : null),
  },
  { key: 'questionsAsked', label: 'Questions asked', unit: '', pick: (p) => p.questionsAsked },
  { key: 'specifics', label: 'Specifics offered', unit: '', pick: (p) => p.specifics },
];

const SPARK: ChartBox = { width: 120, height: 32, padding: { top: 4, right: 4, bottom: 4, left: 4 } };

function Sparkline({ values, range }: { values: number[]; range: { min: number; max: number } | null }) {
  if (values.length < 2) return <span className="text-xs text-slate-400">—</span>;
  const domain = sparkDomain(values, range);
  const pts = layoutSeries(values.map((value) => ({ value, datum: value })), SPARK, domain);
  return (
    <svg viewBox={`0 0 ${SPARK.width} ${SPARK.height}`} className="h-8 w-28" aria-hidden>
      {range ? (
        <rect x={SPARK.padding.left} width={SPARK.width - SPARK.padding.left - SPARK.padding.right} y={yFor(range.max, SPARK, domain)} height={Math.max(1, yFor(range.min, SPARK, domain) - yFor(range.max, SPARK, domain))} fill="#d1fae5" />
      ) : null}
      <path d={linePath(pts)} fill="none" stroke="#4f46e5" strokeWidth={1.5} />
      {pts.map((p, i) => (
        <circle key={i} cx={p.x} cy={p.y} r={2} fill="#4f46e5" />
      ))}
    </svg>
  );
}

/** Delivery metrics of the latest measured attempts (the query bounds them), with a sparkline against the reference band. */
export function MetricTrends({ points: shown }: { points: readonly MetricPoint[] }) {
  if (shown.length === 0) return null;
  return (
    <div className="-mx-1 overflow-x-auto px-1" data-testid="metric-trends">
      <table className="w-full min-w-[36rem] text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Metric</th>
            {shown.map((p) => (
              <th key={p.sessionId} className="py-1.5 pr-3 text-right font-medium">
                #{p.attempt}
              </th>
            ))}
            <th className="py-1.5 pr-3 font-medium">Trend</th>
            <th className="py-1.5 font-medium">Reference</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ROWS.map((row) => {
            const values = shown.map(row.pick);
            const range = METRIC_REFERENCES[row.key].range;
            return (
              <tr key={row.key} data-testid={`trend-${row.key}`}>
                <th scope="row" className="py-2 pr-3 font-medium text-slate-800">
                  {row.label}
                </th>
                {shown.map((p, i) => {
                  const v = values[i] ?? null;
                  const text = row.show ? row.show(p) : v === null ? null : `${v}${row.unit === '%' ? '%' : ''}`;
                  return (
                    <td key={p.sessionId} className="py-2 pr-3 text-right tabular-nums text-slate-700">
                      {text ?? '—'}
                    </td>
                  );
                })}
                <td className="py-2 pr-3">
                  <Sparkline values={values.filter((v): v is number => v !== null)} range={range} />
                </td>
                <td className="py-2 text-xs text-slate-500">{range ? `${range.min}–${range.max}${row.unit === '%' ? '%' : row.unit ? ` ${row.unit}` : ''}` : 'no benchmark'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
