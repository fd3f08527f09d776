import type { Metadata } from 'next';
import { getProgress, listHistory, listProgress } from '@/app/actions/practice';
import { ProgressPanel } from '@/components/history/progress-panel';
import { ScenarioFilter } from '@/components/history/scenario-filter';
import { SessionList } from '@/components/history/session-list';
import { PageError } from '@/components/practice/page-error';
import { scenarioIdSchema } from '@/lib/contracts/scenario';

export const metadata: Metadata = { title: 'History — Cue' };
export const dynamic = 'force-dynamic';

const OVERVIEW_CHARTS = 6;

type Props = { searchParams: Promise<{ scenario?: string }> };

/** Practice history: progress per scenario (first vs best, chart, trends) and every session, newest first. */
export default async function HistoryPage({ searchParams }: Props) {
  const { scenario } = await searchParams;
  const filter = scenarioIdSchema.safeParse(scenario).success ? (scenario ?? null) : null;
  const [history, summaries] = await Promise.all([listHistory(filter ? { scenarioId: filter } : undefined), listProgress()]);
  if (!history.ok) return <PageError title="Your history could not be loaded" message={history.error.message} backHref="/" backLabel="Home" />;
  const practised = summaries.ok ? summaries.data : [];
  const progressIds = filter ? [filter] : practised.slice(0, OVERVIEW_CHARTS).map((p) => p.scenarioId);
  const progress = await Promise.all(progressIds.map((scenarioId) => getProgress({ scenarioId })));
  const options = practised.map((p) => ({ id: p.scenarioId, title: p.scenarioTitle ?? p.scenarioId }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">History &amp; progress</h1>
          <p className="mt-1 text-sm text-slate-600">Every practice call, newest first, and how your scores move from attempt to attempt.</p>
        </div>
        <ScenarioFilter options={options} value={filter} />
      </div>
      {!summaries.ok ? <PageError title="Progress could not be loaded" message={summaries.error.message} backHref="/history" backLabel="Reload" /> : null}
      <div className="space-y-4">
        {progress.map((p, i) =>
          p.ok ? (
            p.data.attempts > 0 ? <ProgressPanel key={p.data.scenarioId} progress={p.data} detailed={filter !== null} /> : null
          ) : (
            <PageError key={progressIds[i]} title="Progress for this scenario could not be loaded" message={p.error.message} backHref="/history" backLabel="Reload" />
          ),
        )}
      </div>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Sessions{filter ? ` · ${options.find((o) => o.id === filter)?.title ?? filter}` : ''}
        </h2>
        <SessionList sessions={history.data} />
      </section>
    </div>
  );
}
