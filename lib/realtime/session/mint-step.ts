import type { MintInput as ContractMintInput } from '@/lib/contracts/mint';
import { clientError, rateLimitWait } from './errors';
import type { MintedSecret, mintedSecretSchema } from '@/lib/contracts/minted-secret';
import { TimeoutError, withTimeout } from './timeout';
import type { Backend, RealtimeError } from '../store/types';

/** What the mint action may apply to the session it creates (the page's SDK session mirrors them). */
export type SessionOverrides = NonNullable<ContractMintInput['overrides']>;
/** The core's mint request: the mint action's input contract, less what only a feature adds. */
export type MintInput = Omit<ContractMintInput, 'practiceSessionId'>;
export type MintResult = { ok: true; data: MintedSecret } | { ok: false; error: { code: string; message: string; retryAfterSeconds?: number } };
export type MintFn = (input: MintInput) => Promise<MintResult>;

/** The mint's answer before validation: `data` is whatever the action sent (checked by `validateMinted`). */
export type MintOutcome = { ok: true; data: unknown } | { ok: false; error: RealtimeError };

/** Retry-After waits the mint step sits out on its own (longer ones are left to the user, with a countdown). */
const MINT_RETRY_POLICY = { maxWaitSeconds: 30, maxWaits: 2 } as const;

export type MintRetryEnv = {
  timeoutMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** True once the attempt was abandoned (disconnect, a newer connect): stop waiting. */
  stale: () => boolean;
  /** Waiting on a Retry-After: show it (null when the wait is over). */
  onWait: (notice: RealtimeError | null) => void;
  /** Whose limit it is, for the words. */
  backend: Backend | null;
};

/**
 * Call the mint action. Every way it can go wrong (error result, throw, no answer in time,
 * a malformed error) comes back as a user-facing error; a success is validated with
 * `validateMinted` once the schema is there (it loads with the SDK, see sdk.ts).
 * An error with `retryAfterSeconds` (a 429's Retry-After) carries `retryAt`.
 */
async function mintSecret(mint: MintFn, input: MintInput, timeoutMs: number, now: () => number = Date.now): Promise<MintOutcome> {
  let result: MintResult;
  try {
    result = await withTimeout(mint(input), timeoutMs);
  } catch (error) {
    if (error instanceof TimeoutError) return { ok: false, error: clientError('connect_timeout', { seconds: Math.round(timeoutMs / 1000) }) };
    return { ok: false, error: clientError('mint_failed') };
  }
  if (!result || typeof result !== 'object') return { ok: false, error: clientError('invalid_response') };
  if (!result.ok) {
    const { code, message, retryAfterSeconds } = result.error ?? {};
    if (typeof code !== 'string' || typeof message !== 'string') return { ok: false, error: clientError('invalid_response') };
    const wait = typeof retryAfterSeconds === 'number' && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0 ? Math.ceil(retryAfterSeconds) : null;
    return { ok: false, error: wait === null ? { code, message } : { code, message, retryAt: now() + wait * 1000 } };
  }
  return { ok: true, data: result.data };
}

/** Validate a minted secret at the boundary; null when it is malformed (or local without a URL). */
export function validateMinted(schema: typeof mintedSecretSchema, data: unknown): MintedSecret | null {
  const parsed = schema.safeParse(data);
  if (!parsed.success || (parsed.data.backend === 'local' && !parsed.data.url)) return null;
  return parsed.data;
}

/**
 * `mintSecret`, honouring Retry-After: a short wait (up to MINT_RETRY_POLICY) is sat out with a
 * notice ("OpenAI is rate limiting; retrying in N s"), then the mint is tried again; a longer
 * one comes back as the error, its `retryAt` telling the page when Retry makes sense.
 * Null = the attempt went stale while waiting.
 */
export async function mintHonouringRetryAfter(mint: MintFn, input: MintInput, env: MintRetryEnv): Promise<MintOutcome | null> {
  for (let waits = 0; ; waits++) {
    const outcome = await mintSecret(mint, input, env.timeoutMs, env.now);
    if (env.stale()) return null;
    if (outcome.ok || outcome.error.retryAt === undefined) return outcome;
    const ms = outcome.error.retryAt - env.now();
    if (waits >= MINT_RETRY_POLICY.maxWaits || ms > MINT_RETRY_POLICY.maxWaitSeconds * 1000) return outcome;
    env.onWait(rateLimitWait(outcome.error, env.backend));
    await env.sleep(Math.max(0, ms));
    if (env.stale()) return null;
    env.onWait(null);
  }
}
