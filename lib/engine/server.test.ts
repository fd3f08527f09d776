import { networkInterfaces } from 'node:os';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHandle } from './server';
import { mintEngineToken } from './token';
import { control, mint, RawClient, sleep, startTestEngine, TEST_SECRET } from './test-support';

/** Upgrade auth, HTTP routes and test controls, over raw sockets. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterEach(async () => {
  await control(engine, 'DELETE', '/__test/faults');
});
afterAll(() => engine.close());

function upgrade(url: string, opts: { headers?: Record<string, string>; protocols?: string[] } = {}): Promise<{ status: number; body: unknown; protocol?: string; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts.protocols ?? [], { headers: opts.headers });
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.on('open', () => resolve({ status: 101, body: null, protocol: ws.protocol, ws }));
    ws.on('error', (e) => (e.message.includes('Unexpected server response') ? undefined : reject(e)));
  });
}

describe('upgrade auth', () => {
  it('accepts the browser subprotocol form and answers with the realtime subprotocol', async () => {
    const token = mint('hint-assistant');
    const res = await upgrade(`${engine.url}?model=gpt-realtime-mini`, { protocols: ['realtime', `openai-insecure-api-key.${token.value}`, 'openai-agents-sdk.0.20.0'] });
    expect(res.status).toBe(101);
    expect(res.protocol).toBe('realtime');
    res.ws?.close();
    const sessions = (await control(engine, 'GET', '/__test/sessions')).json as { id: string; agent: string; open: boolean; connectedAt: string }[];
    expect(sessions.at(-1)).toMatchObject({ id: token.sessionId, agent: 'hint-assistant' });
    expect(Number.isNaN(Date.parse(sessions.at(-1)?.connectedAt ?? ''))).toBe(false);
  });

  it('accepts a Bearer header and reports the model from the query', async () => {
    const client = await RawClient.connect(`${engine.url}?model=gpt-realtime-mini`, mint().value);
    const created = client.events[0] as unknown as { session: { model: string; object: string; audio: { input: { turn_detection: unknown } } } };
    expect(created.session.model).toBe('gpt-realtime-mini');
    expect(created.session.object).toBe('realtime.session');
    client.close();
  });

  it.each([
    ['a missing token', {}, 'invalid_token'],
    ['a forged token', { authorization: `Bearer ${mintEngineToken({ secret: 'other', agentId: 'a', ttlSeconds: 60 }).value}` }, 'invalid_token'],
    ['an expired token', { authorization: `Bearer ${mintEngineToken({ secret: TEST_SECRET, agentId: 'a', ttlSeconds: 10, now: Date.now() - 60_000 }).value}` }, 'expired_token'],
  ])('answers %s with HTTP 401 %s', async (_label, headers, code) => {
    const res = await upgrade(engine.url, { headers });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('only upgrades on /v1/realtime', async () => {
    const res = await upgrade(engine.url.replace('/v1/realtime', '/v1/other'), { headers: { authorization: `Bearer ${mint().value}` } });
    expect(res.status).toBe(404);
  });
});

describe('http routes', () => {
  it('answers /health always and 404 elsewhere', async () => {
    expect(await control(engine, 'GET', '/health')).toEqual({ status: 200, json: { ok: true, sessions: expect.any(Number), joining: 0, capacity: 150, atCapacity: false, speech: engine.speech, pid: process.pid } });
    expect((await control(engine, 'GET', '/nope')).status).toBe(404);
  });

  it('has no test controls unless enabled', async () => {
    const plain = await startTestEngine({ testControls: false });
    try {
      expect((await control(plain, 'GET', '/__test/sessions')).status).toBe(404);
      expect((await control(plain, 'POST', '/__test/faults', { refuseConnections: true })).status).toBe(404);
      expect((await control(plain, 'GET', '/health')).json).toMatchObject({ ok: true, sessions: 0, capacity: 150 });
    } finally {
      await plain.close();
    }
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
  it.skipIf(!external)('refuses test controls to non-loopback clients with 403', async () => {
    const wide = await startTestEngine({ host: '0.0.0.0' });
    try {
      const res = await fetch(`http://${external}:${wide.port}/__test/sessions`);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      expect((await fetch(`http://${external}:${wide.port}/health`)).status).toBe(200);
    } finally {
      await wide.close();
    }
  });
});

describe('test controls', () => {
  it('refuses, delays and clears connection faults', async () => {
    await control(engine, 'POST', '/__test/faults', { refuseConnections: true });
    const refused = await upgrade(engine.url, { headers: { authorization: `Bearer ${mint().value}` } });
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'engine_unavailable' } } });
    expect((await control(engine, 'POST', '/__test/faults', { refuseConnections: false, connectDelayMs: 300 })).json).toEqual({
      ok: true,
      faults: { refuseConnections: false, connectDelayMs: 300, responseDelayMs: 0, transcriptionLagMs: null },
    });
    const t0 = Date.now();
    const client = await RawClient.connect(engine.url, mint().value);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    client.close();
    expect((await control(engine, 'DELETE', '/__test/faults')).json).toEqual({ ok: true, faults: { refuseConnections: false, connectDelayMs: 0, responseDelayMs: 0, transcriptionLagMs: null } });
    expect((await control(engine, 'POST', '/__test/faults', { connectDelayMs: -1 })).status).toBe(400);
  });

  it('delays the first output of a response by responseDelayMs', async () => {
    await control(engine, 'POST', '/__test/faults', { responseDelayMs: 400 });
    const client = await RawClient.connect(engine.url, mint().value);
    client.send({ type: 'response.create' });
    const created = await client.next('response.created');
    const t0 = Date.now();
    await client.next('response.output_item.added');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    expect(created).toBeDefined();
    client.close();
  });

  it('injects an error event, records received events, and drops the socket without a close frame', async () => {
    const token = mint();
    const client = await RawClient.connect(engine.url, token.value);
    client.send({ type: 'input_audio_buffer.append', event_id: 'evt_a', audio: Buffer.alloc(4800).toString('base64') });
    client.send({ type: 'bogus.event' });
    await client.next('error');
    expect((await control(engine, 'POST', `/__test/sessions/${token.sessionId}/error`, { code: 'server_error', message: 'The engine had a hiccup' })).status).toBe(200);
    const injected = await client.next('error', (e) => (e.error as { message: string }).message === 'The engine had a hiccup');
    expect(injected.error).toEqual({ type: 'server_error', code: 'server_error', message: 'The engine had a hiccup', param: null, event_id: null });
    const appends = (await control(engine, 'GET', `/__test/sessions/${token.sessionId}/received?type=input_audio_buffer.append`)).json;
    expect(appends).toEqual([{ type: 'input_audio_buffer.append', event_id: 'evt_a', audio: '[4800 bytes elided]', audio_bytes: 4800 }]);
    const all = (await control(engine, 'GET', '/__test/sessions/latest/received')).json as { type: string }[];
    expect(all.map((e) => e.type)).toEqual(['input_audio_buffer.append', 'bogus.event']);
    const closed = new Promise<number>((resolve) => client.ws.on('close', (code) => resolve(code)));
    expect((await control(engine, 'POST', '/__test/sessions/latest/drop')).status).toBe(200);
    expect(await closed).toBe(1006);
    const sessions = (await control(engine, 'GET', '/__test/sessions')).json as { id: string; open: boolean }[];
    expect(sessions.find((s) => s.id === token.sessionId)?.open).toBe(false);
    expect((await control(engine, 'POST', `/__test/sessions/${token.sessionId}/utterance`, { text: 'hi' })).status).toBe(409);
  });

  it('validates bodies and names unknown sessions', async () => {
    const client = await RawClient.connect(engine.url, mint().value);
    expect((await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: '' })).status).toBe(400);
    expect((await control(engine, 'POST', '/__test/sessions/nope/utterance', { text: 'hello' })).json).toMatchObject({ ok: false, error: { code: 'session_not_found' } });
    const bad = await fetch(`${engine.httpUrl}/__test/faults`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
    client.send({ type: 'response.create' });
    await client.next('response.created');
    const busy = await control(engine, 'POST', '/__test/sessions/latest/tool-call', { name: 'x', arguments: {} });
    expect(busy).toMatchObject({ status: 409, json: { error: { code: 'conversation_already_has_active_response' } } });
    await sleep(10);
    client.close();
  });
});
