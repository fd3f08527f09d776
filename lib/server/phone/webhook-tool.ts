import { z } from 'zod';
import type { WebhookTool } from '@/lib/contracts/phone-agent';
import { BlockedUrlError } from '@/lib/server/net/safe-fetch';

/**
 * Runs a webhook tool the studio defined: the model's arguments are validated against the
 * tool's JSON schema (zod, from the schema), then POSTed as JSON to its URL with its secret
 * header, within its timeout. Whatever goes wrong (bad arguments, HTTP error, timeout, a body
 * that is not JSON, a refused connection) comes back as `{ error }` for the model, which then
 * apologises on the line instead of going silent. Never throws.
 */
export type CallRef = { callId: string; agentId: string; from: string | null; to: string | null };
export type ToolOutcome = { ok: boolean; result: unknown };
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const MAX_RESPONSE_CHARS = 16_000;
const validators = new WeakMap<object, z.ZodType>();

function validatorFor(def: WebhookTool): z.ZodType {
  let v = validators.get(def.parameters);
  if (!v) {
    v = z.fromJSONSchema(def.parameters as z.core.JSONSchema.JSONSchema);
    validators.set(def.parameters, v);
  }
  return v;
}

export async function callWebhookTool(def: WebhookTool, args: unknown, call: CallRef, fetchImpl: FetchLike = fetch): Promise<ToolOutcome> {
  let parsed: unknown;
  try {
    const check = validatorFor(def).safeParse(args);
    if (!check.success) {
      const issue = check.error.issues[0];
      return { ok: false, result: { error: `invalid arguments: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? ''}`.trim() } };
    }
    parsed = check.data;
  } catch (error) {
    return { ok: false, result: { error: `the tool's parameter schema cannot be used: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (def.secretHeader) headers[def.secretHeader.name] = def.secretHeader.value;
  try {
    const res = await fetchImpl(def.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ tool: def.name, arguments: parsed, call }),
      signal: AbortSignal.timeout(def.timeoutMs),
      redirect: 'error',
    });
    const text = (await res.text()).slice(0, MAX_RESPONSE_CHARS);
    if (!res.ok) return { ok: false, result: { error: `the ${def.name} service answered HTTP ${res.status}` } };
    try {
      return { ok: true, result: text.trim() === '' ? { ok: true } : (JSON.parse(text) as unknown) };
    } catch {
      return { ok: true, result: { text } };
    }
  } catch (error) {
    if (error instanceof BlockedUrlError) return { ok: false, result: { error: `the ${def.name} service's address is not allowed: ${error.reason}` } };
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { ok: false, result: { error: timedOut ? `the ${def.name} service did not answer within ${def.timeoutMs} ms` : `the ${def.name} service could not be reached` } };
  }
}
