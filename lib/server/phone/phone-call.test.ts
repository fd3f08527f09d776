import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePhoneAgent, type PhoneAgentConfig } from '@/lib/contracts/phone-agent';
import { phoneReceptionist } from '@/agents/phone-receptionist';
import { FakeTwilioCall, parseStreamTwiml, postVoiceWebhook } from './test-support/fake-twilio';
import { ACCOUNT_SID, AUTH_TOKEN, startPhoneHarness, type PhoneHarness } from './test-support/phone-harness';
import type { PhoneCall } from './call-session';

/**
 * Full calls through a fake Twilio: signed webhook -> TwiML -> signed /call upgrade -> connected/start/media/stop,
 * marks echoed, clear on barge-in, against the local engine speaking mu-law.
 */
let h: PhoneHarness;
let hooks: http.Server;
let hookUrl = '';
const hookCalls: { body: unknown; secret: string | undefined }[] = [];

function receptionistWithTools(url: string, overrides: Partial<PhoneAgentConfig> = {}): PhoneAgentConfig {
  return definePhoneAgent({
    ...phoneReceptionist,
    greeting: 'Hello, you reached the test line.',
    webhookTools: [
      {
        name: 'check_order_status',
        description: 'Look up an order by its number and say where it is.',
        parameters: { type: 'object', properties: { order_id: { type: 'string' } }, required: ['order_id'] },
        url: `${url}/orders`,
        secretHeader: { name: 'X-Cue-Secret', value: 'hook-secret' },
        timeoutMs: 2000,
      },
      {
        name: 'book_appointment',
        description: 'Book an appointment slot for the caller (this one is slow).',
        parameters: { type: 'object', properties: { when: { type: 'string' } }, required: ['when'] },
        url: `${url}/slow`,
        timeoutMs: 300,
      },
    ],
    ...overrides,
  });
}

beforeAll(async () => {
  hooks = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      hookCalls.push({ body: JSON.parse(body || '{}'), secret: req.headers['x-cue-secret'] as string | undefined });
      if (req.url === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2000);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'shipped', carrier: 'DHL' }));
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`;
  h = await startPhoneHarness({ agents: [receptionistWithTools(hookUrl)] });
});

afterAll(async () => {
  await h?.close();
  await new Promise((r) => hooks.close(r));
});

async function dial(from = '+14155550100'): Promise<{ call: FakeTwilioCall; server: PhoneCall }> {
  const answer = await postVoiceWebhook({ appUrl: h.appUrl, publicBase: h.appUrl, authToken: AUTH_TOKEN, params: { CallSid: 'CA1', AccountSid: ACCOUNT_SID, From: from, To: '+18005550199', CallStatus: 'ringing', Direction: 'inbound' } });
  expect(answer.status).toBe(200);
  const stream = parseStreamTwiml(answer.body);
  const before = new Set(h.gateway.calls);
  const call = await FakeTwilioCall.connect(stream, { authToken: AUTH_TOKEN });
  let server: PhoneCall | undefined;
  await call.until(() => (server = [...h.gateway.calls].find((c) => !before.has(c))) !== undefined, 2000, 'the server call');
  return { call, server: server as PhoneCall };
}

function row(server: PhoneCall) {
  const r = h.store.rows.get(server.id);
  if (!r) throw new Error(`no call log row for ${server.id}`);
  return r;
}

async function engineSays(server: PhoneCall, text: string): Promise<void> {
  const res = await fetch(`${h.engine.httpUrl}/__test/sessions/${server.engineSessionId}/utterance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  expect(res.status).toBe(200);
}

async function engineSession(server: PhoneCall): Promise<{ config: { instructions: string; audio: { input: { format: { type: string } }; output: { format: { type: string } } } }; conversation: { role?: string; content?: { transcript?: string }[] }[] }> {
  return (await (await fetch(`${h.engine.httpUrl}/__test/sessions/${server.engineSessionId}`)).json()) as never;
}

const agentLines = (server: PhoneCall) => (row(server).transcript ?? []).filter((l) => l.speaker === 'agent').map((l) => l.text);

describe('the voice webhook', () => {
  it('answers <Connect><Stream> on the public wss URL with agent and call ids as <Parameter>s, no query string', async () => {
    const answer = await postVoiceWebhook({ appUrl: h.appUrl, publicBase: h.appUrl, authToken: AUTH_TOKEN, params: { CallSid: 'CA9', From: '+14155550100', To: '+18005550199' } });
    expect(answer.status).toBe(200);
    const stream = parseStreamTwiml(answer.body);
    expect(stream.url).toBe(`${h.appUrl.replace('http', 'ws')}/call`);
    expect(new URL(stream.url).search).toBe('');
    expect(stream.parameters).toMatchObject({ agentId: 'phone-receptionist', from: '+14155550100', to: '+18005550199' });
    expect(stream.parameters.callId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing, wrong or other-URL signature with 403', async () => {
    const params = { CallSid: 'CA9', From: '+14155550100', To: '+18005550199' };
    for (const signature of [null, 'bm90IGEgc2lnbmF0dXJl']) {
      const answer = await postVoiceWebhook({ appUrl: h.appUrl, publicBase: h.appUrl, authToken: AUTH_TOKEN, params, signature });
      expect(answer.status).toBe(403);
    }
    const otherUrl = await postVoiceWebhook({ appUrl: h.appUrl, publicBase: 'https://elsewhere.example.com', authToken: AUTH_TOKEN, params });
    expect(otherUrl.status).toBe(403);
    const otherToken = await postVoiceWebhook({ appUrl: h.appUrl, publicBase: h.appUrl, authToken: 'not-the-token', params });
    expect(otherToken.status).toBe(403);
    expect(h.logs.some((l) => l.includes('missing X-Twilio-Signature'))).toBe(true);
  });

  it('refuses a /call upgrade with a missing or wrong signature before any socket opens', async () => {
    const stream = { url: `${h.appUrl.replace('http', 'ws')}/call`, parameters: {} };
    await expect(FakeTwilioCall.connect(stream, { authToken: AUTH_TOKEN, signature: null })).rejects.toThrow('HTTP 403');
    await expect(FakeTwilioCall.connect(stream, { authToken: 'wrong-token' })).rejects.toThrow('HTTP 403');
    expect(h.logs.some((l) => l.includes('/call upgrade refused: bad X-Twilio-Signature'))).toBe(true);
  });
});

describe('a call', () => {
  it('greets first in mu-law, marks are echoed, and stop saves the log', async () => {
    const { call, server } = await dial();
    await call.until((c) => c.stats.marksReceived > 0 && c.received.some((m) => m.event === 'mark' && String((m.mark as { name: string }).name).startsWith('done:')), 8000, 'the greeting');
    const session = await engineSession(server);
    expect(session.config.audio.input.format.type).toBe('audio/pcmu');
    expect(session.config.audio.output.format.type).toBe('audio/pcmu');
    await call.until((c) => c.idle && c.stats.marksEchoed >= c.stats.marksReceived, 10_000, 'the greeting to play out');
    expect(call.stats.bytesReceived).toBeGreaterThan(8 * 1000);
    expect(call.stats.bytesReceived % 1).toBe(0);
    expect(call.protocolErrors).toEqual([]);
    await call.until(() => agentLines(server).includes('Hello, you reached the test line.'), 3000, 'the greeting in the log');
    call.hangUp();
    await server.done;
    const saved = row(server);
    expect(saved).toMatchObject({ status: 'completed', endReason: 'caller_hung_up', source: 'twilio', agentId: 'phone-receptionist', fromNumber: '+14155550100', callSid: call.callSid });
    expect(saved.durationMs).toBeGreaterThan(0);
    expect(saved.usage).toMatchObject({ requests: expect.any(Number) });
  });
});
