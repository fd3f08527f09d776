'use server';
import { z } from 'zod';
import { AUTH_ERROR_MESSAGES, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/contracts/action-result';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { currentActor } from '@/lib/server/auth/actor';
import { hasRole } from '@/lib/server/auth/policy';
import { db } from '@/lib/server/db/connection';
import { requestClientIp } from '@/lib/server/model-access/client-key';
import { MODEL_ACCESS_ERRORS, ModelAccessError } from '@/lib/server/model-access/errors';
import { defaultMintDeps, mintRealtimeSecret } from '@/lib/server/model-access/mint';
import { env } from '@/lib/server/env';
import { runStudioAgentTool } from '@/lib/server/phone/agent-tool-runner';
import { webhookFetch } from '@/lib/server/phone/webhook-fetch';
import { assistDb } from '@/lib/server/services/assist/assist-db';
import { loadAgentConfig } from '@/lib/server/studio/studio-service';
import { studioToAgentConfig } from '@/lib/shared/studio-agent-runtime';

/**
 * "Try it" in the agent studio: a web voice chat with an agent's CURRENT stored config, through the
 * one mint path (lib/server/model-access): the same limits, the local engine or OpenAI. Admins only.
 * The page builds its SDK agent from the same stored config (studioToAgentConfig, lib/shared).
 */
type Failure = { ok: false; error: { code: string; message: string; retryAfterSeconds?: number } };
export type StudioTryResult = { ok: true; data: MintedSecret } | Failure;

const inputSchema = z.object({ agentId: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/), transport: z.enum(['webrtc', 'websocket']).optional() });

export async function mintStudioTry(input: unknown): Promise<StudioTryResult> {
  const actor = await currentActor().catch(() => null);
  if (!actor) return { ok: false, error: { code: 'unauthenticated', message: AUTH_ERROR_MESSAGES.unauthenticated } };
  if (!hasRole(actor, 'admin')) return { ok: false, error: { code: 'forbidden', message: 'Only an admin can try studio agents.' } };
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: MODEL_ACCESS_ERRORS.invalid_input } };
  try {
    const stored = await loadAgentConfig(db(), parsed.data.agentId);
    if (!stored) return { ok: false, error: { code: 'unknown_agent', message: 'That agent does not exist (any more). Go back to the studio list.' } };
    const data = await mintRealtimeSecret(
      { agentId: stored.id, transport: parsed.data.transport, subject: `user:${actor.id}`, clientIp: await requestClientIp(), config: studioToAgentConfig(stored) },
      defaultMintDeps(),
    );
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ModelAccessError) {
      console.warn(`[studio-try] ${error.code}${error.detail ? `: ${error.detail}` : ''}`);
      const retry = error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds };
      return { ok: false, error: { code: error.code, message: error.message, ...retry } };
    }
    if (isDatabaseUnavailable(error)) return { ok: false, error: { code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } };
    console.error('[studio-try] unexpected', error);
    return { ok: false, error: { code: 'upstream_unavailable', message: MODEL_ACCESS_ERRORS.upstream_unavailable } };
  }
}

/** A tool run for a Try-it chat: what the model reads back (`result`), and whether the tool succeeded. */
export type StudioTryToolResult = { ok: true; data: { ok: boolean; result: unknown } } | Failure;

const toolInputSchema = z.object({
  agentId: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  tool: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/),
  args: z.record(z.string(), z.unknown()).refine((a) => JSON.stringify(a).length <= 8000, 'the arguments are too long'),
});

/**
 * Runs one of the agent's read-only built-ins or webhook tools for its Try-it chat, on the server with
 * the same executors as a phone call (lib/server/phone/agent-tool-runner). Admins only; the tool must be
 * one the stored agent has; end_call and transfer_to_human are refused (`call_only`).
 */
export async function runStudioTryTool(input: unknown): Promise<StudioTryToolResult> {
  const actor = await currentActor().catch(() => null);
  if (!actor) return { ok: false, error: { code: 'unauthenticated', message: AUTH_ERROR_MESSAGES.unauthenticated } };
  if (!hasRole(actor, 'admin')) return { ok: false, error: { code: 'forbidden', message: 'Only an admin can try studio agents.' } };
  const parsed = toolInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'That tool call is not valid.' } };
  try {
    const stored = await loadAgentConfig(db(), parsed.data.agentId);
    if (!stored) return { ok: false, error: { code: 'unknown_agent', message: 'That agent does not exist (any more). Go back to the studio list.' } };
    const ran = await runStudioAgentTool({ agent: stored, name: parsed.data.tool, args: parsed.data.args, lookupDb: assistDb, fetchImpl: webhookFetch(env()) });
    return ran.ok ? { ok: true, data: ran.outcome } : { ok: false, error: { code: ran.code, message: ran.message } };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, error: { code: 'database_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } };
    console.error('[studio-try] tool', error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong on the server. Try again.' } };
  }
}
