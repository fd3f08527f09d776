import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { getHistoryView } from '@/app/actions/practice';
import { Pager } from '@/components/history/pager';
import { ProgressPanel } from '@/components/history/progress-panel';
import { ScenarioFilter } from '@/components/history/scenario-filter';
import { PersonFilter } from '@/components/history/person-filter';
import { SessionList } from '@/components/history/session-list';
import { PageError } from '@/components/practice/page-error';
import { parsePageParam } from '@/lib/practice/history/history-url';
import { toSessionRowView } from '@/lib/practice/history/session-row-view';
import { scenarioIdSchema } from '@/lib/contracts/scenario';

export const metadata: Metadata = { title: 'History — Cue' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ scenario?: string | string[]; page?: string | string[]; person?: string | string[] }> };

/** Practice history: progress per scenario (first vs best, chart, trends) and the sessions, newest first, a page at a time. */
export default async function HistoryPage({ searchParams }: Props) {
  await requireActor('/history');
  const params = await searchParams;
  const scenario = Array.isArray(params.scenario) ? params.scenario[0] : params.scenario;
  const filter = scenarioIdSchema.safeParse(scenario).success ? (scenario ?? null) : null;
  const person = typeof params.person === 'string' && params.person.length <= 100 && params.person !== '' ? params.person : undefined;
  const result = await getHistoryView({ ...(filter ? { scenarioId: filter } : {}), ...(person ? { person } : {}), page: parsePageParam(params.page) });
  if (!result.ok) return <PageError title="Your history could not be loaded" message={result.error.message} backHref="/" backLabel="Home" />;
  const view = result.data;
  const options = view.scenarios.map((p) => ({ id: p.scenarioId, title: p.scenarioTitle ?? p.scenarioId }));

  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-ink">History &amp; progress</h1>
          <p className="mt-1 text-sm text-slate-600">
            {view.people.length > 0
              ? 'Your practice calls and those of your team, newest first. Open one to score it and pin comments.'
              : 'Every practice call, newest first, and how your scores move from attempt to attempt.'}
          </p>
        </div>
        <div className="flex min-w-0 max-w-full flex-wrap items-end gap-3">
          {view.people.length > 0 ? <PersonFilter people={view.people} value={person ?? null} scenario={filter} /> : null}
          <ScenarioFilter options={options} value={filter} person={person ?? null} />
        </div>
      </div>
      <div className="space-y-4">
        {view.progress.map((p) => (p.attempts > 0 ? <ProgressPanel key={p.scenarioId} progress={p} detailed={filter !== null} /> : null))}
      </div>
      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="break-words text-sm font-semibold uppercase tracking-wide text-slate-500">
          Sessions{filter ? ` · ${options.find((o) => o.id === filter)?.title ?? filter}` : ''}
        </h2>
        <SessionList rows={view.sessions.sessions.map(toSessionRowView)} />
        <Pager page={view.sessions} scenario={filter} person={person ?? null} />
      </section>
    </div>
  );
}
