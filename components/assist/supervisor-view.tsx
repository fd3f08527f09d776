'use client';

import { useEffect, useState } from 'react';
import { listLiveAssistCalls } from '@/app/actions/assist';
import type { LiveCallView } from '@/lib/assist/call/call-views';
import { clock, ErrorLine, SentimentBars } from './ui';

/** Live calls, refreshed every 2 s: duration, customer, sentiment trend, checklist progress, open alerts. */

const POLL_MS = 2000;
const TREND = { improving: '↗ improving', steady: '→ steady', worsening: '↘ worsening' } as const;

export function SupervisorView({ initial }: { initial: LiveCallView[] }) {
  const [calls, setCalls] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  useEffect(() => {
    let active = true;
    const tick = async () => {
      const r = await listLiveAssistCalls().catch(() => null);
      if (!active) return;
      if (r?.ok) {
        setCalls(r.data);
        setError(null);
        setUpdatedAt(Date.now());
      } else setError(`Live calls could not be refreshed (${r ? r.error.message : 'server unreachable'}); showing the last known state.`);
    };
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <div>
      <div className="mb-3 flex items-baseline gap-3">
        <h1 className="text-lg font-semibold text-slate-900">Live calls</h1>
        <span data-testid="supervisor-count" className="text-sm text-slate-500">{calls.length} on a call</span>
        <span className="text-xs text-slate-400">{updatedAt ? `updated ${new Date(updatedAt).toLocaleTimeString('en-US')}` : `refreshes every ${POLL_MS / 1000} s`}</span>
        <a href="/assist" className="ml-auto text-sm text-cue hover:underline">Back to agent assist</a>
      </div>
      <ErrorLine message={error} />
      {calls.length === 0 ? <p className="text-sm text-slate-400">No live calls right now.</p> : null}
      <table className="w-full border-separate border-spacing-y-1 text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="px-2">Agent</th><th>Customer</th><th>Type</th><th>Duration</th><th>Checklist</th><th>Sentiment</th><th>Alerts</th></tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={c.id} data-testid="supervisor-call" className="bg-white shadow-sm">
              <td data-testid="supervisor-agent" className="rounded-l-lg px-2 py-1.5 font-medium text-slate-800">{c.agentName ?? '—'}</td>
              <td className="py-1.5">
                <p className="font-medium">{c.customerName ?? 'Not identified yet'}</p>
                <p className="text-xs text-slate-500">{c.orderNumber ? `Order ${c.orderNumber}` : ''}</p>
              </td>
              <td className="text-slate-600">{c.callType}</td>
              <td data-testid="supervisor-duration" className="font-mono">{clock(c.durationSec)}</td>
              <td>{c.checklistDone}/{c.checklistTotal}</td>
              <td>
                <SentimentBars scores={c.sentiments} />
                <span className={`text-xs ${c.trend === 'worsening' ? 'text-rose-700' : c.trend === 'improving' ? 'text-emerald-700' : 'text-slate-500'}`}>{TREND[c.trend]}</span>
              </td>
              <td className="rounded-r-lg pr-2">
                {c.alerts.length === 0 ? <span className="text-xs text-slate-400">none</span> : null}
                <ul>
                  {c.alerts.map((a) => (
                    <li key={a.id} data-testid="supervisor-alert" className="text-xs font-medium text-rose-700">{a.message}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
