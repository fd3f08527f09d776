'use server';

import { requestClientKey } from '@/lib/model-access/client-key';
import { MODEL_ACCESS_ERRORS, ModelAccessError } from '@/lib/model-access/errors';
import { defaultMintDeps, mintRealtimeSecret } from '@/lib/model-access/mint';
import { mintInputSchema } from '@/lib/model-access/mint-input';
import type { MintedSecret } from '@/lib/realtime/minted-secret';

export type MintResult = { ok: true; data: MintedSecret } | { ok: false; error: { code: string; message: string } };

/**
 * Mint a short-lived client secret for a coaching agent. Server actions are
 * public endpoints: Next.js refuses cross-origin calls (Origin vs Host), the
 * input is parsed first, and minting is rate-limited per client.
 */
export async function mintClientSecret(input: unknown): Promise<MintResult> {
  const parsed = mintInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: MODEL_ACCESS_ERRORS.invalid_input } };
  try {
    const data = await mintRealtimeSecret(
      { agentId: parsed.data.agentId, clientKey: await requestClientKey(), overrides: parsed.data.overrides },
      defaultMintDeps(),
    );
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ModelAccessError) {
      console.warn(`[mint] ${error.code}${error.detail ? `: ${error.detail}` : ''}`);
      return { ok: false, error: { code: error.code, message: error.message } };
    }
    console.error('[mint] unexpected', error);
    return { ok: false, error: { code: 'upstream_unavailable', message: MODEL_ACCESS_ERRORS.upstream_unavailable } };
  }
}
