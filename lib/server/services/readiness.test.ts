import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { checkReadiness } from './readiness';

const localEnv = parseEnv({ CUE_REALTIME_BACKEND: 'local', CUE_ENGINE_URL: 'ws://127.0.0.1:9999/v1/realtime', CUE_ENGINE_SUPERVISED: '1' });
const up = async () => new Response('{"ok":true}');

describe('checkReadiness', () => {
  it('is ok when the database and the engine answer', async () => {
    const urls: string[] = [];
    const r = await checkReadiness({ env: localEnv, pingDatabase: async () => 1, fetchImpl: (async (url: string) => (urls.push(url), up())) as typeof fetch });
    expect(r).toMatchObject({ ok: true, database: { ok: true }, engine: { ok: true, backend: 'local', supervised: true } });
    expect(urls).toEqual(['http://127.0.0.1:9999/health']);
  });

  it('says which part is down, and gives up on a stalled database within the timeout', async () => {
    const started = Date.now();
    const r = await checkReadiness({
      env: localEnv,
      pingDatabase: () => new Promise(() => undefined),
      fetchImpl: (async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:9999');
      }) as typeof fetch,
      timeoutMs: 150,
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r).toMatchObject({ ok: false, database: { ok: false, error: 'no answer within 150 ms' }, engine: { ok: false, error: 'connect ECONNREFUSED 127.0.0.1:9999' } });
  });

  it('does not ask an engine that is not the backend', async () => {
    const r = await checkReadiness({ env: parseEnv({ OPENAI_API_KEY: 'sk-x' }), pingDatabase: async () => 1, fetchImpl: (() => Promise.reject(new Error('asked'))) as typeof fetch });
    expect(r).toEqual({ ok: true, database: { ok: true, ms: expect.any(Number) }, engine: { ok: true, backend: 'openai' } });
  });
});
