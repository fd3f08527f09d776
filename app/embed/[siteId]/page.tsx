import type { Metadata } from 'next';
import type { ConciergeGoal } from '@/agents/website-concierge';
import { EmbedWidgetLoader as EmbedWidget } from '@/components/website/embed-widget-loader';
import { getSiteOrDemo } from '@/lib/server/website/demo-site';
import { widgetError } from '@/lib/server/website/widget-errors';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Assistant', robots: { index: false } };

/** The widget's iframe (opened by /widget.js). proxy.ts sets its frame-ancestors to the site's origins. */
export default async function EmbedPage({ params, searchParams }: { params: Promise<{ siteId: string }>; searchParams: Promise<{ host?: string }> }) {
  const { siteId } = await params;
  const { host } = await searchParams;
  const site = /^[a-z0-9][a-z0-9-]{1,39}$/.test(siteId) ? await getSiteOrDemo(siteId) : null;
  if (!site || !site.active) {
    return (
      <div className="fixed inset-0 z-50 flex items-center justify-center bg-white p-6 text-center text-sm text-slate-700" data-testid="embed-refused">
        {widgetError(site ? 'site_disabled' : 'unknown_site').message}
      </div>
    );
  }
  return (
    <EmbedWidget
      setup={{ siteId: site.id, siteName: site.name, goal: site.goal as ConciergeGoal, maxSessionMinutes: site.limits.maxSessionMinutes }}
      theme={site.theme}
      hostHint={typeof host === 'string' ? host.slice(0, 300) : ''}
    />
  );
}
