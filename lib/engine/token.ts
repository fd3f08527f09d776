import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { personaBriefSchema, type PersonaBrief } from '@/lib/contracts/persona-brief';
import { sessionUpdateSchema } from './protocol';

/**
 * Short-lived tokens for the local realtime engine. The app's server signs them
 * (HMAC-SHA256 with CUE_ENGINE_SECRET); the engine checks signature and expiry
 * before it accepts a socket, and lets each token open one session (`jti`).
 * They start with `ek_` because the SDK refuses other keys in a browser.
 *
 * Wire form: `ek_local_z.<base64url(deflateRaw(JSON claims))>.<base64url(HMAC of "z.<payload>")>`.
 * The uncompressed form `ek_local_<base64url(JSON)>.<sig>` is read too (same claims).
 * A token travels as a WebSocket subprotocol (a request header), so it is kept
 * under ENGINE_TOKEN_MAX_CHARS; the session claim is what makes it long.
 */
const TOKEN_PREFIX = 'ek_local_';
const DEFLATED = 'z';
/** Well under the engine's request-header limit (64 KiB, lib/engine/server.ts) and what browsers send, with the other subprotocols. */
export const ENGINE_TOKEN_MAX_CHARS = 48_000;
const MAX_INFLATED_BYTES = 256 * 1024;

const tokenClaimsSchema = z.object({
  /** Token id: single use, remembered by the engine until `exp`. */
  jti: z.string().min(8).max(64),
  /** Session id the engine gives the socket (`session.created.session.id`). */
  sid: z.string().min(1).max(32),
  /** Agent config id: picks the engine's reply policy. */
  agent: z.string().min(1).max(64),
  /** Issued at / expires at, unix seconds. `exp` bounds when a session may start, not how long it runs. */
  iat: z.number().int().optional(),
  exp: z.number().int(),
  /** The role-play persona the engine plays (lib/contracts/persona-brief), for agents that have one. */
  persona: personaBriefSchema.optional(),
  /** The GA session config the app would send to /v1/realtime/client_secrets; the session starts from it. */
  session: sessionUpdateSchema.optional(),
  /** Longest the session may run, seconds (the engine's own cap applies too). */
  max_session_s: z.number().int().min(1).max(24 * 3600).optional(),
});
type TokenClaims = z.infer<typeof tokenClaimsSchema>;

export class EngineTokenTooLargeError extends Error {
  constructor(readonly length: number) {
    super(`The local engine token would be ${length} characters (limit ${ENGINE_TOKEN_MAX_CHARS}); shorten the instructions or tools.`);
    this.name = 'EngineTokenTooLargeError';
  }
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function newId(prefix: string, length: number): string {
  return `${prefix}${randomUUID().replaceAll('-', '').slice(0, length)}`;
}

export type MintEngineTokenInput = {
  secret: string;
  agentId: string;
  ttlSeconds: number;
  now?: number;
  /** GA session config (validated here: a config the engine cannot take fails at mint, not at connect). */
  session?: unknown;
  maxSessionSeconds?: number;
  /** The role-play persona the engine plays, for agents that have one. */
  persona?: PersonaBrief;
};

export function mintEngineToken(opts: MintEngineTokenInput): { value: string; expiresAt: number; sessionId: string; tokenId: string } {
  const now = opts.now ?? Date.now();
  const iat = Math.floor(now / 1000);
  const claims: TokenClaims = tokenClaimsSchema.parse({
    jti: newId('tok_', 24),
    sid: newId('sess_', 20),
    agent: opts.agentId,
    iat,
    exp: iat + opts.ttlSeconds,
    ...(opts.session !== undefined ? { session: opts.session } : {}),
    ...(opts.maxSessionSeconds !== undefined ? { max_session_s: opts.maxSessionSeconds } : {}),
    ...(opts.persona ? { persona: opts.persona } : {}),
  });
  const payload = `${DEFLATED}.${deflateRawSync(JSON.stringify(claims)).toString('base64url')}`;
  const value = `${TOKEN_PREFIX}${payload}.${sign(payload, opts.secret)}`;
  if (value.length > ENGINE_TOKEN_MAX_CHARS) throw new EngineTokenTooLargeError(value.length);
  return { value, expiresAt: claims.exp, sessionId: claims.sid, tokenId: claims.jti };
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

function decode(parts: string[]): { signed: string; signature: string; json: () => string } | null {
  if (parts.length === 2 && parts[0] && parts[1]) {
    const [payload, signature] = parts as [string, string];
    return { signed: payload, signature, json: () => Buffer.from(payload, 'base64url').toString('utf8') };
  }
  if (parts.length === 3 && parts[0] === DEFLATED && parts[1] && parts[2]) {
    const [, payload, signature] = parts as [string, string, string];
    return {
      signed: `${DEFLATED}.${payload}`,
      signature,
      json: () => inflateRawSync(Buffer.from(payload, 'base64url'), { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8'),
    };
  }
  return null;
}

export function verifyEngineToken(token: string, secret: string, now: number = Date.now()): TokenCheck {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > ENGINE_TOKEN_MAX_CHARS) return { ok: false, reason: 'malformed' };
  const parts = decode(token.slice(TOKEN_PREFIX.length).split('.'));
  if (!parts) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(parts.signed, secret));
  const given = Buffer.from(parts.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  let claims: TokenClaims;
  try {
    claims = tokenClaimsSchema.parse(JSON.parse(parts.json()));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
