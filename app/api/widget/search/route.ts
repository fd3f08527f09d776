import { searchKnowledge } from '@/lib/server/website/knowledge-search';
import { json, readJson, refusal, widgetSite } from '@/lib/server/website/widget-http';

/** POST /api/widget/search { siteId, query }: the `search_knowledge` tool of the embedded widget. */
export async function POST(request: Request): Promise<Response> {
  const body = (await readJson(request)) as { siteId?: unknown; query?: unknown } | undefined;
  const checked = await widgetSite(request, body?.siteId);
  if (!checked.ok) return checked.response;
  if (typeof body?.query !== 'string' || body.query.length > 1000) return refusal('invalid_input');
  const hits = await searchKnowledge(checked.site.id, body.query, 3);
  return json({ ok: true, hits });
}
