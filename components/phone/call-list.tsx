'use client';

import Link from 'next/link';
import type { PhoneCallListItem } from '@/lib/contracts/phone-call';
import { usePolledJson } from '@/lib/phone/use-polled-json';
import { duration, STATUS_CLASS, STATUS_LABEL, when } from './format';

/** The call log, newest first; refreshed every 2 s so calls in progress appear and finish live. */
export function CallList({ initial, query }: { initial: PhoneCallListItem[]; query: string }) {
  const { data, stale } = usePolledJson<{ calls: PhoneCallListItem[] }>(`/api/phone/calls${query}`, { calls: initial }, { intervalMs: 2000 });
  const live = data.calls.filter((c) => c.status === 'in_progress').length;
  return (
    <section className="rounded-xl border border-slate-200 bg-white" data-testid="phone-call-list">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 text-sm">
        <span data-testid="phone-live-count">
          {live > 0 ? (
            <span className="font-medium text-emerald-700">
              <span className="mr-1.5 inline-block h-2 w-2 animate-pulse rounded-full bg-emerald-500" aria-hidden />
              {live} call{live === 1 ? '' : 's'} in progress
            </span>
          ) : (
            <span className="text-slate-600">No call in progress</span>
          )}
        </span>
        {stale ? <span className="text-amber-700">Could not refresh; showing the last list.</span> : <span className="text-slate-500">Updates live</span>}
      </div>
      {data.calls.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">No calls yet. Point a Twilio number&apos;s voice webhook at /twiml, or try the phone simulator.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Started</th>
              <th className="px-4 py-2 font-medium">Caller</th>
              <th className="px-4 py-2 font-medium">Agent</th>
              <th className="px-4 py-2 font-medium">Status</th>
              <th className="px-4 py-2 font-medium">Length</th>
            </tr>
          </thead>
          <tbody>
            {data.calls.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 hover:bg-slate-50" data-testid="phone-call-row">
                <td className="px-4 py-2">
                  <Link href={`/phone/${c.id}`} className="font-medium text-cue hover:underline">
                    {when(c.startedAt)}
                  </Link>
                </td>
                <td className="px-4 py-2 text-slate-700">{c.source === 'simulator' ? 'Simulator' : (c.fromNumber ?? 'Unknown')}</td>
                <td className="px-4 py-2 text-slate-700">
                  {c.agentName} <span className="text-slate-400">v{c.agentVersion}</span>
                </td>
                <td className="px-4 py-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[c.status] ?? ''}`}>{STATUS_LABEL[c.status] ?? c.status}</span>
                </td>
                <td className="px-4 py-2 tabular-nums text-slate-700">{duration(c.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
