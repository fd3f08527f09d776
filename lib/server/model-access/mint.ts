import 'server-only';
import { getAgentConfig } from '@/agents/registry';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import { env, realtimeBackend, type Env } from '@/lib/server/env';
import type { MintedSecret } from '@/lib/contracts/minted-secret';
import { createMintLimits, type MintLimits } from '@/lib/server/limits/mint-limits';
import { db } from '@/lib/server/db/connection';
import { formatWait, ModelAccessError } from './errors';
import { mintLocalEngineSecret } from './local-engine-secrets';
import { createOpenAIClientSecret, type FetchLike } from './openai-client-secrets';
import { realtimeConnectUrl } from './realtime-url';
import { buildRealtimeSessionBody, type SessionOverrides } from './session-config';

/**
 * The one module that decides how the browser reaches a realtime model:
 * OpenAI (server key -> short-lived client secret) or the local engine
 * (HMAC-signed token). Nothing else reads OPENAI_API_KEY.
 */
export type MintRequest = {
  agentId: string;
  /** Who spends: the signed-in user's id once accounts exist (the client address until then). */
  subject: string;
  /** The client's address, from trusted proxy hops only (lib/server/model-access/client-ip). */
  clientIp: string;
  /** The practice session a role-play call belongs to: its minutes are settled when it ends. */
  ref?: string;
  /** The transport the browser will use with OpenAI (default WebRTC): picks the URL returned. */
  transport?: 'webrtc' | 'websocket';
  overrides?: SessionOverrides;
  /** For agents whose config is built per request (e.g. a role-play persona). */
  config?: AgentConfig;
  /** Longest the session may run, enforced by the local engine (the website widget's limit). */
  maxSessionSeconds?: number;
};

export type MintDeps = { env: Env; fetchImpl?: FetchLike; limits: MintLimits };

/** The longest one realtime session may run (OpenAI's own ceiling is 60 minutes); the daily budget may grant less. */
const MAX_SESSION_SECONDS = 3600;

const ENGINE_RESTARTING_MESSAGE = 'The local engine is restarting (it stopped unexpectedly). Try again in a few seconds.';
const ENGINE_RESTART_RETRY_SECONDS = 3;

/** Per address, then per subject, then the day's minutes: each refusal says when to try again. */
async function admit(req: MintRequest, agentId: string, limits: MintLimits): Promise<{ usageId: string; grantedSeconds: number }> {
  for (const [limiter, key, what] of [[limits.perIp, req.clientIp, 'address'], [limits.perSubject, req.subject, 'subject']] as const) {
    const verdict = await limiter.take(key);
    if (!verdict.allowed) throw new ModelAccessError('rate_limited', `${what} ${key}: retry after ${verdict.retryAfterSeconds}s`, verdict.retryAfterSeconds);
  }
  const grant = await limits.minutes.reserve({ subject: req.subject, agentId, ref: req.ref, maxSeconds: MAX_SESSION_SECONDS });
  if (!grant.allowed) {
    const message =
      `Today's realtime minutes are used up (${Math.floor(grant.usedSeconds / 60)} of ${Math.floor(grant.limitSeconds / 60)}). ` +
      `They renew at midnight UTC, in ${formatWait(grant.retryAfterSeconds)}.`;
    throw new ModelAccessError('minutes_exhausted', `subject ${req.subject}`, grant.retryAfterSeconds, message);
  }
  return grant;
}

export async function mintRealtimeSecret(req: MintRequest, deps: MintDeps): Promise<MintedSecret> {
  const config = req.config ?? getAgentConfig(req.agentId);
  if (!config) throw new ModelAccessError('unknown_agent', req.agentId);
  const grant = await admit(req, config.id, deps.limits);
  try {
    return await mintFor(config, grant.grantedSeconds, req, deps);
  } catch (error) {
    await deps.limits.minutes.cancel(grant.usageId).catch(() => undefined);
    // scripts/run.ts restarts a dead engine: say so instead of "start it yourself".
    if (error instanceof ModelAccessError && error.code === 'engine_unavailable' && deps.env.CUE_ENGINE_SUPERVISED) {
      throw new ModelAccessError('engine_unavailable', error.detail, ENGINE_RESTART_RETRY_SECONDS, ENGINE_RESTARTING_MESSAGE);
    }
    throw error;
  }
}

async function mintFor(config: AgentConfig, grantedSeconds: number, req: MintRequest, deps: MintDeps): Promise<MintedSecret> {
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
    // The day's grant, and at most the caller's own ceiling (the website widget's session limit).
    maxSessionSeconds: Math.min(grantedSeconds, req.maxSessionSeconds ?? grantedSeconds),
    persona: config.localPersona,
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

/** Default deps for the running app: validated env, limits counted in the app's database. */
export function defaultMintDeps(): MintDeps {
  return { env: env(), limits: createMintLimits(db, env()) };
}
