import { widgetClientIp } from '@/lib/server/website/client-ip';
import { getSiteOrDemo } from '@/lib/server/website/demo-site';
import { defaultWidgetMintDeps, mintWidgetSecret } from '@/lib/server/website/widget-mint';
import { WIDGET_ERROR_STATUS } from '@/lib/server/website/widget-errors';
import { appOriginOf, json, readJson } from '@/lib/server/website/widget-http';

/** POST /api/widget/mint: a realtime secret for the embedded widget (see lib/server/website/widget-mint.ts). */
export async function POST(request: Request): Promise<Response> {
  const outcome = await mintWidgetSecret(
    { body: await readJson(request), origin: request.headers.get('origin'), appOrigin: appOriginOf(request), clientIp: widgetClientIp(request.headers) },
    { ...defaultWidgetMintDeps(), getSite: getSiteOrDemo },
  );
  if (outcome.ok) return json(outcome);
  const retry: Record<string, string> = outcome.retryAfterSeconds ? { 'retry-after': String(outcome.retryAfterSeconds) } : {};
  return json({ ok: false, error: outcome.error }, WIDGET_ERROR_STATUS[outcome.error.code], retry);
}
