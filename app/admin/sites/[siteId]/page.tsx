import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AnalyticsPanel } from '@/components/website/admin/analytics-panel';
import { AvailabilityForm } from '@/components/website/admin/availability-form';
import { KnowledgePanel } from '@/components/website/admin/knowledge-panel';
import { SiteForm } from '@/components/website/admin/site-form';
import { requireAdmin } from '@/lib/server/auth/page-access';
import { getSiteOrDemo } from '@/lib/server/website/demo-site';
import { countChunks, listChunks, listSources } from '@/lib/server/website/knowledge';
import { siteAnalytics } from '@/lib/server/website/events';
import { listLeads } from '@/lib/server/website/leads';
import { listBookings, listSlots } from '@/lib/server/website/bookings';
import { usageDays } from '@/lib/server/website/usage';
import { outboxStatus } from '@/lib/server/website/crm-outbox';
import { env } from '@/lib/server/env';

export const dynamic = 'force-dynamic';

/** Admin: one site's settings, knowledge base, leads and usage. */
export default async function SitePage({ params }: { params: Promise<{ siteId: string }> }) {
  const { siteId } = await params;
  await requireAdmin(`/admin/sites/${siteId}`);
  const site = /^[a-z0-9][a-z0-9-]{1,39}$/.test(siteId) ? await getSiteOrDemo(siteId) : null;
  if (!site) notFound();
  const [chunks, sources, total, leads, usage, slots, bookings, analytics, outbox] = await Promise.all([
    listChunks(site.id, 200),
    listSources(site.id),
    countChunks(site.id),
    listLeads(site.id, 100),
    usageDays(site.id, 7),
    listSlots(site.id),
    listBookings(site.id),
    siteAnalytics(site.id),
    outboxStatus(site.id),
  ]);
  const crmConfigured = Boolean(env().CUE_CRM_WEBHOOK_URL);
  const { createdAt: _c, updatedAt: _u, ...input } = site;
  return (
    <div className="space-y-8">
      <div>
        <Link href="/admin/sites" className="text-sm text-cue underline">
          ← All sites
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{site.name}</h1>
        <p className="font-mono text-xs text-slate-500">{`<script src="/widget.js" data-site="${site.id}" async></script>`}</p>
      </div>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Dashboard</h2>
        <AnalyticsPanel analytics={analytics} reservedSeconds={usage.reduce((sum, d) => sum + d.secondsReserved, 0)} />
      </section>
      <SiteForm initial={input} isNew={false} />
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Usage (realtime minutes reserved per day)</h2>
        {usage.length === 0 ? (
          <p className="text-sm text-slate-600">No sessions yet.</p>
        ) : (
          <ul className="text-sm" data-testid="usage">
            {usage.map((d) => (
              <li key={d.day}>
                {d.day}: {Math.round(d.secondsReserved / 60)} of {site.limits.dailyBudgetMinutes} min · {d.sessions} sessions · {d.refusals} refused over budget
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-3">
        <h2 className="text-xl font-semibold">Knowledge base ({total} chunks)</h2>
        <KnowledgePanel siteId={site.id} />
        <div>
          <h3 className="mb-1 font-semibold">Sources ({sources.length})</h3>
          {sources.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing ingested yet.</p>
          ) : (
            <ul className="space-y-0.5 text-xs" data-testid="sources">
              {sources.map((s) => (
                <li key={s.url}>
                  <span className="font-mono">{s.url}</span> · {s.title} · {s.chunks} chunk{s.chunks === 1 ? '' : 's'} · updated {s.updatedAt.slice(0, 16).replace('T', ' ')} UTC
                </li>
              ))}
            </ul>
          )}
        </div>
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">Chunks{total > chunks.length ? ` (first ${chunks.length})` : ''}</summary>
          <ul className="mt-2 space-y-2 text-xs" data-testid="chunks">
            {chunks.map((c) => (
              <li key={c.id}>
                <p className="font-medium">
                  {c.headingPath || c.title} <span className="font-mono text-slate-500">{c.url}</span>
                </p>
                <p className="text-slate-600">{c.body.length > 240 ? `${c.body.slice(0, 240)}…` : c.body}</p>
              </li>
            ))}
          </ul>
        </details>
      </section>
      <section className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-xl font-semibold">Availability and bookings ({bookings.length})</h2>
          <a href={`/admin/sites/${site.id}/bookings.csv`} className="text-sm text-cue underline" download>
            Export CSV
          </a>
        </div>
        <AvailabilityForm siteId={site.id} />
        <ul className="flex flex-wrap gap-2 text-xs" data-testid="slots">
          {slots.map((s) => (
            <li key={s.id} className={`rounded-full border px-2 py-0.5 ${s.booked ? 'border-emerald-300 bg-emerald-50 text-emerald-800' : 'border-slate-300'}`}>
              {s.label}
              {s.booked ? ' · booked' : ''}
            </li>
          ))}
        </ul>
        <table className="w-full text-left text-sm" data-testid="bookings-table">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Call</th>
              <th>Name</th>
              <th>Email</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((b) => (
              <tr key={b.id} className="border-b border-slate-100">
                <td className="py-1">{b.startsAt.slice(0, 16).replace('T', ' ')} UTC</td>
                <td>{b.name}</td>
                <td>{b.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-xl font-semibold">Leads ({leads.length})</h2>
          <a href={`/admin/sites/${site.id}/leads.csv`} className="text-sm text-cue underline" download>
            Export CSV
          </a>
        </div>
        <p className="text-xs text-slate-600" data-testid="crm-outbox">
          CRM webhook: {crmConfigured ? `${outbox.delivered} delivered · ${outbox.pending} waiting · ${outbox.failed} given up` : `not set (CUE_CRM_WEBHOOK_URL); ${outbox.pending} waiting in the outbox`}
          {outbox.lastError ? ` · last error: ${outbox.lastError}` : ''}
        </p>
        <table className="w-full text-left text-sm" data-testid="leads-table">
          <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">When</th>
              <th>Name</th>
              <th>Email</th>
              <th>Company</th>
              <th>Challenge</th>
            </tr>
          </thead>
          <tbody>
            {leads.map((l) => (
              <tr key={l.id} className="border-b border-slate-100">
                <td className="py-1 text-xs">{l.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                <td>{l.name}</td>
                <td>{l.email}</td>
                <td>{l.company}</td>
                <td className="text-xs">{l.challenge}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
