import type { PersonaBrief } from '@/lib/contracts/persona-brief';
import { EngineTokenTooLargeError, mintEngineToken } from '@/lib/engine/token';
import { ModelAccessError } from './errors';
import type { FetchLike } from './openai-client-secrets';
import type { RealtimeSessionBody } from './session-config';

/** http(s) health URL of an engine given its ws(s) URL. */
function engineHealthUrl(engineUrl: string): string {
  const u = new URL(engineUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = '/health';
  u.search = '';
  return u.toString();
}

/** How long a passed health check stands for the next mints (a burst of mints costs one check). */
const HEALTHY_FOR_MS = 2000;
/** Last passed health check per fetch implementation and health URL. */
const healthyAt = new WeakMap<FetchLike, Map<string, number>>();

async function checkEngineHealth(fetchImpl: FetchLike, healthUrl: string): Promise<void> {
  const seen = healthyAt.get(fetchImpl) ?? new Map<string, number>();
  healthyAt.set(fetchImpl, seen);
  const at = seen.get(healthUrl);
  if (at !== undefined && performance.now() - at < HEALTHY_FOR_MS) return;
  try {
    const res = await fetchImpl(healthUrl, { signal: AbortSignal.timeout(2000), cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    seen.set(healthUrl, performance.now());
  } catch (error) {
    seen.delete(healthUrl);
    throw new ModelAccessError('engine_unavailable', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Sign a token for the local engine after checking the engine answers (a check that passed in the
 * last HEALTHY_FOR_MS stands), so "engine down" is a clear error up front.
 * The token carries the same GA session config the app would send to OpenAI's client_secrets, so the engine's
 * session starts from it (session.created reflects it), and opens one session only.
 */
export async function mintLocalEngineSecret(input: {
  secret: string | undefined;
  engineUrl: string;
  agentId: string;
  ttlSeconds: number;
  session: RealtimeSessionBody;
  maxSessionSeconds?: number;
  /** The role-play persona the engine should play, signed into the token. */
  persona?: PersonaBrief;
  fetchImpl?: FetchLike;
}): Promise<{ value: string; expiresAt: number; sessionId: string }> {
  if (!input.secret) throw new ModelAccessError('misconfigured', 'CUE_ENGINE_SECRET is not set');
  await checkEngineHealth(input.fetchImpl ?? fetch, engineHealthUrl(input.engineUrl));
  try {
    return mintEngineToken({
      secret: input.secret,
      agentId: input.agentId,
      ttlSeconds: input.ttlSeconds,
      session: input.session,
      maxSessionSeconds: input.maxSessionSeconds,
      persona: input.persona,
    });
  } catch (error) {
    if (error instanceof EngineTokenTooLargeError) throw new ModelAccessError('misconfigured', error.message);
    throw error;
  }
}
