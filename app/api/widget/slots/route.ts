import { freeSlots } from '@/lib/server/website/bookings';
import { json, readJson, widgetSite } from '@/lib/server/website/widget-http';

/** POST /api/widget/slots { siteId }: the next free discovery-call slots (the `list_slots` tool). */
export async function POST(request: Request): Promise<Response> {
  const body = (await readJson(request)) as { siteId?: unknown } | undefined;
  const checked = await widgetSite(request, body?.siteId);
  if (!checked.ok) return checked.response;
  return json({ ok: true, slots: await freeSlots(checked.site.id) });
}
