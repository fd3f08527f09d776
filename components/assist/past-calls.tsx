'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { searchPastAssistCalls } from '@/app/actions/assist';
import type { PastCallView } from '@/lib/assist/call/call-views';
import { useAssist } from './assist-context';
import { button, clock, ErrorLine, input, Panel, shortDate } from './ui';

/** Past calls, searchable by customer, order number, disposition or any text said or written. */

export function PastCalls({ initial, initialError }: { initial: PastCallView[]; initialError: string | null }) {
  const [q, setQ] = useState('');
  const [calls, setCalls] = useState(initial);
  const [error, setError] = useState(initialError);
  const { store } = useAssist();
  const run = async (query: string) => {
    const r = await searchPastAssistCalls({ query }).catch(() => null);
    if (!r?.ok) return setError(r ? r.error.message : 'The search could not reach the server.');
    setError(null);
    setCalls(r.data);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    void run(q);
  };
  // A call just ended or was saved: show it in the list without a search.
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.phase !== prev.phase && (s.phase === 'after' || s.phase === 'saved')) {
          void searchPastAssistCalls({ query: '' }).then((r) => (r.ok ? setCalls(r.data) : setError(r.error.message)), () => setError('The list of past calls could not be refreshed.'));
        }
      }),
    [store],
  );
  return (
    <Panel title="Past calls" testId="assist-past-calls">
      <form onSubmit={search} className="mb-2 flex gap-2">
        <input data-testid="assist-past-search" className={input} placeholder="Customer, order number, disposition or words" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className={button}>Search</button>
      </form>
      <ErrorLine message={error} />
      {calls.length === 0 ? <p className="text-sm text-slate-400">No past calls{q ? ` match “${q}”` : ' yet'}.</p> : null}
      <ul className="divide-y divide-slate-100 text-sm">
        {calls.map((c) => (
          <li key={c.id} data-testid="assist-past-call" className="py-1.5">
            <span className="font-medium">{c.customerName ?? 'Unidentified caller'}</span>
            <span className="text-slate-500"> · {shortDate(c.startedAt)}{c.durationSec !== null ? ` · ${clock(c.durationSec)}` : ''}{c.orderNumber ? ` · ${c.orderNumber}` : ''}</span>
            <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs">{c.disposition?.replaceAll('_', ' ') ?? (c.status === 'ended' ? 'not saved' : '')}</span>
            {c.summary ? <p className="text-xs text-slate-600">{c.summary.reason} — {c.summary.resolution}</p> : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
