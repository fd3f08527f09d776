'use client';

import Link from 'next/link';
import type { ScenarioProgressSummary } from '@/lib/contracts/practice-session';
import type { ScenarioEntry } from '@/lib/contracts/scenario';
import { ScenarioCard } from './scenario-card';

type Props = { entries: ScenarioEntry[]; progress: ScenarioProgressSummary[]; backend: 'local' | 'openai' };

/** Built-in and custom scenarios as cards; each starts a call at the chosen difficulty. */
export function ScenarioLibrary({ entries, progress, backend }: Props) {
  const byScenario = new Map(progress.map((p) => [p.scenarioId, p]));
  const builtin = entries.filter((e) => e.source === 'builtin');
  const custom = entries.filter((e) => e.source === 'custom');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Role-play practice</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            Pick a scenario and a difficulty. The client opens the call; answer out loud or type. When you end the call you get a scored
            debrief with your delivery metrics.
            {backend === 'local' ? ' Running on the local engine: the client is scripted (no AI) and the debrief uses the offline rubric.' : ''}
          </p>
        </div>
        <div className="flex gap-2 text-sm">
          <Link href="/practice/scenarios" data-testid="scenario-editor-link" className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-50">
            Create or edit scenarios
          </Link>
          <Link href="/history" data-testid="history-link" className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-medium text-slate-800 hover:bg-slate-50">
            History &amp; progress
          </Link>
        </div>
      </div>
      <section aria-labelledby="builtin-heading" className="space-y-3">
        <h2 id="builtin-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Built-in scenarios
        </h2>
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {builtin.map((e) => (
            <ScenarioCard key={e.scenario.id} entry={e} progress={byScenario.get(e.scenario.id)} />
          ))}
        </div>
      </section>
      <section aria-labelledby="custom-heading" className="space-y-3">
        <h2 id="custom-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Your scenarios
        </h2>
        {custom.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-600">
            None yet. <Link href="/practice/scenarios" className="font-medium text-cue hover:underline">Create one</Link>, duplicate a built-in
            scenario, or import a scenario file.
          </p>
        ) : (
          <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
            {custom.map((e) => (
              <ScenarioCard key={e.scenario.id} entry={e} progress={byScenario.get(e.scenario.id)} />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
