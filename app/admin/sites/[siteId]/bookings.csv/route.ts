import { adminRouteRefusal } from '@/lib/server/auth/route-access';
import { csvCell } from '@/lib/server/website/leads';
import { listBookings } from '@/lib/server/website/bookings';
import { getSite } from '@/lib/server/website/sites';

/** GET: a site's bookings as CSV (admins only: 401 signed out, 403 for another role). */
export async function GET(_request: Request, { params }: { params: Promise<{ siteId: string }> }): Promise<Response> {
  const refused = await adminRouteRefusal();
  if (refused) return refused;
  const { siteId } = await params;
  const site = await getSite(siteId);
  if (!site) return new Response('That site does not exist.', { status: 404 });
  const rows = await listBookings(site.id);
  const csv = `starts_at,name,email,booked_at\r\n${rows.map((r) => `${[r.startsAt, r.name, r.email, r.createdAt].map(csvCell).join(',')}\r\n`).join('')}`;
  return new Response(csv, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="bookings-${site.id}.csv"`, 'cache-control': 'no-store' } });
}
