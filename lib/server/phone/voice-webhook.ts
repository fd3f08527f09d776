import { randomUUID } from 'node:crypto';
import type { Env } from '@/lib/server/env-schema';
import type { PhoneAgentSource } from './agent-source';
import { publicUrl, validTwilioSignature } from './twilio-signature';
import { connectStreamTwiml, sayAndHangUpTwiml } from './twiml';

/**
 * POST /twiml, the number's voice webhook, framework-free (app/twiml/route.ts serves it): checks
 * X-Twilio-Signature over CUE_PUBLIC_URL + /twiml and the form parameters, picks the agent for
 * the called number and answers `<Connect><Stream url="wss://<public host>/call">` with the agent
 * and call ids as `<Parameter>`s. Fails closed: without TWILIO_AUTH_TOKEN or CUE_PUBLIC_URL every
 * request is refused (403), with a log line saying why.
 */
export type WebhookAnswer = { status: number; body: string; contentType: string };

const XML = 'text/xml; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

export async function answerVoiceWebhook(input: {
  env: Pick<Env, 'TWILIO_AUTH_TOKEN' | 'CUE_PUBLIC_URL'>;
  signature: string | null;
  params: Record<string, string>;
  agentSource: PhoneAgentSource;
  log: (line: string) => void;
}): Promise<WebhookAnswer> {
  const { TWILIO_AUTH_TOKEN: token, CUE_PUBLIC_URL: base } = input.env;
  if (!token || !base) {
    input.log(`/twiml refused: ${!token ? 'TWILIO_AUTH_TOKEN' : 'CUE_PUBLIC_URL'} is not set, so no Twilio request can be verified (fail closed)`);
    return { status: 403, body: 'The phone line is not configured.', contentType: TEXT };
  }
  if (!validTwilioSignature({ authToken: token, url: publicUrl(base, '/twiml'), params: input.params, signature: input.signature })) {
    input.log(`/twiml refused: ${input.signature ? 'bad' : 'missing'} X-Twilio-Signature (is CUE_PUBLIC_URL the URL Twilio calls?)`);
    return { status: 403, body: 'Invalid Twilio signature.', contentType: TEXT };
  }
  const to = input.params.To ?? '';
  const agent = await input.agentSource.forNumber(to);
  if (!agent) {
    input.log(`/twiml: ${to || 'the called number'} is not mapped to an agent`);
    return { status: 200, body: sayAndHangUpTwiml('Sorry, this number is not in service.'), contentType: XML };
  }
  const parameters: Record<string, string> = { agentId: agent.id, callId: randomUUID() };
  if (input.params.From) parameters.from = input.params.From;
  if (to) parameters.to = to;
  return { status: 200, body: connectStreamTwiml(publicUrl(base, '/call', 'ws'), parameters), contentType: XML };
}
