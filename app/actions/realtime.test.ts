import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { testMintLimits } from '@/lib/server/limits/test-support';
import type { FetchLike } from '@/lib/server/model-access/openai-client-secrets';

/** The mint action against faked HTTP at the boundary: what the browser gets back. */
const state = vi.hoisted(() => ({ fetchImpl: null as unknown as FetchLike }));

vi.mock('@/lib/server/model-access/client-key', () => ({ requestClientIp: async () => '10.0.0.9' }));
// A signed-in account (minting needs one: ownership.test.ts proves the refusals).
vi.mock('@/lib/server/auth/actor', () => ({ currentActor: async () => ({ id: 'user-1', name: 'Ann', email: 'ann@test.cue', role: 'member', teamId: null }) }));
vi.mock('@/lib/server/services/session-agent', () => ({ getRoleplayAgentConfigForSession: async () => null }));
vi.mock('@/lib/server/model-access/mint', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/server/model-access/mint')>();
  return {
    ...original,
    defaultMintDeps: () => ({ env: parseEnv({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'https://proxy.example/v1' }), fetchImpl: state.fetchImpl, limits: testMintLimits() }),
  };
});

const { mintClientSecret } = await import('./realtime');

describe('mintClientSecret (server action)', () => {
  it("passes a 429's Retry-After to the browser as retryAfterSeconds", async () => {
    state.fetchImpl = async () => new Response('{"error":{"message":"Rate limit reached"}}', { status: 429, headers: { 'retry-after': '20' } });
    expect(await mintClientSecret({ agentId: 'hint-assistant' })).toEqual({
      ok: false,
      error: { code: 'upstream_rate_limited', message: 'OpenAI is rate-limiting this account. Wait a moment and try again, or check your usage limits.', retryAfterSeconds: 20 },
    });
  });

  it('returns where the browser connects, from the configured base, for the transport asked for', async () => {
    state.fetchImpl = async () => new Response('{"value":"ek_1","expires_at":1}', { status: 200 });
    const rtc = await mintClientSecret({ agentId: 'hint-assistant' });
    expect(rtc.ok && rtc.data.url).toBe('https://proxy.example/v1/realtime/calls');
    const ws = await mintClientSecret({ agentId: 'hint-assistant', transport: 'websocket', overrides: { model: 'gpt-realtime-2.1-mini' } });
    expect(ws.ok && ws.data.url).toBe('wss://proxy.example/v1/realtime?model=gpt-realtime-2.1-mini');
  });

  it('refuses keywords that are not phrases', async () => {
    const result = await mintClientSecret({ agentId: 'hint-assistant', overrides: { transcriptionKeywords: ['x'.repeat(61)] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
