'use server';

import { requestClientIp } from '@/lib/server/model-access/client-key';
import { MODEL_ACCESS_ERRORS, ModelAccessError } from '@/lib/server/model-access/errors';
import { defaultMintDeps, mintRealtimeSecret } from '@/lib/server/model-access/mint';
import { mintInputSchema } from '@/lib/contracts/mint';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/contracts/action-result';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { getRoleplayAgentConfigForSession } from '@/lib/server/services/session-agent';

export type MintResult = { ok: true; data: MintedSecret } | { ok: false; error: { code: string; message: string; retryAfterSeconds?: number } };

/**
 * Mint a short-lived client secret for a coaching agent. Server actions are
 * public endpoints: Next.js refuses cross-origin calls (Origin vs Host), the
 * input is parsed first, and minting is limited per subject and per client address (in the
 * database all instances share), with realtime minutes per day per subject.
 */
export async function mintClientSecret(input: unknown): Promise<MintResult> {
  const parsed = mintInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: MODEL_ACCESS_ERRORS.invalid_input } };
  try {
    const { agentId, transport, overrides, practiceSessionId } = parsed.data;
    let config;
    if (agentId === 'roleplay-client') {
      config = practiceSessionId ? await getRoleplayAgentConfigForSession({ sessionId: practiceSessionId }) : null;
      if (!config) return { ok: false, error: { code: 'unknown_agent', message: 'That practice session is not open any more. Start a new one.' } };
    }
    const clientIp = await requestClientIp();
    // The subject is who spends: the client address until accounts exist (then the user's id).
    const subject = `ip:${clientIp}`;
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
