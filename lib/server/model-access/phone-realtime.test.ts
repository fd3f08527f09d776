import { describe, expect, it } from 'vitest';
import { verifyEngineToken } from '@/lib/engine/token';
import { parseEnv } from '@/lib/server/env-schema';
import { phoneRealtimeAccess } from './phone-realtime';

/** How a phone call's server-side session reaches a model. */
describe('phoneRealtimeAccess', () => {
  it('OpenAI: the realtime WebSocket with the server key (no client secret), the model in the URL', async () => {
    const e = parseEnv({ OPENAI_API_KEY: 'sk-test', CUE_REALTIME_BACKEND: 'auto' });
    const access = await phoneRealtimeAccess(e, { agentId: 'phone-receptionist', model: 'gpt-realtime-2.1-mini', maxCallSeconds: 600 });
    expect(access).toEqual({ backend: 'openai', apiKey: 'sk-test', url: 'wss://api.openai.com/v1/realtime?model=gpt-realtime-2.1-mini', engineSessionId: null });
  });

  it('local engine: a single-use token whose session starts in G.711 mu-law both ways, capped at the call length', async () => {
    const e = parseEnv({ CUE_REALTIME_BACKEND: 'local', CUE_ENGINE_SECRET: 'engine-secret', CUE_ENGINE_URL: 'ws://127.0.0.1:9999/v1/realtime' });
    const access = await phoneRealtimeAccess(e, { agentId: 'phone-receptionist', model: 'gpt-realtime-2.1-mini', maxCallSeconds: 600 });
    expect(access.backend).toBe('local');
    expect(access.url).toBe('ws://127.0.0.1:9999/v1/realtime?model=gpt-realtime-2.1-mini');
    const check = verifyEngineToken(access.apiKey, 'engine-secret');
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.claims).toMatchObject({ agent: 'phone-receptionist', sid: access.engineSessionId, max_session_s: 600 });
    expect(check.claims.session).toMatchObject({ audio: { input: { format: { type: 'audio/pcmu' } }, output: { format: { type: 'audio/pcmu' } } } });
  });

  it('refuses to run on OpenAI without a key, and on the engine without its secret', async () => {
    await expect(phoneRealtimeAccess(parseEnv({ CUE_REALTIME_BACKEND: 'openai' }), { agentId: 'a', model: 'm', maxCallSeconds: 60 })).rejects.toThrow();
    await expect(phoneRealtimeAccess(parseEnv({ CUE_REALTIME_BACKEND: 'local' }), { agentId: 'a', model: 'm', maxCallSeconds: 60 })).rejects.toThrow();
  });
});
