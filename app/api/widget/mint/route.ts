import { requestClientIp } from '@/lib/server/model-access/client-key';
import { getSiteOrDemo } from '@/lib/server/website/demo-site';
import { recordEventQuietly } from '@/lib/server/website/events';
import { defaultWidgetMintDeps, mintWidgetSecret } from '@/lib/server/website/widget-mint';
import { WIDGET_ERROR_STATUS } from '@/lib/server/website/widget-errors';
import { appOriginOf, json, readJson } from '@/lib/server/website/widget-http';

/**
 * POST /api/widget/mint: a realtime secret for the embedded widget (see lib/server/website/widget-mint.ts).
 * The visitor's address follows the app's trusted-proxy rule (CUE_TRUSTED_PROXY_HOPS), like every other limit.
 */
export async function POST(request: Request): Promise<Response> {
  const body = await readJson(request);
  const outcome = await mintWidgetSecret(
    { body, origin: request.headers.get('origin'), appOrigin: appOriginOf(request), clientIp: await requestClientIp() },
    { ...defaultWidgetMintDeps(), getSite: getSiteOrDemo },
  );
  const { siteId, visit, mode } = (body ?? {}) as { siteId?: unknown; visit?: unknown; mode?: unknown };
  const known = typeof siteId === 'string' && (outcome.ok || !['unknown_site', 'invalid_input'].includes(outcome.error.code));
  const visitId = typeof visit === 'string' && /^[a-z0-9-]{8,40}$/.test(visit) ? visit : undefined;
  if (known) recordEventQuietly(siteId, visitId, outcome.ok ? 'session_started' : 'refused', outcome.ok ? { mode: String(mode) } : { code: outcome.error.code });
  if (outcome.ok) return json(outcome);
  const retry: Record<string, string> = outcome.retryAfterSeconds ? { 'retry-after': String(outcome.retryAfterSeconds) } : {};
  return json({ ok: false, error: outcome.error }, WIDGET_ERROR_STATUS[outcome.error.code], retry);
}
