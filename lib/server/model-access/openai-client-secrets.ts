import { z } from 'zod';
import { codeForUpstreamStatus, ModelAccessError, parseRetryAfter } from './errors';
import type { RealtimeSessionBody } from './session-config';

const clientSecretResponseSchema = z.object({
  value: z.string().min(1),
  expires_at: z.number(),
  session: z.record(z.string(), z.unknown()).optional(),
});

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type CreateClientSecretInput = {
  apiKey: string;
  baseUrl: string;
  session: RealtimeSessionBody;
  ttlSeconds: number;
  timeoutMs: number;
  fetchImpl?: FetchLike;
};

/** POST {baseUrl}/realtime/client_secrets (GA API). Throws ModelAccessError with a typed code. */
export async function createOpenAIClientSecret(input: CreateClientSecretInput): Promise<{ value: string; expiresAt: number }> {
  const fetchImpl = input.fetchImpl ?? fetch;
  const url = `${input.baseUrl.replace(/\/+$/, '')}/realtime/client_secrets`;
  const body = { expires_after: { anchor: 'created_at', seconds: input.ttlSeconds }, session: input.session };
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${input.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(input.timeoutMs),
      cache: 'no-store',
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new ModelAccessError('timeout');
    throw new ModelAccessError('upstream_unavailable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const retryAfter = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
    throw new ModelAccessError(codeForUpstreamStatus(response.status), `HTTP ${response.status}: ${text.slice(0, 300)}`, retryAfter);
  }
  const parsed = clientSecretResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new ModelAccessError('upstream_unavailable', 'unexpected client_secrets response shape');
  return { value: parsed.data.value, expiresAt: parsed.data.expires_at };
}
