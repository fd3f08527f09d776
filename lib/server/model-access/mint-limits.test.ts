import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { parseEnv } from '@/lib/server/env-schema';
import { verifyEngineToken } from '@/lib/engine/token';
import { createMintLimits } from '@/lib/server/limits/mint-limits';
import { fakeMinutes, testMintLimits } from '@/lib/server/limits/test-support';
import { clientIpFrom, PEER_ADDRESS_HEADER } from './client-ip';
import { ModelAccessError } from './errors';
import { mintRealtimeSecret } from './mint';
import type { FetchLike } from './openai-client-secrets';

/** The mint's limits: per address, per subject, minutes per day, and why a spoofed X-Forwarded-For buys nothing. */
const localEnv = parseEnv({ CUE_ENGINE_SECRET: 'engine-secret', CUE_ENGINE_URL: 'ws://127.0.0.1:9999/v1/realtime' });
const healthy: FetchLike = async () => new Response('{"ok":true}', { status: 200 });
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ModelAccessError);

describe('mint limits', () => {
  it('limits per client address across subjects, and per subject across addresses', async () => {
    const limits = testMintLimits({ perIp: 2, perSubject: 2 });
    const deps = { env: localEnv, fetchImpl: healthy, limits };
    await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's1', clientIp: '10.0.0.1' }, deps);
    await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's2', clientIp: '10.0.0.1' }, deps);
    expect(await errorOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's3', clientIp: '10.0.0.1' }, deps))).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 42 });
    await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's1', clientIp: '10.0.0.2' }, deps);
    expect(await errorOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's1', clientIp: '10.0.0.3' }, deps))).toMatchObject({ code: 'rate_limited' });
  });

  it('refuses once the day is spent, saying how much and when it renews', async () => {
    const limits = { ...testMintLimits(), minutes: fakeMinutes(30) };
    const error = await errorOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl: healthy, limits }));
    expect(error).toMatchObject({ code: 'minutes_exhausted', retryAfterSeconds: 3600 });
    expect(error?.message).toBe("Today's realtime minutes are used up (0 of 0). They renew at midnight UTC, in 1 h.");
  });

  it('caps the local session at the minutes granted, and gives them back when the mint fails', async () => {
    const minutes = fakeMinutes(600);
    const minted = await mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl: healthy, limits: { ...testMintLimits(), minutes } });
    const check = verifyEngineToken(minted.clientSecret, 'engine-secret');
    expect(check.ok && check.claims.max_session_s).toBe(600);
    const down: FetchLike = async () => {
      throw new Error('ECONNREFUSED');
    };
    const spare = fakeMinutes(600);
    const error = await errorOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's', clientIp: '10.0.0.1' }, { env: localEnv, fetchImpl: down, limits: { ...testMintLimits(), minutes: spare } }));
    expect(error?.code).toBe('engine_unavailable');
    expect(spare.cancelled).toHaveLength(1);
  });
});

describe('a rotating X-Forwarded-For does not buy more mints (the database limiter, PGlite)', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDatabase({ pgliteDir: 'memory://mint-spoof' });
    await migrateDatabase(handle);
  }, 60_000);
  afterAll(() => handle.close());

  const attempt = async (hops: number, forwarded: string, peer = '127.0.0.1') => {
    const headers = new Headers({ 'x-forwarded-for': forwarded, [PEER_ADDRESS_HEADER]: peer });
    const clientIp = clientIpFrom(headers, hops);
    const e = parseEnv({ CUE_MINT_RATE_LIMIT_PER_MINUTE: '20', CUE_MINT_RATE_LIMIT_PER_IP_PER_MINUTE: '20', CUE_REALTIME_MINUTES_PER_DAY: '100000' });
    const limits = createMintLimits(() => handle.db, e);
    return mintRealtimeSecret({ agentId: 'hint-assistant', subject: `ip:${clientIp}`, clientIp }, { env: localEnv, fetchImpl: healthy, limits }).then(
      () => true,
      (err: unknown) => {
        if (err instanceof ModelAccessError && err.code === 'rate_limited') return false;
        throw err;
      },
    );
  };

  it('with no trusted proxy: 200 attempts with 200 different headers from one connection get 20 mints', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 1, 10, 0, 5), toFake: ['Date'] });
    try {
      const results = [];
      for (let i = 0; i < 200; i += 1) results.push(await attempt(0, `203.0.113.${i % 250}, 198.51.100.${i % 250}`));
      expect(results.filter(Boolean)).toHaveLength(20);
    } finally {
      vi.useRealTimers();
    }
  });

  it('behind one trusted proxy: the entry the proxy appended counts, not what the client wrote before it', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 1, 11, 0, 5), toFake: ['Date'] });
    try {
      const results = [];
      for (let i = 0; i < 60; i += 1) results.push(await attempt(1, `10.9.${i}.1, 192.0.2.7`, '10.0.0.254'));
      expect(results.filter(Boolean)).toHaveLength(20);
      expect(await attempt(1, '192.0.2.8', '10.0.0.254')).toBe(true); // a different real client still gets in
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('clientIpFrom', () => {
  const h = (forwarded: string | null, peer: string | null) => {
    const headers = new Headers();
    if (forwarded !== null) headers.set('x-forwarded-for', forwarded);
    if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peer);
    return headers;
  };
  it('ignores X-Forwarded-For with no trusted hops and uses the connection address', () => {
    expect(clientIpFrom(h('1.2.3.4', '::ffff:127.0.0.1'), 0)).toBe('127.0.0.1');
    expect(clientIpFrom(h('1.2.3.4', null), 0)).toBe('unknown');
  });
  it('takes the Nth entry from the right with N hops', () => {
    expect(clientIpFrom(h('6.6.6.6, 1.1.1.1, 2.2.2.2', '10.0.0.1'), 1)).toBe('2.2.2.2');
    expect(clientIpFrom(h('6.6.6.6, 1.1.1.1, 2.2.2.2', '10.0.0.1'), 2)).toBe('1.1.1.1');
    expect(clientIpFrom(h('[2001:db8::1]', '10.0.0.1'), 1)).toBe('2001:db8::1');
    expect(clientIpFrom(h('1.1.1.1:5555', '10.0.0.1'), 1)).toBe('1.1.1.1');
  });
  it('falls back to the connection when fewer entries than hops arrived', () => {
    expect(clientIpFrom(h('2.2.2.2', '10.0.0.1'), 2)).toBe('10.0.0.1');
    expect(clientIpFrom(h(null, '10.0.0.1'), 1)).toBe('10.0.0.1');
  });
});

describe('a supervised engine that is down', () => {
  it('says the engine is restarting, with a short retry', async () => {
    const down: FetchLike = async () => {
      throw new Error('ECONNREFUSED');
    };
    const env = parseEnv({ CUE_ENGINE_SECRET: 'engine-secret', CUE_ENGINE_SUPERVISED: '1' });
    const error = await errorOf(mintRealtimeSecret({ agentId: 'hint-assistant', subject: 's', clientIp: '10.0.0.1' }, { env, fetchImpl: down, limits: testMintLimits() }));
    expect(error).toMatchObject({ code: 'engine_unavailable', retryAfterSeconds: 3, message: 'The local engine is restarting (it stopped unexpectedly). Try again in a few seconds.' });
  });
});
