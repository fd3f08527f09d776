import { env } from '@/lib/server/env';
import { relayWidgetCall } from '@/lib/server/model-access/call-relay';
import { ModelAccessError } from '@/lib/server/model-access/errors';

/**
 * POST /api/widget/calls?t=<ticket>: the widget's OpenAI WebRTC offer (application/sdp, the
 * client secret as Bearer), relayed to OpenAI; the server hangs the call up at the site's session
 * limit. Answers the SDP answer, or a JSON error with its code.
 */
export async function POST(request: Request): Promise<Response> {
  const ticket = new URL(request.url).searchParams.get('t') ?? '';
  try {
    const sdp = await request.text();
    const answer = await relayWidgetCall({ ticket, authorization: request.headers.get('authorization'), sdp }, { env: env() });
    return new Response(answer, { status: 201, headers: { 'content-type': 'application/sdp', 'cache-control': 'no-store' } });
  } catch (error) {
    const e = error instanceof ModelAccessError ? error : new ModelAccessError('upstream_unavailable', String(error));
    const status = e.code === 'invalid_input' ? 400 : e.code === 'misconfigured' ? 500 : e.code === 'upstream_rate_limited' ? 429 : 502;
    if (e.code !== 'invalid_input') console.warn(`[widget-calls] ${e.code} ${e.detail ?? ''}`);
    const retry: Record<string, string> = e.retryAfterSeconds ? { 'retry-after': String(e.retryAfterSeconds) } : {};
    return Response.json({ ok: false, error: { code: e.code, message: e.message } }, { status, headers: { 'cache-control': 'no-store', ...retry } });
  }
}
