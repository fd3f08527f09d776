import { clientError } from './errors';
import type { MintedSecret, mintedSecretSchema } from '@/lib/contracts/minted-secret';
import { TimeoutError, withTimeout } from './timeout';
import type { RealtimeError, TransportKind } from '../store/types';

export type MintInput = { agentId: string; transport?: TransportKind; overrides?: { model?: string; voice?: string } };
export type MintResult = { ok: true; data: MintedSecret } | { ok: false; error: { code: string; message: string } };
export type MintFn = (input: MintInput) => Promise<MintResult>;

/** The mint's answer before validation: `data` is whatever the action sent. */
export type MintOutcome = { ok: true; data: unknown } | { ok: false; error: RealtimeError };

/**
 * Call the mint action. Every way it can go wrong (error result, throw, no answer in time,
 * a malformed error) comes back as a user-facing error; a success is validated with
 * `validateMinted` once the schema is there (it loads with the SDK, see sdk.ts).
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
  return { ok: true, data: result.data };
}

/** Validate a minted secret at the boundary; null when it is malformed (or local without a URL). */
export function validateMinted(schema: typeof mintedSecretSchema, data: unknown): MintedSecret | null {
  const parsed = schema.safeParse(data);
  if (!parsed.success || (parsed.data.backend === 'local' && !parsed.data.url)) return null;
  return parsed.data;
}
