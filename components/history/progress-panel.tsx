import Link from 'next/link';
import { historyHref } from '@/lib/practice/history/history-url';
import type { ScenarioProgress } from '@/lib/contracts/practice-session';
import { MetricTrends } from './metric-trends';
import { ScoreChart } from './score-chart';

function Stat({ label, value, testId, note }: { label: string; value: string; testId: string; note?: string }) {
  return (
    <div className="min-w-0 rounded-lg bg-slate-50 px-3 py-2">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p data-testid={testId} className="text-xl font-semibold tabular-nums text-ink">
        {value}
      </p>
      {note ? <p className="text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}

const score = (n: number | null) => (n === null ? '—' : `${n}/10`);

/** One scenario's progress: attempts, first vs best, recent trend, score chart and metric trends. */
export function ProgressPanel({ progress, detailed }: { progress: ScenarioProgress; detailed: boolean }) {
  const { trend } = progress;
  const title = progress.scenarioTitle ?? progress.scenarioId;
  const gain = progress.firstScore !== null && progress.bestScore !== null ? progress.bestScore - progress.firstScore : null;
  return (
    <section data-testid="progress-panel" data-scenario-id={progress.scenarioId} className="min-w-0 space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="min-w-0 break-words text-lg font-semibold text-ink">{title}</h2>
        {!detailed ? (
          <Link href={historyHref({ scenario: progress.scenarioId })} className="text-sm font-medium text-cue hover:underline">
            Details and sessions →
          </Link>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Attempts" value={String(progress.attempts)} testId="progress-attempts" note={`${progress.scoredAttempts} scored`} />
        <Stat label="First score" value={score(progress.firstScore)} testId="progress-first" />
        <Stat label="Best score" value={score(progress.bestScore)} testId="progress-best" note={gain !== null && gain > 0 ? `+${gain} since the first` : undefined} />
        <Stat
          label="Recent trend"
          value={trend ? `${trend.delta > 0 ? '+' : ''}${trend.delta}` : '—'}
          testId="progress-trend"
          note={trend ? `recent average ${trend.recentAverage} vs earlier ${trend.previousAverage}` : 'needs two scores'}
        />
      </div>
      <ScoreChart points={progress.scoreOverTime} total={progress.scoredAttempts} title={`Scores for ${title}`} detailed={detailed} />
      {detailed && progress.metricTrends.length > 0 ? (
        <div>
          <h3 className="mb-2 text-sm font-semibold text-ink">Delivery over time</h3>
          <MetricTrends points={progress.metricTrends} />
        </div>
      ) : null}
    </section>
  );
}
