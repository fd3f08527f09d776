import { env } from '@/lib/server/env';
import { phoneAgentSource } from '@/lib/server/phone/agent-source';
import { answerVoiceWebhook } from '@/lib/server/phone/voice-webhook';

/**
 * POST /twiml: the Twilio number's voice webhook (see lib/server/phone/voice-webhook.ts). Public:
 * Twilio's signature is the guard, checked before anything else happens; refused when unset.
 */
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: Request): Promise<Response> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return new Response('Request too large.', { status: 413 });
  const answer = await answerVoiceWebhook({
    env: env(),
    signature: request.headers.get('x-twilio-signature'),
    params: Object.fromEntries(new URLSearchParams(text)),
    agentSource: phoneAgentSource(env()),
    log: (line) => console.warn(`[phone] ${line}`),
  });
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType, 'cache-control': 'no-store' } });
}
