'use client';

import { useState } from 'react';
import type { ActionProposal } from '@/lib/assist/call/proposals';
import { useAssist, useAssistState } from './assist-context';
import { button, ErrorLine, Panel, primary } from './ui';

/** Proposed actions: nothing happens until the agent confirms; what was done is listed with its audit. */

function Card({ p }: { p: ActionProposal }) {
  const { driver } = useAssist();
  const live = useAssistState((s) => s.phase === 'live');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    await driver.confirm(p.kind, p.params);
    setBusy(false);
    setConfirming(false);
  };
  return (
    <li data-testid={`assist-action-${p.kind}`} className="rounded-lg border border-slate-200 p-2">
      <p className="text-sm font-semibold text-slate-900">{p.title}</p>
      <p className="text-xs text-slate-600">{p.reason}</p>
      {Object.keys(p.params).length ? (
        <p className="mt-0.5 text-[11px] text-slate-500">{Object.entries(p.params).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join(' · ')}</p>
      ) : null}
      <div className="mt-1.5 flex gap-2">
        {confirming ? (
          <>
            <button type="button" className={primary} disabled={busy || !live} onClick={() => void confirm()} data-testid="assist-action-confirm">
              {busy ? 'Doing it…' : `Confirm: ${p.title.toLowerCase()}`}
            </button>
            <button type="button" className={button} disabled={busy} onClick={() => setConfirming(false)}>Cancel</button>
          </>
        ) : (
          <button type="button" className={button} disabled={!live} onClick={() => setConfirming(true)}>{p.title}…</button>
        )}
      </div>
    </li>
  );
}

export function ActionCards() {
  const proposals = useAssistState((s) => s.proposals);
  const done = useAssistState((s) => s.done);
  const error = useAssistState((s) => s.errors.action);
  return (
    <Panel title="Actions" testId="assist-actions">
      {proposals.length === 0 && done.length === 0 ? <p className="text-sm text-slate-400">Actions the assistant proposes appear here; none runs until you confirm it.</p> : null}
      <ul className="space-y-2">
        {proposals.map((p) => (
          <Card key={p.kind} p={p} />
        ))}
      </ul>
      <ErrorLine message={error} testId="assist-action-error" />
      {done.length > 0 ? (
        <ul className="mt-2 space-y-1 border-t border-slate-100 pt-2" data-testid="assist-audit">
          {done.map((d) => (
            <li key={d.id} className={`text-xs ${d.status === 'done' ? 'text-emerald-800' : 'text-rose-800'}`} data-testid="assist-audit-row">
              {d.status === 'done' ? '✓' : '✗'} {d.result} <span className="text-slate-400" title={`Confirmed by ${d.confirmedBy}`}>({d.confirmedBy.replace(/ \[[^\]]+\]$/, '')}, {new Date(d.confirmedAt).toLocaleTimeString('en-US')}{d.outbox.length ? `; outbox: ${d.outbox.map((o) => `${o.channel} ${o.status}`).join(', ')}` : ''})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
}
