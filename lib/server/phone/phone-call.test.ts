import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePhoneAgent, type PhoneAgentConfig } from '@/lib/contracts/phone-agent';
import { phoneReceptionist } from '@/agents/phone-receptionist';
import { HERO } from '@/lib/assist/demo/generate';
import { ensureAssistDemoData } from '@/lib/server/db/assist-seed';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { FakeTwilioCall, parseStreamTwiml, postVoiceWebhook } from './test-support/fake-twilio';
import { ACCOUNT_SID, AUTH_TOKEN, startPhoneHarness, type PhoneHarness } from './test-support/phone-harness';
import type { PhoneCall } from './call-session';
import { signSimulatorToken, SIMULATOR_PROTOCOL_PREFIX } from './simulator-token';

/**
 * Full calls through a fake Twilio: signed webhook -> TwiML -> signed /call upgrade -> connected/start/media/stop,
 * marks echoed, clear on barge-in, against the local engine speaking mu-law.
 */
let h: PhoneHarness;
let hooks: http.Server;
let hookUrl = '';
const hookCalls: { body: unknown; secret: string | undefined }[] = [];
/** The systems of record the lookup tools read (a small seeded demo data set); `lookupFails` makes the database "go away". */
let lookups: DatabaseHandle;
let lookupFails = false;

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
  lookups = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(lookups);
  await ensureAssistDemoData(lookups, { customers: 200, orders: 800 });
  h = await startPhoneHarness({
    agents: [receptionistWithTools(hookUrl)],
    lookupDb: async () => {
      if (lookupFails) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      return lookups.db;
    },
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await lookups?.close();
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

const agentLines = (server: PhoneCall) => (h.store.rows.get(server.id)?.transcript ?? []).filter((l) => l.speaker === 'agent').map((l) => l.text);

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

async function greeted(call: FakeTwilioCall, server: PhoneCall): Promise<void> {
  await call.until(() => agentLines(server).length > 0 && call.stats.mediaReceived > 0, 8000, 'the greeting');
}

/** The agent's reply after the greeting that matches. */
async function agentSaid(server: PhoneCall, pattern: RegExp, what: string): Promise<string> {
  const deadline = Date.now() + 8000;
  while (Date.now() < deadline) {
    const line = agentLines(server).find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the agent never said ${what}; it said ${JSON.stringify(agentLines(server))}`);
}

describe('tools on a call', () => {
  it('runs a webhook tool with validated arguments and its secret header, and speaks the result', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    hookCalls.length = 0;
    await engineSays(server, 'where is my order 4711');
    const answer = await agentSaid(server, /Here is what I found: .*carrier DHL/, 'the order status');
    expect(answer).toContain('status shipped');
    expect(hookCalls[0]).toMatchObject({ secret: 'hook-secret', body: { tool: 'check_order_status', arguments: { order_id: '4711' }, call: { callId: server.id, agentId: 'phone-receptionist' } } });
    await call.until(() => (row(server).toolCalls ?? []).length > 0, 3000, 'the tool call in the log');
    expect(row(server).toolCalls?.[0]).toMatchObject({ name: 'check_order_status', ok: true, args: { order_id: '4711' }, result: { status: 'shipped', carrier: 'DHL' } });
    call.hangUp();
    await server.done;
  });

  it('turns a webhook timeout into an error result the agent apologises for', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    await engineSays(server, 'I want an appointment tomorrow');
    await agentSaid(server, /sorry/i, 'an apology');
    const tool = row(server).toolCalls?.find((t) => t.name === 'book_appointment');
    expect(tool).toMatchObject({ ok: false, result: { error: expect.stringContaining('did not answer within 300 ms') } });
    call.hangUp();
    await server.done;
  });

  it('transfers to a human by updating the live call with <Dial> through the REST API', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    await engineSays(server, 'can I talk to a person please');
    await call.until(() => h.restUpdates.some((u) => u.path.includes(call.callSid)), 5000, 'the REST update');
    const update = h.restUpdates.find((u) => u.path.includes(call.callSid));
    expect(update?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${call.callSid}.json`);
    expect(update?.auth).toBe(`Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    expect(update?.twiml).toContain('<Dial>+15005550006</Dial>');
    await agentSaid(server, /putting you through/, 'the hand-over line');
    // Twilio ends the stream when the <Dial> takes over
    call.hangUp();
    await server.done;
    expect(row(server)).toMatchObject({ status: 'transferred' });
    expect(row(server).toolCalls?.[0]).toMatchObject({ name: 'transfer_to_human', ok: true });
  });

  it('hangs up after the goodbye has played when the agent calls end_call', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    await engineSays(server, 'thanks, goodbye');
    const closed = await call.closed;
    expect(closed.reason).toBe('agent_ended');
    await server.done;
    expect(agentLines(server).some((l) => /Goodbye/.test(l))).toBe(true);
    expect(row(server)).toMatchObject({ status: 'completed', endReason: 'agent_ended' });
    // the socket closed only after the goodbye was played out (its done mark echoed)
    expect(call.stats.marksEchoed).toBeGreaterThanOrEqual(2);
  });
});

describe('the built-in lookups on a call', () => {
  const withLookups = () =>
    h.agents.publish(receptionistWithTools(hookUrl, { builtinTools: ['end_call', 'transfer_to_human', 'lookup_customer', 'get_order_details', 'check_policy', 'search_knowledge'] }));

  it('reads an order from the database (get_order_details), speaks it and logs the call with its result', async () => {
    withLookups();
    try {
      const { call, server } = await dial();
      await greeted(call, server);
      await engineSays(server, `hi, my order ${HERO.orderNumber} never arrived`);
      const answer = await agentSaid(server, new RegExp(`Order ${HERO.orderNumber} is .*Is there anything else\\?`), 'the order read out');
      expect(answer).toContain('UPS');
      await call.until(() => (row(server).toolCalls ?? []).length > 0, 3000, 'the tool call in the log');
      const logged = row(server).toolCalls?.[0];
      expect(logged).toMatchObject({ name: 'get_order_details', ok: true, args: { order_number: HERO.orderNumber }, result: { order: { orderNumber: HERO.orderNumber, carrier: 'UPS' }, customer: { fullName: HERO.fullName } } });
      expect(logged?.ms).toEqual(expect.any(Number));
      // a question goes to the help articles (once the answer has played)
      await call.until((c) => c.idle, 10_000, 'the answer to play out');
      await engineSays(server, 'how do I pair my headphones, the light just flashes?');
      await agentSaid(server, /Our help article ".+" says: .*Is there anything else\?/, 'an article read out');
      expect(row(server).toolCalls?.find((t) => t.name === 'search_knowledge')).toMatchObject({ ok: true, result: { articles: [{ title: expect.any(String) }] } });
      call.hangUp();
      await server.done;
    } finally {
      h.agents.publish(receptionistWithTools(hookUrl));
    }
  });

  it('turns a failing query into an { error } result the agent apologises for', async () => {
    withLookups();
    lookupFails = true;
    try {
      const { call, server } = await dial();
      await greeted(call, server);
      await engineSays(server, `order ${HERO.orderNumber} please`);
      await agentSaid(server, /^I am sorry, I could not get that/, 'an apology');
      await call.until(() => (row(server).toolCalls ?? []).length > 0, 3000, 'the tool call in the log');
      expect(row(server).toolCalls?.[0]).toMatchObject({ name: 'get_order_details', ok: false, result: { error: expect.stringContaining('lookup failed') } });
      call.hangUp();
      await server.done;
    } finally {
      lookupFails = false;
      h.agents.publish(receptionistWithTools(hookUrl));
    }
  });
});

describe('keypad presses (DTMF)', () => {
  it('are logged and given to the agent: 5 is answered, 0 puts the caller through', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    call.press('5');
    await agentSaid(server, /^You pressed 5\. .*what you need\./, 'the answer to 5');
    const session = await engineSession(server);
    expect(session.conversation.some((i) => i.role === 'user' && JSON.stringify(i).includes('The caller pressed 5 on the keypad.'))).toBe(true);
    call.press('0');
    await call.until(() => h.restUpdates.some((u) => u.path.includes(call.callSid)), 5000, 'the transfer');
    expect(h.restUpdates.find((u) => u.path.includes(call.callSid))?.twiml).toContain('<Dial>+15005550006</Dial>');
    call.hangUp();
    await server.done;
    expect(row(server).events?.filter((e) => e.type === 'dtmf').map((e) => e.detail)).toEqual(['5', '0']);
    expect(row(server).toolCalls?.[0]).toMatchObject({ name: 'transfer_to_human', ok: true, args: { reason: 'the caller pressed 0 for a person' } });
  });
});

describe('barge-in', () => {
  it('clears Twilio playback, cancels the reply and truncates at the audio played', async () => {
    h.agents.publish({ ...h.agents.byIdSync('phone-receptionist'), greeting: 'Hello, you reached the test line. This greeting is long on purpose so that the caller can talk over it before it ends, which is what we test here today.' });
    const { call, server } = await dial();
    await call.until((c) => c.stats.bytesPlayed > 8 * 800, 8000, 'the greeting to be playing');
    call.speak(800);
    await call.until((c) => c.stats.clears > 0, 4000, 'a clear');
    await call.until(() => row(server).events?.some((e) => e.type === 'barge_in') ?? false, 3000, 'the barge-in event');
    const session = await engineSession(server);
    const greeting = session.conversation.find((i) => i.role === 'assistant');
    const heard = greeting?.content?.[0]?.transcript ?? '';
    expect(heard.length).toBeGreaterThan(0);
    expect(heard.length).toBeLessThan(60);
    expect(call.protocolErrors).toEqual([]);
    call.hangUp();
    await server.done;
    h.agents.publish(receptionistWithTools(hookUrl));
  });
});

describe('live config and concurrency', () => {
  it('follows a saved config change mid-call (updateAgent) and logs it', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    const current = h.agents.byIdSync('phone-receptionist');
    h.agents.publish({ ...current, version: current.version + 1, instructions: `${current.instructions}\nAlways mention the summer sale.` });
    await call.until(() => row(server).events?.some((e) => e.type === 'config_changed') ?? false, 3000, 'config_changed');
    const deadline = Date.now() + 1000;
    let instructions = '';
    while (Date.now() < deadline && !instructions.includes('summer sale')) instructions = (await engineSession(server)).config.instructions;
    expect(instructions).toContain('Always mention the summer sale.');
    call.hangUp();
    await server.done;
    h.agents.publish(receptionistWithTools(hookUrl));
  });

  it('runs two calls at once, independently', async () => {
    const a = await dial('+14155550101');
    const b = await dial('+14155550102');
    expect(a.server.id).not.toBe(b.server.id);
    await Promise.all([greeted(a.call, a.server), greeted(b.call, b.server)]);
    a.call.hangUp();
    await a.server.done;
    await engineSays(b.server, 'where is my order 12');
    await agentSaid(b.server, /Here is what I found/, 'the second call still answering');
    expect(row(a.server)).toMatchObject({ status: 'completed', fromNumber: '+14155550101' });
    expect(row(b.server)).toMatchObject({ status: 'in_progress', fromNumber: '+14155550102' });
    b.call.hangUp();
    await b.server.done;
  });
});

describe('bad input on /call', () => {
  it('logs and drops binary frames, unknown events, a wrong streamSid, malformed base64, media before start and frames after stop', async () => {
    const answer = await postVoiceWebhook({ appUrl: h.appUrl, publicBase: h.appUrl, authToken: AUTH_TOKEN, params: { CallSid: 'CA2', From: '+14155550100', To: '+18005550199' } });
    const call = await FakeTwilioCall.connect(parseStreamTwiml(answer.body), { authToken: AUTH_TOKEN, start: false });
    const logsBefore = h.logs.length;
    call.send({ event: 'media', streamSid: call.streamSid, media: { payload: Buffer.alloc(160, 0xff).toString('base64') } });
    call.start();
    call.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    call.ws.send('not json');
    call.send({ event: 'hello' });
    call.send({ event: 'media', streamSid: 'MZwrong', media: { payload: Buffer.alloc(160, 0xff).toString('base64') } });
    call.send({ event: 'media', streamSid: call.streamSid, media: { payload: '@@@not base64' } });
    call.send({ event: 'media', streamSid: null, media: { payload: 'AAAA' } });
    let server: PhoneCall | undefined;
    await call.until(() => (server = [...h.gateway.calls].find((c) => c.gate.streamSid === call.streamSid)) !== undefined, 2000, 'the call');
    await greeted(call, server as PhoneCall);
    const lines = h.logs.slice(logsBefore).join('\n');
    for (const expected of ['media before start', 'binary frame', 'not JSON', 'unknown event "hello"', 'media for another streamSid', 'malformed base64', 'media: streamSid']) expect(lines).toContain(expected);
    call.hangUp();
    await (server as PhoneCall).done;
    expect(row(server as PhoneCall).events?.filter((e) => e.type === 'bad_input').length).toBeGreaterThanOrEqual(6);
  });

  it('ignores frames after stop without crashing', async () => {
    const { call, server } = await dial();
    await greeted(call, server);
    call.send({ event: 'stop', streamSid: call.streamSid, stop: { callSid: call.callSid } });
    call.send({ event: 'media', streamSid: call.streamSid, media: { payload: Buffer.alloc(160, 0xff).toString('base64') } });
    await server.done;
    expect(row(server)).toMatchObject({ status: 'completed', endReason: 'caller_hung_up' });
    call.close();
  });
});

describe('the phone simulator on /call', () => {
  it('connects with a signed single-use token instead of a Twilio signature, and is logged as a simulator call', async () => {
    const token = signSimulatorToken(h.env.CUE_ENGINE_SECRET ?? '', { agentId: 'phone-receptionist', userId: 'user-1' });
    const stream = { url: `${h.appUrl.replace('http', 'ws')}/call`, parameters: { agentId: 'phone-receptionist' } };
    const call = await FakeTwilioCall.connect(stream, { authToken: AUTH_TOKEN, signature: null, protocols: [`${SIMULATOR_PROTOCOL_PREFIX}${token}`] });
    let server: PhoneCall | undefined;
    await call.until(() => (server = [...h.gateway.calls].find((c) => c.gate.streamSid === call.streamSid)) !== undefined, 2000, 'the call');
    await greeted(call, server as PhoneCall);
    call.hangUp();
    await (server as PhoneCall).done;
    expect(row(server as PhoneCall)).toMatchObject({ source: 'simulator', userId: 'user-1', status: 'completed' });
    // the same token again, a forged one, an expired one: refused before any socket opens
    await expect(FakeTwilioCall.connect(stream, { authToken: AUTH_TOKEN, signature: null, protocols: [`${SIMULATOR_PROTOCOL_PREFIX}${token}`] })).rejects.toThrow('HTTP 403');
    const forged = signSimulatorToken('another-secret', { agentId: 'phone-receptionist', userId: 'user-1' });
    await expect(FakeTwilioCall.connect(stream, { authToken: AUTH_TOKEN, signature: null, protocols: [`${SIMULATOR_PROTOCOL_PREFIX}${forged}`] })).rejects.toThrow('HTTP 403');
    const expired = signSimulatorToken(h.env.CUE_ENGINE_SECRET ?? '', { agentId: 'phone-receptionist', userId: 'user-1', now: Date.now() - 120_000 });
    await expect(FakeTwilioCall.connect(stream, { authToken: AUTH_TOKEN, signature: null, protocols: [`${SIMULATOR_PROTOCOL_PREFIX}${expired}`] })).rejects.toThrow('HTTP 403');
    expect(h.logs.filter((l) => l.includes('simulator token')).join('\n')).toMatch(/already used[\s\S]*bad signature[\s\S]*expired/);
  });
});

describe('without TWILIO_AUTH_TOKEN', () => {
  it('refuses every Twilio request (fail closed) and says why in the log', async () => {
    const closed = await startPhoneHarness({ agents: [phoneReceptionist], engine: h.engine, env: { TWILIO_AUTH_TOKEN: '' } });
    try {
      const answer = await postVoiceWebhook({ appUrl: closed.appUrl, publicBase: closed.appUrl, authToken: AUTH_TOKEN, params: { To: '+18005550199' } });
      expect(answer.status).toBe(403);
      await expect(FakeTwilioCall.connect({ url: `${closed.appUrl.replace('http', 'ws')}/call`, parameters: {} }, { authToken: AUTH_TOKEN })).rejects.toThrow('HTTP 403');
      expect(closed.logs.join('\n')).toContain('TWILIO_AUTH_TOKEN is not set');
      expect(closed.logs.join('\n')).toContain('fail closed');
    } finally {
      await closed.close();
    }
  });
});
