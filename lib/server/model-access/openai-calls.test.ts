import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { callIdFromLocation, enforceCallLength, hangUpCall, relayCallOffer, sidebandUrl } from './openai-calls';
import type { FetchLike } from './openai-client-secrets';

/** OpenAI's HTTP side faked at the fetch boundary; its sideband WebSocket faked by a local ws server. */
type Call = { url: string; init: RequestInit };
function fakeFetch(respond: (url: string, init: RequestInit) => Response): { fetchImpl: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return { calls, fetchImpl: async (url, init) => (calls.push({ url, init }), respond(url, init)) };
}
const headersOf = (c: Call) => new Headers(c.init.headers as HeadersInit);

describe('relaying the WebRTC offer', () => {
  it('posts the SDP with the client secret to <realtime>/calls and reads the call id from Location', async () => {
    const { fetchImpl, calls } = fakeFetch(() => new Response('v=0 answer', { status: 201, headers: { location: '/v1/realtime/calls/rtc_u1_abc123', 'content-type': 'application/sdp' } }));
    const answer = await relayCallOffer({ callsUrl: 'https://api.openai.com/v1/realtime/calls', clientSecret: 'ek_test', sdp: 'v=0 offer', timeoutMs: 1000, fetchImpl });
    expect(answer).toEqual({ sdp: 'v=0 answer', callId: 'rtc_u1_abc123' });
    expect(calls[0]!.url).toBe('https://api.openai.com/v1/realtime/calls');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe('v=0 offer');
    expect(headersOf(calls[0]!).get('authorization')).toBe('Bearer ek_test');
    expect(headersOf(calls[0]!).get('content-type')).toBe('application/sdp');
  });

  it('maps upstream failures to typed errors, and refuses an answer without a call id', async () => {
    const expired = fakeFetch(() => new Response('{"error":{"message":"expired"}}', { status: 401 }));
    await expect(relayCallOffer({ callsUrl: 'https://x/v1/realtime/calls', clientSecret: 'ek', sdp: 'o', timeoutMs: 1000, fetchImpl: expired.fetchImpl })).rejects.toMatchObject({ code: 'upstream_unauthorized' });
    const busy = fakeFetch(() => new Response('slow down', { status: 429, headers: { 'retry-after': '7' } }));
    await expect(relayCallOffer({ callsUrl: 'https://x/v1/realtime/calls', clientSecret: 'ek', sdp: 'o', timeoutMs: 1000, fetchImpl: busy.fetchImpl })).rejects.toMatchObject({ code: 'upstream_rate_limited', retryAfterSeconds: 7 });
    const noId = fakeFetch(() => new Response('v=0', { status: 201 }));
    await expect(relayCallOffer({ callsUrl: 'https://x/v1/realtime/calls', clientSecret: 'ek', sdp: 'o', timeoutMs: 1000, fetchImpl: noId.fetchImpl })).rejects.toMatchObject({ code: 'upstream_unavailable', detail: 'the SDP answer carried no call id (Location header)' });
    const down: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(relayCallOffer({ callsUrl: 'https://x/v1/realtime/calls', clientSecret: 'ek', sdp: 'o', timeoutMs: 1000, fetchImpl: down })).rejects.toMatchObject({ code: 'upstream_unavailable' });
  });

  it('reads call ids from absolute and relative Locations only', () => {
    expect(callIdFromLocation('https://api.openai.com/v1/realtime/calls/rtc_9?x=1')).toBe('rtc_9');
    expect(callIdFromLocation('/v1/realtime/calls/rtc_9')).toBe('rtc_9');
    expect(callIdFromLocation('/v1/realtime/sessions/abc')).toBeNull();
    expect(callIdFromLocation(null)).toBeNull();
  });
});

describe('hanging up and the sideband URL', () => {
  it('posts <base>/realtime/calls/<id>/hangup with the server key; an already ended call is fine', async () => {
    const ok = fakeFetch(() => new Response(null, { status: 200 }));
    await hangUpCall({ apiKey: 'sk-server', baseUrl: 'https://api.openai.com/v1/', callId: 'rtc_1', timeoutMs: 1000, fetchImpl: ok.fetchImpl });
    expect(ok.calls[0]!.url).toBe('https://api.openai.com/v1/realtime/calls/rtc_1/hangup');
    expect(ok.calls[0]!.init.method).toBe('POST');
    expect(headersOf(ok.calls[0]!).get('authorization')).toBe('Bearer sk-server');
    const gone = fakeFetch(() => new Response('not found', { status: 404 }));
    await expect(hangUpCall({ apiKey: 'k', baseUrl: 'https://api.openai.com/v1', callId: 'rtc_1', timeoutMs: 1000, fetchImpl: gone.fetchImpl })).resolves.toBeUndefined();
    const broken = fakeFetch(() => new Response('oops', { status: 500 }));
    await expect(hangUpCall({ apiKey: 'k', baseUrl: 'https://api.openai.com/v1', callId: 'rtc_1', timeoutMs: 1000, fetchImpl: broken.fetchImpl })).rejects.toMatchObject({ code: 'upstream_unavailable' });
  });

  it('builds wss://…/v1/realtime?call_id=… from the base URL or CUE_REALTIME_URL', () => {
    expect(sidebandUrl({ baseUrl: 'https://api.openai.com/v1', callId: 'rtc_1' })).toBe('wss://api.openai.com/v1/realtime?call_id=rtc_1');
    expect(sidebandUrl({ baseUrl: 'https://api.openai.com/v1', realtimeUrl: 'https://edge.example.com/v1/realtime/', callId: 'rtc_2' })).toBe('wss://edge.example.com/v1/realtime?call_id=rtc_2');
    expect(sidebandUrl({ baseUrl: 'http://127.0.0.1:9/v1', callId: 'rtc_3' })).toBe('ws://127.0.0.1:9/v1/realtime?call_id=rtc_3');
  });
});

describe('enforcing the session length through the call id and the sideband', () => {
  let wss: WebSocketServer;
  let base = '';
  const upgrades: { url: string; auth: string | undefined; socket: WebSocket }[] = [];
  beforeAll(async () => {
    wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    base = `http://127.0.0.1:${(wss.address() as AddressInfo).port}/v1`;
    wss.on('connection', (socket: WebSocket, req: IncomingMessage) => upgrades.push({ url: req.url ?? '', auth: req.headers.authorization, socket }));
  });
  afterAll(() => new Promise<void>((r) => wss.close(() => r())));

  it('opens the sideband with the server key, hangs the call up at its limit, then closes the sideband', async () => {
    const hangups = fakeFetch(() => new Response(null, { status: 200 }));
    const lines: string[] = [];
    const limit = enforceCallLength({ apiKey: 'sk-server', baseUrl: base, callId: 'rtc_limit', maxSeconds: 0.3, timeoutMs: 1000, fetchImpl: hangups.fetchImpl, log: (l) => lines.push(l) });
    await expect.poll(() => upgrades.length).toBe(1);
    expect(upgrades[0]).toMatchObject({ url: '/v1/realtime?call_id=rtc_limit', auth: 'Bearer sk-server' });
    const closed = new Promise<void>((r) => upgrades[0]!.socket.once('close', () => r()));
    expect(hangups.calls).toHaveLength(0);
    expect(await limit.ended).toBe('hung_up');
    expect(hangups.calls.map((c) => c.url)).toEqual([`${base}/realtime/calls/rtc_limit/hangup`]);
    await closed;
    expect(lines).toEqual(['[realtime-call] rtc_limit: hung up at its limit of 0.3 s']);
  });

  it('does not hang up a call that ended first (the service closed the sideband)', async () => {
    const hangups = fakeFetch(() => new Response(null, { status: 200 }));
    const limit = enforceCallLength({ apiKey: 'sk', baseUrl: base, callId: 'rtc_short', maxSeconds: 0.5, timeoutMs: 1000, fetchImpl: hangups.fetchImpl, log: () => undefined });
    await expect.poll(() => upgrades.some((u) => u.url.endsWith('rtc_short'))).toBe(true);
    upgrades.find((u) => u.url.endsWith('rtc_short'))!.socket.close();
    expect(await limit.ended).toBe('ended');
    await new Promise((r) => setTimeout(r, 700));
    expect(hangups.calls).toHaveLength(0);
  });

  it('retries a failing hangup, and says so when it keeps failing', async () => {
    let n = 0;
    const flaky = fakeFetch(() => new Response(null, { status: ++n < 3 ? 503 : 200 }));
    const first = enforceCallLength({ apiKey: 'sk', baseUrl: base, callId: 'rtc_retry', maxSeconds: 0.1, timeoutMs: 1000, fetchImpl: flaky.fetchImpl, log: () => undefined, retryDelayMs: 10 });
    expect(await first.ended).toBe('hung_up');
    expect(flaky.calls).toHaveLength(3);
    const never = fakeFetch(() => new Response(null, { status: 500 }));
    const second = enforceCallLength({ apiKey: 'sk', baseUrl: base, callId: 'rtc_fail', maxSeconds: 0.1, timeoutMs: 1000, fetchImpl: never.fetchImpl, log: () => undefined, retryDelayMs: 10 });
    expect(await second.ended).toBe('hang_up_failed');
    expect(never.calls).toHaveLength(3);
  });

  it('still hangs up when the sideband cannot be opened', async () => {
    const hangups = fakeFetch(() => new Response(null, { status: 200 }));
    const limit = enforceCallLength({ apiKey: 'sk', baseUrl: 'http://127.0.0.1:1/v1', callId: 'rtc_nosb', maxSeconds: 0.2, timeoutMs: 1000, fetchImpl: hangups.fetchImpl, log: () => undefined });
    // The refused sideband closes at once: that must not count as "the call ended".
    expect(await limit.ended).toBe('hung_up');
    expect(hangups.calls).toHaveLength(1);
  });
});
