import type { Env } from '@/lib/server/env-schema';
import { realtimeBackend } from '@/lib/server/env-schema';
import { ModelAccessError } from './errors';
import { mintLocalEngineSecret } from './local-engine-secrets';
import { realtimeConnectUrl } from './realtime-url';

/**
 * How a phone call's server-side RealtimeSession reaches a model: the realtime WebSocket with
 * the server's own key (OpenAI: the key never leaves the server, no client secret needed), or
 * the local engine with a single-use signed token whose session starts in G.711 mu-law both
 * ways. The engine accepts this server-side connection: it sends no Origin header, and the
 * token is verified like any other. Part of the one model-access module: nothing else reads
 * OPENAI_API_KEY.
 */
export type PhoneRealtimeAccess = { backend: 'local' | 'openai'; apiKey: string; url: string; engineSessionId: string | null };

export async function phoneRealtimeAccess(
  e: Env,
  input: { agentId: string; model: string; maxCallSeconds: number },
): Promise<PhoneRealtimeAccess> {
  if (realtimeBackend(e) === 'openai') {
    if (!e.OPENAI_API_KEY) throw new ModelAccessError('misconfigured', 'CUE_REALTIME_BACKEND=openai needs OPENAI_API_KEY');
    const url = realtimeConnectUrl({ baseUrl: e.OPENAI_BASE_URL, realtimeUrl: e.CUE_REALTIME_URL, transport: 'websocket', model: input.model });
    return { backend: 'openai', apiKey: e.OPENAI_API_KEY, url, engineSessionId: null };
  }
  const token = await mintLocalEngineSecret({
    secret: e.CUE_ENGINE_SECRET,
    engineUrl: e.CUE_ENGINE_URL,
    agentId: input.agentId,
    ttlSeconds: 60,
    session: {
      type: 'realtime',
      model: input.model,
      audio: { input: { format: { type: 'audio/pcmu' } }, output: { format: { type: 'audio/pcmu' } } },
    },
    maxSessionSeconds: input.maxCallSeconds,
    checkHealth: false,
  });
  const url = new URL(e.CUE_ENGINE_URL);
  url.searchParams.set('model', input.model);
  return { backend: 'local', apiKey: token.value, url: url.toString(), engineSessionId: token.sessionId };
}
