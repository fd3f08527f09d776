'use server';

import { requestClientIp } from '@/lib/server/model-access/client-key';
import { checkOwnership, signedIn } from '@/lib/server/auth/guard';
import { MODEL_ACCESS_ERRORS, ModelAccessError } from '@/lib/server/model-access/errors';
import { defaultMintDeps, mintRealtimeSecret } from '@/lib/server/model-access/mint';
import { mintInputSchema } from '@/lib/contracts/mint';
import { AUTH_ERROR_MESSAGES, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/contracts/action-result';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { getRoleplayAgentConfigForSession } from '@/lib/server/services/session-agent';

export type MintResult = { ok: true; data: MintedSecret } | { ok: false; error: { code: string; message: string; retryAfterSeconds?: number } };

/**
 * Mint a short-lived client secret for a coaching agent. Server actions are
 * public endpoints: Next.js refuses cross-origin calls (Origin vs Host). Spending is bound
 * to a person: a signed-in account is required (unauthenticated otherwise, before the input
 * is read), a practice call's secret only for its owner (forbidden), and minting is limited per
 * account and per client address (trusted proxy hops only), counted in the database all instances
 * share, with realtime minutes per day per account.
 */
export async function mintClientSecret(input: unknown): Promise<MintResult> {
  const who = await signedIn().actor().catch(() => null);
  if (!who) return { ok: false, error: { code: 'internal', message: MODEL_ACCESS_ERRORS.upstream_unavailable } };
  if (!who.ok) return { ok: false, error: { code: 'unauthenticated', message: AUTH_ERROR_MESSAGES.unauthenticated } };
  const actor = who.data;
  const parsed = mintInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: MODEL_ACCESS_ERRORS.invalid_input } };
  try {
    const { agentId, transport, overrides, practiceSessionId } = parsed.data;
    let config;
    if (agentId === 'roleplay-client') {
      const refused = practiceSessionId && /^[0-9a-f-]{36}$/i.test(practiceSessionId) ? await checkOwnership(actor, 'practice_session', practiceSessionId, 'write') : null;
      if (refused) return { ok: false, error: { code: 'forbidden', message: refused.error.message } };
      config = practiceSessionId ? await getRoleplayAgentConfigForSession({ sessionId: practiceSessionId, userId: actor.id }) : null;
      if (!config) return { ok: false, error: { code: 'unknown_agent', message: 'That practice session is not open any more. Start a new one.' } };
    }
    const clientIp = await requestClientIp();
    // The subject is who spends: the signed-in account.
    const subject = `user:${actor.id}`;
    const data = await mintRealtimeSecret(
      { agentId, transport, subject, clientIp, ref: agentId === 'roleplay-client' ? practiceSessionId : undefined, overrides, config: config ?? undefined },
      defaultMintDeps(),
    );
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ModelAccessError) {
      console.warn(`[mint] ${error.code}${error.detail ? `: ${error.detail}` : ''}`);
      const retry = error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds };
      return { ok: false, error: { code: error.code, message: error.message, ...retry } };
    }
    if (isDatabaseUnavailable(error)) {
      console.error('[mint] the database (mint limits) is not answering', error instanceof Error ? error.message : error);
      return { ok: false, error: { code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } };
    }
    console.error('[mint] unexpected', error);
    return { ok: false, error: { code: 'upstream_unavailable', message: MODEL_ACCESS_ERRORS.upstream_unavailable } };
  }
}
