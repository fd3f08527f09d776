import type { PersonaBrief } from '@/lib/contracts/persona-brief';
import { mintEngineToken } from '@/lib/engine/token';
import { ModelAccessError } from './errors';
import type { FetchLike } from './openai-client-secrets';

/** http(s) health URL of an engine given its ws(s) URL. */
export function engineHealthUrl(engineUrl: string): string {
  const u = new URL(engineUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = '/health';
  u.search = '';
  return u.toString();
}

/** Sign a token for the local engine after checking the engine answers, so "engine down" is a clear error up front. */
export async function mintLocalEngineSecret(input: {
  secret: string | undefined;
  engineUrl: string;
  agentId: string;
  ttlSeconds: number;
  /** The role-play persona the engine should play, signed into the token. */
  persona?: PersonaBrief;
  fetchImpl?: FetchLike;
}): Promise<{ value: string; expiresAt: number; sessionId: string }> {
  if (!input.secret) throw new ModelAccessError('misconfigured', 'CUE_ENGINE_SECRET is not set');
  const fetchImpl = input.fetchImpl ?? fetch;
  try {
    const res = await fetchImpl(engineHealthUrl(input.engineUrl), { signal: AbortSignal.timeout(2000), cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    throw new ModelAccessError('engine_unavailable', error instanceof Error ? error.message : String(error));
  }
  return mintEngineToken({ secret: input.secret, agentId: input.agentId, ttlSeconds: input.ttlSeconds, persona: input.persona });
}
