import { getSiteOrDemo } from '@/lib/server/website/demo-site';
import { widgetError } from '@/lib/server/website/widget-errors';
import { json } from '@/lib/server/website/widget-http';

/**
 * GET: the launcher's theme for widget.js on any website (public and read-only: colour, label,
 * position). Whether the site may actually embed the assistant is decided by the embed page's
 * frame-ancestors and the mint, not here.
 */
const CORS = { 'access-control-allow-origin': '*' };

export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }): Promise<Response> {
  const { siteId } = await params;
  const site = /^[a-z0-9][a-z0-9-]{1,39}$/.test(siteId) ? await getSiteOrDemo(siteId) : null;
  if (!site) return json({ ok: false, error: widgetError('unknown_site') }, 404, CORS);
  if (!site.active) return json({ ok: false, error: widgetError('site_disabled') }, 403, CORS);
  return json({ ok: true, theme: site.theme }, 200, CORS);
}
