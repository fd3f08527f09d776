import 'server-only';
import { getAgentConfig } from '@/agents/registry';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import { env, realtimeBackend, type Env } from '@/lib/server/env';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { ModelAccessError } from './errors';
import { mintLocalEngineSecret } from './local-engine-secrets';
import { createOpenAIClientSecret, type FetchLike } from './openai-client-secrets';
import { createRateLimiter, type RateLimiter } from './rate-limit';
import { realtimeConnectUrl } from './realtime-url';
import { buildRealtimeSessionBody, type SessionOverrides } from './session-config';

/**
 * The one module that decides how the browser reaches a realtime model:
 * OpenAI (server key -> short-lived client secret) or the local engine
 * (HMAC-signed token). Nothing else reads OPENAI_API_KEY.
 */
export type MintRequest = {
  agentId: string;
  clientKey: string;
  /** The transport the browser will use with OpenAI (default WebRTC): picks the URL returned. */
  transport?: 'webrtc' | 'websocket';
  overrides?: SessionOverrides;
  /** For agents whose config is built per request (e.g. a role-play persona). */
  config?: AgentConfig;
  /** Longest the session may run, enforced by the local engine (the website widget's limit). */
  maxSessionSeconds?: number;
};

export type MintDeps = { env: Env; fetchImpl?: FetchLike; limiter: RateLimiter };

export async function mintRealtimeSecret(req: MintRequest, deps: MintDeps): Promise<MintedSecret> {
  const config = req.config ?? getAgentConfig(req.agentId);
  if (!config) throw new ModelAccessError('unknown_agent', req.agentId);
  const verdict = deps.limiter.take(req.clientKey);
  if (!verdict.allowed) throw new ModelAccessError('rate_limited', `retry after ${verdict.retryAfterSeconds}s`, verdict.retryAfterSeconds);

  const ttlSeconds = Math.min(config.secretTtlSeconds, deps.env.CUE_SECRET_TTL_SECONDS);
  const model = req.overrides?.model ?? config.model;
  const voice = req.overrides?.voice ?? config.voice;
  // One session config for both backends: OpenAI gets it in client_secrets, the local engine in its token.
  const session = buildRealtimeSessionBody(config, req.overrides);
  const tracing = req.overrides?.tracing === true;

  if (realtimeBackend(deps.env) === 'openai') {
    if (!deps.env.OPENAI_API_KEY) throw new ModelAccessError('misconfigured', 'CUE_REALTIME_BACKEND=openai needs OPENAI_API_KEY');
    const secret = await createOpenAIClientSecret({
      apiKey: deps.env.OPENAI_API_KEY,
      baseUrl: deps.env.OPENAI_BASE_URL,
      session,
      ttlSeconds,
      timeoutMs: deps.env.CUE_UPSTREAM_TIMEOUT_MS,
      fetchImpl: deps.fetchImpl,
    });
    const url = realtimeConnectUrl({ baseUrl: deps.env.OPENAI_BASE_URL, realtimeUrl: deps.env.CUE_REALTIME_URL, transport: req.transport ?? 'webrtc', model });
    return { backend: 'openai', clientSecret: secret.value, expiresAt: secret.expiresAt, agentId: config.id, model, voice, url, tracing };
  }

  const token = await mintLocalEngineSecret({
    secret: deps.env.CUE_ENGINE_SECRET,
    engineUrl: deps.env.CUE_ENGINE_URL,
    agentId: config.id,
    ttlSeconds,
    session,
    persona: config.localPersona,
    maxSessionSeconds: req.maxSessionSeconds,
    fetchImpl: deps.fetchImpl,
  });
  return {
    backend: 'local',
    clientSecret: token.value,
    expiresAt: token.expiresAt,
    agentId: config.id,
    model,
    voice,
    url: deps.env.CUE_ENGINE_URL,
    sessionId: token.sessionId,
    tracing,
  };
}

const globalForLimiter = globalThis as unknown as { cueMintLimiter?: RateLimiter };

/** Default deps for the running app: validated env, a per-instance limiter. */
export function defaultMintDeps(): MintDeps {
  globalForLimiter.cueMintLimiter ??= createRateLimiter({ limit: env().CUE_MINT_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 });
  return { env: env(), limiter: globalForLimiter.cueMintLimiter };
}
