'use client';

import { useRouter } from 'next/navigation';
import { historyHref } from '@/lib/practice/history/history-url';

type Option = { id: string; title: string };

/** Filter the history by scenario (kept in the URL with the person filter, so it survives a reload and can be linked); a new filter starts at page 1. */
export function ScenarioFilter({ options, value, person = null }: { options: Option[]; value: string | null; person?: string | null }) {
  const router = useRouter();
  return (
    <label className="flex w-full min-w-0 items-center gap-2 text-sm text-slate-700 sm:w-auto">
      Scenario
      <select
        data-testid="scenario-filter"
        value={value ?? ''}
        onChange={(e) => router.push(historyHref({ scenario: e.target.value || null, person }))}
        className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-cue focus:outline-none focus:ring-2 focus:ring-cue/30 sm:max-w-md"
      >
        <option value="">All scenarios</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </label>
  );
}
