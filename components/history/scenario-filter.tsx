'use client';

import { useRouter } from 'next/navigation';

type Option = { id: string; title: string };

/** Filter the history by scenario (kept in the URL, so it survives a reload and can be linked). */
export function ScenarioFilter({ options, value }: { options: Option[]; value: string | null }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      Scenario
      <select
        data-testid="scenario-filter"
        value={value ?? ''}
        onChange={(e) => router.push(e.target.value ? `/history?scenario=${encodeURIComponent(e.target.value)}` : '/history')}
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-cue focus:outline-none focus:ring-2 focus:ring-cue/30"
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
