import { clientError } from './errors';
import { mintedSecretSchema, type MintedSecret } from '@/lib/contracts/minted-secret';
import { TimeoutError, withTimeout } from './timeout';
import type { RealtimeError, TransportKind } from '../store/types';

export type MintInput = { agentId: string; transport?: TransportKind; overrides?: { model?: string; voice?: string } };
export type MintResult = { ok: true; data: MintedSecret } | { ok: false; error: { code: string; message: string } };
export type MintFn = (input: MintInput) => Promise<MintResult>;

export type MintOutcome = { ok: true; minted: MintedSecret } | { ok: false; error: RealtimeError };

/**
 * Call the mint action and validate its answer at the boundary. Every way it can go wrong
 * (error result, throw, no answer in time, malformed data) comes back as a user-facing error.
 */
export async function mintSecret(mint: MintFn, input: MintInput, timeoutMs: number): Promise<MintOutcome> {
  let result: MintResult;
  try {
    result = await withTimeout(mint(input), timeoutMs);
  } catch (error) {
    if (error instanceof TimeoutError) return { ok: false, error: clientError('connect_timeout', { seconds: Math.round(timeoutMs / 1000) }) };
    return { ok: false, error: clientError('mint_failed') };
  }
  if (!result || typeof result !== 'object') return { ok: false, error: clientError('invalid_response') };
  if (!result.ok) {
    const { code, message } = result.error ?? {};
    if (typeof code !== 'string' || typeof message !== 'string') return { ok: false, error: clientError('invalid_response') };
    return { ok: false, error: { code, message } };
  }
  const parsed = mintedSecretSchema.safeParse(result.data);
  if (!parsed.success || (parsed.data.backend === 'local' && !parsed.data.url)) {
    return { ok: false, error: clientError('invalid_response') };
  }
  return { ok: true, minted: parsed.data };
}
