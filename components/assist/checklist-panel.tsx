'use client';

import { useAssistState } from './assist-context';
import { clock, Panel, SentimentBars } from './ui';

/** The call type's checklist (ticked as it is said), open compliance alerts, sentiment and its trend. */

const TREND = { improving: '↗ improving', steady: '→ steady', worsening: '↘ worsening' } as const;

export function ChecklistPanel() {
  const checklist = useAssistState((s) => s.checklist);
  const alerts = useAssistState((s) => s.alerts);
  const sentiments = useAssistState((s) => s.sentiments);
  const trend = useAssistState((s) => s.trend);
  return (
    <Panel title="Checklist and compliance" testId="assist-checklist">
      {alerts.length > 0 ? (
        <ul className="mb-2 space-y-1" data-testid="assist-alerts">
          {alerts.map((a) => (
            <li key={a.id} role="alert" data-testid={`assist-alert-${a.kind}`} className="rounded-md bg-rose-50 px-2 py-1 text-xs font-medium text-rose-800">
              {a.kind === 'pii_spoken' ? 'PII: ' : 'Disclosure: '}
              {a.message}
            </li>
          ))}
        </ul>
      ) : null}
      {checklist.length === 0 ? <p className="text-sm text-slate-400">Start a call to see its checklist.</p> : null}
      <ul className="space-y-0.5">
        {checklist.map((i) => (
          <li key={i.id} data-testid={`assist-check-${i.id}`} data-ticked={i.tickedAtSec !== null} className="flex items-center gap-2 text-sm">
            <span className={`inline-flex h-4 w-4 items-center justify-center rounded border text-[10px] ${i.tickedAtSec !== null ? 'border-emerald-500 bg-emerald-500 text-white' : 'border-slate-300'}`}>
              {i.tickedAtSec !== null ? '✓' : ''}
            </span>
            <span className={i.tickedAtSec !== null ? 'text-slate-500 line-through' : 'text-slate-800'}>{i.label}</span>
            {i.required ? <span className="text-[10px] font-semibold uppercase text-rose-600">required</span> : null}
            {i.tickedAtSec !== null ? <span className="ml-auto text-xs text-slate-400">{clock(i.tickedAtSec)}</span> : null}
          </li>
        ))}
      </ul>
      <div className="mt-3 border-t border-slate-100 pt-2">
        <div className="flex items-center justify-between text-xs text-slate-500">
          <span>Customer sentiment</span>
          <span data-testid="assist-trend">{TREND[trend]}</span>
        </div>
        <SentimentBars scores={sentiments} testId="assist-sentiment" />
      </div>
    </Panel>
  );
}
