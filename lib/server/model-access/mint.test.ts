import { describe, expect, it, vi } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { verifyEngineToken } from '@/lib/engine/token';
import { hintAssistant } from '@/agents/hint-assistant';
import { buildRoleplayAgentConfig } from '@/agents/roleplay-client';
import { BUILTIN_SCENARIOS } from '@/agents/scenarios';
import { DIFFICULTIES } from '@/lib/contracts/scenario';
import { ENGINE_TOKEN_MAX_CHARS } from '@/lib/engine/token';
import { ModelAccessError } from './errors';
import { mintRealtimeSecret } from './mint';
import { testMintLimits } from '@/lib/server/limits/test-support';
import type { FetchLike } from './openai-client-secrets';

const openaiEnv = parseEnv({ OPENAI_API_KEY: 'sk-test-server-key', CUE_SECRET_TTL_SECONDS: '300' });
const localEnv = parseEnv({ CUE_ENGINE_SECRET: 'engine-secret', CUE_ENGINE_URL: 'ws://127.0.0.1:9999/v1/realtime' });
const limits = () => testMintLimits();

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}): { fetchImpl: FetchLike; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { fetchImpl, calls };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof ModelAccessError ? e.code : `other: ${String(e)}`;
  }
}

describe('mintRealtimeSecret with OpenAI', () => {
  it('POSTs the GA client_secrets request with the agent session config', async () => {
    const { fetchImpl, calls } = fakeFetch(200, { value: 'ek_abc', expires_at: 1_900_000_000, session: {} });
    const minted = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl, limits: limits() });
    expect(minted).toEqual({
      backend: 'openai',
      clientSecret: 'ek_abc',
      expiresAt: 1_900_000_000,
      agentId: 'hint-assistant',
      model: 'gpt-realtime-2.1',
      voice: 'marin',
      url: 'https://api.openai.com/v1/realtime/calls',
      tracing: false,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.openai.com/v1/realtime/client_secrets');
    expect(calls[0]!.init.method).toBe('POST');
    expect((calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer sk-test-server-key');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({
      expires_after: { anchor: 'created_at', seconds: 300 },
      session: {
        type: 'realtime',
        model: 'gpt-realtime-2.1',
        instructions: hintAssistant.instructions,
        output_modalities: ['audio'],
        audio: {
          input: {
            format: { type: 'audio/pcm', rate: 24000 },
            transcription: { model: 'gpt-live-transcribe' },
            turn_detection: { type: 'server_vad', create_response: false, interrupt_response: false, silence_duration_ms: 500, prefix_padding_ms: 300, threshold: 0.5 },
          },
          output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin' },
        },
        tools: [],
        tool_choice: 'auto',
        tracing: null,
      },
    });
  });

  it('sends the listened-for phrases as transcription keywords, and tracing only when asked', async () => {
    const { fetchImpl, calls } = fakeFetch(200, { value: 'ek_k', expires_at: 1 });
    const minted = await mintRealtimeSecret(
      { agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1', overrides: { transcriptionKeywords: ['got it', 'walk me through'], tracing: true } },
      { env: openaiEnv, fetchImpl, limits: limits() },
    );
    const body = JSON.parse(String(calls[0]!.init.body));
    expect(body.session.audio.input.transcription).toEqual({ model: 'gpt-live-transcribe', keywords: ['got it', 'walk me through'] });
    expect(body.session.tracing).toBe('auto');
    expect(minted.tracing).toBe(true);
  });

  it('applies model and voice overrides', async () => {
    const { fetchImpl, calls } = fakeFetch(200, { value: 'ek_x', expires_at: 1 });
    const minted = await mintRealtimeSecret(
      { agentId: 'practice-partner', subject: 'a', clientIp: '10.0.0.1', overrides: { model: 'gpt-realtime-2.1-mini', voice: 'sage' } },
      { env: openaiEnv, fetchImpl, limits: limits() },
    );
    expect(minted.model).toBe('gpt-realtime-2.1-mini');
    const body = JSON.parse(String(calls[0]!.init.body));
    expect(body.session.model).toBe('gpt-realtime-2.1-mini');
    expect(body.session.audio.output.voice).toBe('sage');
  });

  it.each([
    [401, 'upstream_unauthorized'],
    [403, 'upstream_unauthorized'],
    [429, 'upstream_rate_limited'],
    [400, 'upstream_bad_request'],
    [500, 'upstream_unavailable'],
    [503, 'upstream_unavailable'],
  ])('maps HTTP %i to %s', async (status, code) => {
    const { fetchImpl } = fakeFetch(status, { error: { message: 'nope' } });
    expect(await codeOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl, limits: limits() }))).toBe(code);
  });

  it('passes a 429\'s Retry-After on as retryAfterSeconds (seconds or an HTTP date)', async () => {
    const seconds = fakeFetch(429, { error: { message: 'slow down' } }, { 'retry-after': '7' });
    const error = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl: seconds.fetchImpl, limits: limits() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelAccessError);
    expect(error).toMatchObject({ code: 'upstream_rate_limited', retryAfterSeconds: 7 });
    const date = fakeFetch(429, {}, { 'retry-after': new Date(Date.now() + 12_000).toUTCString() });
    const dated = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl: date.fetchImpl, limits: limits() }).catch((e: unknown) => e);
    expect((dated as ModelAccessError).retryAfterSeconds).toBeGreaterThanOrEqual(11);
    expect((dated as ModelAccessError).retryAfterSeconds).toBeLessThanOrEqual(13);
    const none = fakeFetch(429, {});
    const bare = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl: none.fetchImpl, limits: limits() }).catch((e: unknown) => e);
    expect((bare as ModelAccessError).retryAfterSeconds).toBeUndefined();
  });

  it('maps a hung upstream to timeout', async () => {
    const env = parseEnv({ OPENAI_API_KEY: 'sk-x', CUE_UPSTREAM_TIMEOUT_MS: '100' });
    const fetchImpl: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect(await codeOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env, fetchImpl, limits: limits() }))).toBe('timeout');
  });

  it('maps a network failure and a malformed answer to upstream_unavailable', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await codeOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl: failing, limits: limits() }))).toBe('upstream_unavailable');
    const { fetchImpl } = fakeFetch(200, { client_secret: { value: 'old-beta-shape' } });
    expect(await codeOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl, limits: limits() }))).toBe('upstream_unavailable');
  });
});

describe('where the browser connects to OpenAI', () => {
  const mint = async (env: ReturnType<typeof parseEnv>, transport?: 'webrtc' | 'websocket') => {
    const { fetchImpl, calls } = fakeFetch(200, { value: 'ek_u', expires_at: 1 });
    const minted = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1', transport }, { env, fetchImpl, limits: limits() });
    return { minted, mintedAt: calls[0]!.url };
  };

  it('follows OPENAI_BASE_URL: the mint and the browser go to the same place', async () => {
    const env = parseEnv({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'https://proxy.example.com/openai/v1/' });
    const rtc = await mint(env, 'webrtc');
    expect(rtc.mintedAt).toBe('https://proxy.example.com/openai/v1/realtime/client_secrets');
    expect(rtc.minted.url).toBe('https://proxy.example.com/openai/v1/realtime/calls');
    const ws = await mint(env, 'websocket');
    expect(ws.minted.url).toBe('wss://proxy.example.com/openai/v1/realtime?model=gpt-realtime-2.1');
    const local = await mint(parseEnv({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'http://127.0.0.1:4010/v1' }), 'websocket');
    expect(local.minted.url).toBe('ws://127.0.0.1:4010/v1/realtime?model=gpt-realtime-2.1');
  });

  it('CUE_REALTIME_URL overrides where the browser connects, not where secrets are minted', async () => {
    const env = parseEnv({ OPENAI_API_KEY: 'sk-x', CUE_REALTIME_URL: 'wss://edge.example.com/v1/realtime' });
    const rtc = await mint(env);
    expect(rtc.mintedAt).toBe('https://api.openai.com/v1/realtime/client_secrets');
    expect(rtc.minted.url).toBe('https://edge.example.com/v1/realtime/calls');
    expect((await mint(env, 'websocket')).minted.url).toBe('wss://edge.example.com/v1/realtime?model=gpt-realtime-2.1');
  });

  it('refuses a CUE_REALTIME_URL that is not http(s) or ws(s)', () => {
    expect(() => parseEnv({ CUE_REALTIME_URL: 'ftp://edge.example.com/v1/realtime' })).toThrow(/CUE_REALTIME_URL/);
  });
});

describe('mintRealtimeSecret with the local engine', () => {
  it('signs a token the engine accepts, after a health check', async () => {
    const { fetchImpl, calls } = fakeFetch(200, { ok: true });
    const minted = await mintRealtimeSecret({ agentId: 'practice-partner', subject: 'a', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl, limits: limits() });
    expect(calls[0]!.url).toBe('http://127.0.0.1:9999/health');
    expect(minted.backend).toBe('local');
    expect(minted.url).toBe('ws://127.0.0.1:9999/v1/realtime');
    const check = verifyEngineToken(minted.clientSecret, 'engine-secret');
    expect(check.ok && check.claims.agent).toBe('practice-partner');
  });

  it('puts the same GA session config it would send to OpenAI into the token', async () => {
    const local = fakeFetch(200, { ok: true });
    const minted = await mintRealtimeSecret(
      { agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1', overrides: { voice: 'cedar' } },
      { env: localEnv, fetchImpl: local.fetchImpl, limits: limits() },
    );
    const openai = fakeFetch(200, { value: 'ek_abc', expires_at: 1 });
    await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1', overrides: { voice: 'cedar' } }, { env: openaiEnv, fetchImpl: openai.fetchImpl, limits: limits() });
    const check = verifyEngineToken(minted.clientSecret, 'engine-secret');
    expect(check.ok && check.claims.session).toEqual(JSON.parse(String(openai.calls[0]!.init.body)).session);
    expect(check.ok && check.claims.jti).toMatch(/^tok_/);
  });

  it('fits the longest built-in role-play prompt into a token a WebSocket header carries', async () => {
    const { fetchImpl } = fakeFetch(200, { ok: true });
    for (const scenario of BUILTIN_SCENARIOS) {
      for (const difficulty of DIFFICULTIES) {
        const config = buildRoleplayAgentConfig(scenario, difficulty);
        const minted = await mintRealtimeSecret({ agentId: config.id, subject: 'a', clientIp: '10.0.0.1', config }, { env: localEnv, fetchImpl, limits: limits() });
        expect(config.instructions.length).toBeGreaterThan(3000);
        expect(minted.clientSecret.length).toBeLessThan(ENGINE_TOKEN_MAX_CHARS);
        const check = verifyEngineToken(minted.clientSecret, 'engine-secret');
        expect(check.ok && check.claims.session?.instructions).toBe(config.instructions);
      }
    }
  });

  it('reports engine_unavailable when the engine does not answer', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('ECONNREFUSED');
    };
    expect(await codeOf(mintRealtimeSecret({ agentId: 'practice-partner', subject: 'a', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl: failing, limits: limits() }))).toBe('engine_unavailable');
  });

  it('lets a passed health check stand for the next mints of a burst, never a failed one', async () => {
    let up = true;
    const calls: string[] = [];
    const flaky: FetchLike = async (url) => {
      calls.push(url);
      if (!up) throw new TypeError('ECONNREFUSED');
      return new Response('{"ok":true}', { status: 200 });
    };
    const mintOnce = () => mintRealtimeSecret({ agentId: 'practice-partner', subject: 'a', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl: flaky, limits: limits() });
    await mintOnce();
    await mintOnce();
    expect(calls).toHaveLength(1);
    const later = performance.now() + 2500;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => later);
    up = false;
    expect(await codeOf(mintOnce())).toBe('engine_unavailable');
    expect(await codeOf(mintOnce())).toBe('engine_unavailable');
    expect(calls).toHaveLength(3);
    now.mockRestore();
  });

  it('shares one health check among mints that arrive while it runs', async () => {
    let checks = 0;
    let release: () => void = () => undefined;
    const slow: FetchLike = async () => {
      checks++;
      await new Promise<void>((r) => (release = r));
      return new Response('{"ok":true}', { status: 200 });
    };
    const mints = Array.from({ length: 5 }, () => mintRealtimeSecret({ agentId: 'practice-partner', subject: 'a', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl: slow, limits: limits() }));
    await vi.waitFor(() => expect(checks).toBe(1));
    release();
    expect((await Promise.all(mints)).every((m) => m.backend === 'local')).toBe(true);
    expect(checks).toBe(1);
  });

  it('reports misconfigured without an engine secret', async () => {
    const { fetchImpl } = fakeFetch(200, {});
    expect(await codeOf(mintRealtimeSecret({ agentId: 'practice-partner', subject: 'a', clientIp: '10.0.0.1' }, { env: parseEnv({}), fetchImpl, limits: limits() }))).toBe('misconfigured');
  });
});

describe('mint guards', () => {
  it('refuses unknown agents before spending anything', async () => {
    const fetchImpl = vi.fn<FetchLike>();
    expect(await codeOf(mintRealtimeSecret({ agentId: 'ghost', subject: 'a', clientIp: '10.0.0.1' }, { env: openaiEnv, fetchImpl, limits: limits() }))).toBe('unknown_agent');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('rate-limits per client', async () => {
    const { fetchImpl } = fakeFetch(200, { value: 'ek_1', expires_at: 1 });
    const deps = { env: openaiEnv, fetchImpl, limits: testMintLimits({ perSubject: 2 }) };
    await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, deps);
    await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, deps);
    const limited = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'a', clientIp: '10.0.0.1' }, deps).catch((e: unknown) => e);
    expect(limited).toMatchObject({ code: 'rate_limited' });
    expect((limited as ModelAccessError).retryAfterSeconds).toBeGreaterThan(0);
    expect(await codeOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 'b', clientIp: '10.0.0.2' }, deps))).toBe('no error');
  });
});
