import { adminRouteRefusal } from '@/lib/server/auth/route-access';
import { getSite } from '@/lib/server/website/sites';
import { leadsCsv, listLeads } from '@/lib/server/website/leads';

/** GET: a site's leads as CSV (admins only: 401 signed out, 403 for another role). */
export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }): Promise<Response> {
  const refused = await adminRouteRefusal();
  if (refused) return refused;
  const { siteId } = await params;
  const site = await getSite(siteId);
  if (!site) return new Response('That site does not exist.', { status: 404 });
  const csv = leadsCsv(await listLeads(site.id, 100_000));
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="leads-${site.id}.csv"`, 'cache-control': 'no-store' } });
}
