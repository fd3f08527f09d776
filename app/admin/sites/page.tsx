import Link from 'next/link';
import { requireAdmin } from '@/lib/server/auth/page-access';
import { DEMO_SITE_ID, getSiteOrDemo } from '@/lib/server/website/demo-site';
import { listSites } from '@/lib/server/website/sites';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Website sites — Cue' };

/** Admin: the websites that embed the concierge widget. */
export default async function SitesPage() {
  await requireAdmin('/admin/sites');
  await getSiteOrDemo(DEMO_SITE_ID);
  const sites = await listSites();
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Website widget: sites</h1>
        <Link href="/admin/sites/new" className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white">
          New site
        </Link>
      </div>
      <table className="w-full text-left text-sm" data-testid="sites-table">
        <thead className="border-b border-slate-200 text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2">Site</th>
            <th>Allowed origins</th>
            <th>Goal</th>
            <th>Limits</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {sites.map((s) => (
            <tr key={s.id} className="border-b border-slate-100">
              <td className="py-2">
                <Link href={`/admin/sites/${s.id}`} className="font-medium text-cue underline">
                  {s.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{s.id}</span>
              </td>
              <td className="font-mono text-xs">{s.allowedOrigins.join(' ')}</td>
              <td>{s.goal.replace('_', ' ')}</td>
              <td className="text-xs">
                {s.limits.perIpPerMinute}/IP/min · {s.limits.perSitePerMinute}/site/min · {s.limits.dailyBudgetMinutes} min/day · {s.limits.maxSessionMinutes} min max
              </td>
              <td>{s.active ? <span className="text-emerald-700">active</span> : <span className="text-slate-500">off</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-slate-600">
        Embed a site with <code className="rounded bg-slate-100 px-1">{'<script src="https://<this app>/widget.js" data-site="<site id>" async></script>'}</code>. Try the demo at{' '}
        <a className="text-cue underline" href="/demo-site/index.html">
          /demo-site/
        </a>
        .
      </p>
    </div>
  );
}
