import 'server-only';
import type { Env } from '@/lib/server/env';
import { verifyCallTicket } from './call-ticket';
import { ModelAccessError } from './errors';
import { enforceCallLength, relayCallOffer, type OpenSocket } from './openai-calls';
import type { FetchLike } from './openai-client-secrets';
import { realtimeConnectUrl } from './realtime-url';

/**
 * The widget's OpenAI WebRTC calls go through the app: the browser posts its SDP offer (with its
 * client secret) here, the server relays it to OpenAI, reads the call id, and hangs the call up at
 * the length the ticket carries (openai-calls.ts). Returns the SDP answer for the browser.
 */
export async function relayWidgetCall(
  input: { ticket: string; authorization: string | null; sdp: string },
  deps: { env: Env; fetchImpl?: FetchLike; openSocket?: OpenSocket },
): Promise<string> {
  const apiKey = deps.env.OPENAI_API_KEY;
  if (!apiKey) throw new ModelAccessError('misconfigured', 'the call relay needs OPENAI_API_KEY');
  const ticket = verifyCallTicket(input.ticket, apiKey);
  if (!ticket) throw new ModelAccessError('invalid_input', 'call ticket forged, malformed or expired');
  const clientSecret = /^Bearer (ek_[A-Za-z0-9_-]{4,})$/.exec(input.authorization ?? '')?.[1];
  if (!clientSecret) throw new ModelAccessError('invalid_input', 'no client secret on the offer');
  if (!input.sdp.startsWith('v=0') || input.sdp.length > 100_000) throw new ModelAccessError('invalid_input', 'not an SDP offer');
  const callsUrl = realtimeConnectUrl({ baseUrl: deps.env.OPENAI_BASE_URL, realtimeUrl: deps.env.CUE_REALTIME_URL, transport: 'webrtc', model: '' });
  const timeoutMs = deps.env.CUE_UPSTREAM_TIMEOUT_MS;
  const answer = await relayCallOffer({ callsUrl, clientSecret, sdp: input.sdp, timeoutMs, fetchImpl: deps.fetchImpl });
  enforceCallLength({
    apiKey,
    baseUrl: deps.env.OPENAI_BASE_URL,
    realtimeUrl: deps.env.CUE_REALTIME_URL,
    callId: answer.callId,
    maxSeconds: ticket.maxSeconds,
    timeoutMs,
    fetchImpl: deps.fetchImpl,
    openSocket: deps.openSocket,
    log: (line) => console.log(`${line} (site ${ticket.siteId})`),
  });
  return answer.sdp;
}
