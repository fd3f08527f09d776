import { fieldErrorsFromZod } from '@/lib/contracts/action-result';
import { leadInputSchema } from '@/lib/contracts/website';
import { recordEventQuietly } from '@/lib/server/website/events';
import { saveLead } from '@/lib/server/website/leads';
import { json, readJson, widgetSite } from '@/lib/server/website/widget-http';

const visitOf = (body: unknown) => {
  const v = (body as { visit?: unknown } | undefined)?.visit;
  return typeof v === 'string' && /^[a-z0-9-]{8,40}$/.test(v) ? v : undefined;
};

/** POST /api/widget/lead: the details a visitor confirmed in the widget's form. Invalid: every field's reason, nothing saved. */
export async function POST(request: Request): Promise<Response> {
  const body = (await readJson(request)) as { siteId?: unknown } | undefined;
  const checked = await widgetSite(request, body?.siteId);
  if (!checked.ok) return checked.response;
  const parsed = leadInputSchema.safeParse(body);
  if (!parsed.success) {
    return json({ ok: false, error: { code: 'invalid_lead', message: 'Some details need fixing before we can save them.', fieldErrors: fieldErrorsFromZod(parsed.error) } }, 400);
  }
  const lead = await saveLead(parsed.data);
  recordEventQuietly(lead.siteId, visitOf(body), 'lead_captured');
  return json({ ok: true, data: { id: lead.id, name: lead.name } });
}
