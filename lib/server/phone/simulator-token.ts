import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The phone simulator's pass for /call: the app signs it for a signed-in user (the page mints it)
 * instead of a Twilio signature. Short-lived and single-use. Signed with a key derived from
 * CUE_ENGINE_SECRET (scripts/run.ts always sets it; several instances share it like the engine),
 * so no new secret is needed. Sent as the WebSocket subprotocol `cue-phone-sim.<token>`.
 */
export const SIMULATOR_PROTOCOL_PREFIX = 'cue-phone-sim.';
const TTL_SECONDS = 60;

const claimsSchema = z.object({ agentId: z.string().min(1).max(64), userId: z.string().min(1).max(128), exp: z.number().int(), jti: z.string().min(8).max(64) });
export type SimulatorClaims = z.infer<typeof claimsSchema>;

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('cue-phone-simulator-v1').digest();
}

export function signSimulatorToken(secret: string, input: { agentId: string; userId: string; now?: number }): string {
  const claims: SimulatorClaims = {
    agentId: input.agentId,
    userId: input.userId,
    exp: Math.floor((input.now ?? Date.now()) / 1000) + TTL_SECONDS,
    jti: randomBytes(12).toString('hex'),
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const sig = createHmac('sha256', key(secret)).update(payload).digest('base64url');
  return `${payload}.${sig}`;
}

const used = new Map<string, number>();

/** The claims of a valid, unexpired, unused token, or why not. */
export function verifySimulatorToken(secret: string, token: string, now = Date.now()): { ok: true; claims: SimulatorClaims } | { ok: false; reason: string } {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return { ok: false, reason: 'malformed token' };
  const expected = Buffer.from(createHmac('sha256', key(secret)).update(payload).digest('base64url'));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad signature' };
  let claims: SimulatorClaims;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed claims' };
  }
  const nowS = Math.floor(now / 1000);
  if (claims.exp < nowS) return { ok: false, reason: 'expired' };
  for (const [jti, exp] of used) if (exp < nowS) used.delete(jti);
  if (used.has(claims.jti)) return { ok: false, reason: 'already used' };
  used.set(claims.jti, claims.exp);
  return { ok: true, claims };
}
