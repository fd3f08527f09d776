import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { personaBriefSchema, type PersonaBrief } from '@/lib/contracts/persona-brief';

/**
 * Short-lived tokens for the local realtime engine. The app's server signs
 * them (HMAC-SHA256 with CUE_ENGINE_SECRET); the engine checks signature and
 * expiry before it accepts a socket. They start with `ek_` because the SDK
 * refuses other keys in a browser.
 */
export const TOKEN_PREFIX = 'ek_local_';

export const tokenClaimsSchema = z.object({
  sid: z.string().min(1),
  agent: z.string().min(1),
  exp: z.number().int(),
  /** The role-play persona the engine plays (lib/contracts/persona-brief), for agents that have one. */
  persona: personaBriefSchema.optional(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function mintEngineToken(opts: { secret: string; agentId: string; ttlSeconds: number; now?: number; persona?: PersonaBrief }): {
  value: string;
  expiresAt: number;
  sessionId: string;
} {
  const now = opts.now ?? Date.now();
  const claims: TokenClaims = {
    sid: `sess_${randomUUID().replaceAll('-', '').slice(0, 20)}`,
    agent: opts.agentId,
    exp: Math.floor(now / 1000) + opts.ttlSeconds,
    ...(opts.persona ? { persona: opts.persona } : {}),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return { value: `${TOKEN_PREFIX}${payload}.${sign(payload, opts.secret)}`, expiresAt: claims.exp, sessionId: claims.sid };
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

export function verifyEngineToken(token: string, secret: string, now: number = Date.now()): TokenCheck {
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: 'malformed' };
  const [payload, signature, extra] = token.slice(TOKEN_PREFIX.length).split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  let claims: TokenClaims;
  try {
    claims = tokenClaimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
