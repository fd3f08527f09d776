import { getSite } from '@/lib/server/website/sites';
import { leadsCsv, listLeads } from '@/lib/server/website/leads';

/** GET: a site's leads as CSV (admin; the guard is added with accounts at merge). */
export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }): Promise<Response> {
  const { siteId } = await params;
  const site = await getSite(siteId);
  if (!site) return new Response('That site does not exist.', { status: 404 });
  const csv = leadsCsv(await listLeads(site.id, 100_000));
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="leads-${site.id}.csv"`, 'cache-control': 'no-store' } });
}
