import { fieldErrorsFromZod } from '@/lib/contracts/action-result';
import { leadInputSchema } from '@/lib/contracts/website';
import { saveLead } from '@/lib/server/website/leads';
import { json, readJson, widgetSite } from '@/lib/server/website/widget-http';

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
  return json({ ok: true, data: { id: lead.id, name: lead.name } });
}
