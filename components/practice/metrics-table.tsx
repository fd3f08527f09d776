import { metricRows, type MetricAssessment, type MetricRow } from '@/lib/shared/metric-references';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';

const ASSESSMENT: Readonly<Record<MetricAssessment, { label: string; style: string }>> = {
  within: { label: 'in range', style: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  below: { label: 'below range', style: 'bg-amber-50 text-amber-900 ring-amber-200' },
  above: { label: 'above range', style: 'bg-amber-50 text-amber-900 ring-amber-200' },
  unmeasured: { label: 'not measured', style: 'bg-slate-100 text-slate-600 ring-slate-200' },
  no_reference: { label: 'no benchmark', style: 'bg-slate-100 text-slate-600 ring-slate-200' },
};

function valueText(row: MetricRow): string {
  if (row.value === null) return '—';
  return `${row.value}${row.unit === '%' ? '%' : row.unit ? ` ${row.unit}` : ''}`;
}

function rangeText(row: MetricRow): string {
  if (!row.range) return '—';
  const unit = row.unit === '%' ? '%' : row.unit ? ` ${row.unit}` : '';
  return `${row.range.min}–${row.range.max}${unit}`;
}

/** Delivery metrics measured from the transcript (never by a model), each against its reference range. */
export function MetricsTable({ metrics }: { metrics: DeliveryMetrics }) {
  const rows = metricRows(metrics);
  const s = metrics.specifics;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="metrics">
      <h3 className="text-sm font-semibold text-ink">Delivery metrics</h3>
      <p className="mt-0.5 text-xs text-slate-500">
        Measured from the transcript, not judged by a model. {metrics.userWords} words from you over {metrics.userTurns} turns;{' '}
        {metrics.clientWords} from the client.
        {metrics.talkRatio?.basis === 'words' ? ' Talk ratio by words (typed turns have no speaking time).' : ''}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[32rem] text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1.5 pr-3 font-medium">Metric</th>
              <th className="py-1.5 pr-3 font-medium">You</th>
              <th className="py-1.5 pr-3 font-medium">Reference</th>
              <th className="py-1.5 font-medium">Verdict</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key} data-testid={`metric-${row.key}`} data-assessment={row.assessment}>
                <th scope="row" className="py-2 pr-3 font-medium text-slate-800" title={row.note}>
                  {row.label}
                </th>
                <td className="py-2 pr-3 tabular-nums text-slate-800">
                  {valueText(row)}
                  {row.key === 'longestMonologueSeconds' ? <span className="text-slate-500"> ({metrics.longestMonologue.words} words)</span> : null}
                </td>
                <td className="py-2 pr-3 text-slate-600" title={row.note}>
                  {rangeText(row)}
                </td>
                <td className="py-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${ASSESSMENT[row.assessment].style}`}>{ASSESSMENT[row.assessment].label}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {s.total > 0 ? (
        <p className="mt-3 text-xs text-slate-600">
          Specifics heard: {[...s.dates.map((d) => `date “${d}”`), ...s.owners.map((o) => `owner “${o}”`), ...s.numbers.map((n) => `number “${n}”`), ...s.checkpoints.map((c) => `checkpoint “${c}”`)].join(', ')}.
        </p>
      ) : null}
      <details className="mt-3 text-xs text-slate-500">
        <summary className="cursor-pointer">Where the reference ranges come from</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {rows.map((row) => (
            <li key={row.key}>
              <span className="font-medium">{row.label}:</span> {row.note}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
