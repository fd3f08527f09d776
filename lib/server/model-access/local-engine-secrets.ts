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
/** Per fetch implementation and health URL: when a check last passed, and the check in flight (one at a time). */
type HealthState = { passedAt?: number; inflight?: Promise<void> };
const health = new WeakMap<FetchLike, Map<string, HealthState>>();

async function probe(fetchImpl: FetchLike, healthUrl: string): Promise<void> {
  try {
    const res = await fetchImpl(healthUrl, { signal: AbortSignal.timeout(2000), cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    throw new ModelAccessError('engine_unavailable', error instanceof Error ? error.message : String(error));
  }
}

/** A passed check stands for HEALTHY_FOR_MS; mints arriving while a check runs share it (no burst of checks). */
async function checkEngineHealth(fetchImpl: FetchLike, healthUrl: string): Promise<void> {
  const byUrl = health.get(fetchImpl) ?? new Map<string, HealthState>();
  health.set(fetchImpl, byUrl);
  const state = byUrl.get(healthUrl) ?? {};
  byUrl.set(healthUrl, state);
  if (state.passedAt !== undefined && performance.now() - state.passedAt < HEALTHY_FOR_MS) return;
  state.inflight ??= probe(fetchImpl, healthUrl).then(
    () => {
      state.passedAt = performance.now();
      state.inflight = undefined;
    },
    (error: unknown) => {
      state.passedAt = undefined;
      state.inflight = undefined;
      throw error;
    },
  );
  return state.inflight;
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
  /** The session config the engine starts from (a minted RealtimeSessionBody, or a phone call's G.711 start). */
  session: RealtimeSessionBody | { type: 'realtime'; model: string; audio: Record<string, unknown> };
  maxSessionSeconds?: number;
  /** The role-play persona the engine should play, signed into the token. */
  persona?: PersonaBrief;
  fetchImpl?: FetchLike;
  /**
   * Probe GET /health first (default). A server-side caller that connects at once (a phone call) skips it: its
   * connect reports a down engine itself, and a probe per call under load only adds a way to fail.
   */
  checkHealth?: boolean;
}): Promise<{ value: string; expiresAt: number; sessionId: string }> {
  if (!input.secret) throw new ModelAccessError('misconfigured', 'CUE_ENGINE_SECRET is not set');
  if (input.checkHealth !== false) await checkEngineHealth(input.fetchImpl ?? fetch, engineHealthUrl(input.engineUrl));
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
