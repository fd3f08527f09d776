import { widgetEventInputSchema } from '@/lib/contracts/website';
import { recordEvent } from '@/lib/server/website/events';
import { json, readJson, refusal, widgetSite } from '@/lib/server/website/widget-http';

/** POST /api/widget/event: an analytics event from the embed page (same origin, a known active site). */
export async function POST(request: Request): Promise<Response> {
  const body = (await readJson(request, 4000)) as { siteId?: unknown } | undefined;
  const checked = await widgetSite(request, body?.siteId);
  if (!checked.ok) return checked.response;
  const parsed = widgetEventInputSchema.safeParse(body);
  if (!parsed.success) return refusal('invalid_input');
  await recordEvent(checked.site.id, parsed.data.visit, parsed.data.type, parsed.data.data);
  return json({ ok: true });
}
