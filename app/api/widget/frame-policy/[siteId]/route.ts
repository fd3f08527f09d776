import { getSiteOrDemo } from '@/lib/server/website/demo-site';
import { frameAncestors } from '@/lib/server/website/sites';
import { json } from '@/lib/server/website/widget-http';

/** GET: the CSP `frame-ancestors` sources of a site's embed page (asked by proxy.ts); 'none' for unknown or inactive sites. */
export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }): Promise<Response> {
  const { siteId } = await params;
  const site = /^[a-z0-9][a-z0-9-]{1,39}$/.test(siteId) ? await getSiteOrDemo(siteId) : null;
  return json({ frameAncestors: frameAncestors(site) });
}
