'use client';

import { useState, type FormEvent } from 'react';
import { searchAssistCustomers } from '@/app/actions/assist';
import type { CustomerMatch } from '@/lib/assist/call/call-types';
import { useAssist, useAssistState } from './assist-context';
import { button, ErrorLine, input, money, Panel, shortDate } from './ui';

/** The customer as found from what they said (or picked by hand): profile, orders, open tickets. */

const TIER_STYLE: Record<string, string> = { platinum: 'bg-violet-100 text-violet-800', gold: 'bg-amber-100 text-amber-800', silver: 'bg-slate-200 text-slate-700', standard: 'bg-slate-100 text-slate-600' };
const STATUS_STYLE: Record<string, string> = { shipped: 'text-sky-700', delivered: 'text-emerald-700', lost: 'text-rose-700', processing: 'text-slate-600', returned: 'text-slate-600', cancelled: 'text-slate-500' };

function Candidates({ matches, onPick }: { matches: CustomerMatch[]; onPick: (id: number) => void }) {
  return (
    <ul data-testid="assist-candidates" className="space-y-1">
      {matches.map((m) => (
        <li key={m.id}>
          <button type="button" className="w-full rounded-lg border border-slate-200 px-2 py-1 text-left text-sm hover:bg-slate-50" onClick={() => onPick(m.id)}>
            <span className="font-medium">{m.fullName}</span> <span className="text-slate-500">{m.email}</span>
            <span className="float-right text-xs text-slate-400">{m.matchedOn} {Math.round(m.score * 100)}%</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function ManualSearch({ onPick }: { onPick: (id: number) => void }) {
  const live = useAssistState((s) => s.phase === 'live');
  const [q, setQ] = useState('');
  const [found, setFound] = useState<CustomerMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const r = await searchAssistCustomers({ query: q }).catch(() => null);
    if (!r?.ok) return setError(r ? (r.error.fieldErrors?.[0]?.message ?? r.error.message) : 'The search could not reach the server.');
    setFound(r.data);
  };
  return (
    <div className="mt-3 border-t border-slate-100 pt-2">
      <form onSubmit={submit} className="flex gap-2">
        <input data-testid="assist-search" className={input} placeholder="Search name, email, phone, order" value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit" className={button} disabled={!q.trim()}>Search</button>
      </form>
      <ErrorLine message={error} />
      {found && found.length === 0 ? <p className="mt-1 text-xs text-slate-500">No customer matches “{q}”.</p> : null}
      {found && found.length > 0 ? (
        <div className="mt-2">
          <Candidates matches={found} onPick={(id) => (live ? onPick(id) : setError('Start a call to attach a customer to it.'))} />
        </div>
      ) : null}
    </div>
  );
}

export function CustomerPanel() {
  const { driver } = useAssist();
  const ctx = useAssistState((s) => s.context);
  const candidates = useAssistState((s) => s.candidates);
  const notFound = useAssistState((s) => s.notFound);
  return (
    <Panel title="Customer" testId="assist-customer">
      {ctx ? (
        <div data-testid="assist-customer-card">
          <div className="flex items-baseline justify-between gap-2">
            <p className="text-base font-semibold text-slate-900" data-testid="assist-customer-name">{ctx.customer.fullName}</p>
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${TIER_STYLE[ctx.customer.tier] ?? ''}`}>{ctx.customer.tier}</span>
          </div>
          <p className="text-xs text-slate-600">{ctx.customer.email} · {ctx.customer.phone ?? 'no phone'} · {ctx.customer.city}, {ctx.customer.country} · account {ctx.customer.status}</p>
          {ctx.focusOrder ? (
            <div data-testid="assist-order" className="mt-2 rounded-lg border border-sky-200 bg-sky-50 p-2 text-sm">
              <p className="font-semibold">Order {ctx.focusOrder.orderNumber} · <span className={STATUS_STYLE[ctx.focusOrder.status]}>{ctx.focusOrder.status}</span></p>
              <p className="text-xs text-slate-600">Placed {shortDate(ctx.focusOrder.placedAt)} · {money(ctx.focusOrder.totalCents, ctx.focusOrder.currency)} · {ctx.focusOrder.carrier ?? 'not shipped'} {ctx.focusOrder.trackingNumber ?? ''}</p>
              {ctx.focusOrder.lines ? <p className="text-xs text-slate-700">{ctx.focusOrder.lines.map((l) => `${l.quantity}× ${l.productName}`).join(', ')}</p> : null}
              {ctx.focusOrder.note ? <p className="mt-1 text-xs font-medium text-rose-700">{ctx.focusOrder.note}</p> : null}
            </div>
          ) : null}
          <h3 className="mt-2 text-xs font-semibold text-slate-500">Recent orders</h3>
          <ul className="text-xs">
            {ctx.orders.map((o) => (
              <li key={o.orderNumber} className="flex justify-between border-b border-slate-100 py-0.5">
                <span>{o.orderNumber} · {shortDate(o.placedAt)}</span>
                <span className={STATUS_STYLE[o.status]}>{o.status} · {money(o.totalCents, o.currency)}</span>
              </li>
            ))}
          </ul>
          <h3 className="mt-2 text-xs font-semibold text-slate-500">Open tickets</h3>
          {ctx.tickets.length === 0 ? <p className="text-xs text-slate-400">None</p> : null}
          <ul className="text-xs" data-testid="assist-tickets">
            {ctx.tickets.map((t) => (
              <li key={t.id}>#{t.id} {t.subject} · {t.status} · {t.priority}{t.orderNumber ? ` · ${t.orderNumber}` : ''}</li>
            ))}
          </ul>
        </div>
      ) : candidates.length > 0 ? (
        <>
          <p className="mb-1 text-xs text-slate-600">Several customers match. Pick one:</p>
          <Candidates matches={candidates} onPick={(id) => void driver.select(id)} />
        </>
      ) : (
        <p className="text-sm text-slate-400">The customer appears here as soon as they say an order number, email, phone or name.</p>
      )}
      {notFound.map((m) => (
        <p key={m} data-testid="assist-not-found" className="mt-1 text-xs text-amber-800">{m}</p>
      ))}
      <ManualSearch onPick={(id) => void driver.select(id)} />
    </Panel>
  );
}
