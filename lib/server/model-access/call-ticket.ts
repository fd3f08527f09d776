import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A ticket the widget's mint hands the browser with an OpenAI WebRTC secret: the relay
 * (POST /api/widget/calls?t=…) learns from it, and only from it, how long the call may run.
 * HMAC-SHA256 with a key derived from the server's OpenAI key (there whenever this path is), so
 * any app instance verifies it and a visitor cannot lengthen their own session.
 */
export type CallTicket = { siteId: string; maxSeconds: number; expiresAt: number };

const keyFrom = (apiKey: string) => createHmac('sha256', apiKey).update('cue-call-ticket-v1').digest();
const sign = (payload: string, apiKey: string) => createHmac('sha256', keyFrom(apiKey)).update(payload).digest('base64url');

export function signCallTicket(ticket: CallTicket, apiKey: string): string {
  const payload = Buffer.from(JSON.stringify({ s: ticket.siteId, m: ticket.maxSeconds, e: ticket.expiresAt })).toString('base64url');
  return `${payload}.${sign(payload, apiKey)}`;
}

/** The ticket, or null when it is forged, malformed or past its expiry (unix seconds). */
export function verifyCallTicket(raw: string, apiKey: string, nowSeconds = Math.floor(Date.now() / 1000)): CallTicket | null {
  const [payload, sig, extra] = raw.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  const want = Buffer.from(sign(payload, apiKey));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; m?: unknown; e?: unknown };
    if (typeof t.s !== 'string' || typeof t.m !== 'number' || typeof t.e !== 'number' || !Number.isInteger(t.m) || t.m < 1) return null;
    if (t.e < nowSeconds) return null;
    return { siteId: t.s, maxSeconds: t.m, expiresAt: t.e };
  } catch {
    return null;
  }
}
