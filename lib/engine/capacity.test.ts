import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmToBase64, synthesizeVoice } from './audio-synth';
import type { EngineHandle } from './server';
import { control, mint, RawClient, sleep, startTestEngine } from './test-support';

/** Capacity, single-use tokens, session length, size caps, and freeing closed sessions. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine({ limits: { maxConversationItems: 3, maxItemTextChars: 100, maxInstructionsChars: 200 } });
});
afterAll(() => engine.close());

type Upgrade = { status: number; body: unknown; headers: Record<string, unknown>; ws?: WebSocket };
function upgrade(url: string, token: string): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['realtime', `openai-insecure-api-key.${token}`]);
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers }));
    });
    ws.on('open', () => resolve({ status: 101, body: null, headers: {}, ws }));
    ws.on('error', (e) => (e.message.includes('Unexpected server response') ? undefined : reject(e)));
  });
}
const userText = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const errorCode = (c: RawClient, eventId: string) => c.next('error', (e) => (e.error as { event_id: string | null }).event_id === eventId).then((e) => (e.error as { code: string }).code);

describe('capacity', () => {
  it('refuses sessions past maxSessions with HTTP 503 engine_at_capacity, and admits again once one leaves', async () => {
    const small = await startTestEngine({ testControls: false, limits: { maxSessions: 2 } });
    try {
      const a = await RawClient.connect(small.url, mint().value);
      const b = await RawClient.connect(small.url, mint().value);
      const refused = await upgrade(small.url, mint().value);
      expect(refused).toMatchObject({ status: 503, body: { error: { code: 'engine_at_capacity', message: expect.stringContaining('2 sessions') } } });
      expect(refused.headers['retry-after']).toBe('5');
      expect((await control(small, 'GET', '/health')).json).toMatchObject({ ok: true, sessions: 2, joining: 0, capacity: 2, atCapacity: true });
      a.close();
      await sleep(50);
      const c = await RawClient.connect(small.url, mint().value);
      expect(small.sessionCount()).toBe(2);
      b.close();
      c.close();
    } finally {
      await small.close();
    }
  });

  it('frees closed sessions: none kept without test controls', async () => {
    const plain = await startTestEngine({ testControls: false });
    try {
      const clients = await Promise.all(Array.from({ length: 5 }, () => RawClient.connect(plain.url, mint().value)));
      expect(plain.sessionCount()).toBe(5);
      for (const c of clients) c.send({ type: 'response.create', response: { conversation: 'none', input: [userText('quick')] } });
      await Promise.all(clients.map((c) => c.next('response.output_audio.delta')));
      clients.forEach((c) => c.close());
      await sleep(100);
      expect(plain.sessionCount()).toBe(0);
      expect((await control(plain, 'GET', '/health')).json).toMatchObject({ sessions: 0, atCapacity: false });
    } finally {
      await plain.close();
    }
  });
});

describe('tokens open one session', () => {
  it('refuses a second use of the same token with HTTP 401 token_already_used', async () => {
    const token = mint();
    const first = await upgrade(engine.url, token.value);
    expect(first.status).toBe(101);
    const again = await upgrade(engine.url, token.value);
    expect(again).toMatchObject({ status: 401, body: { error: { code: 'token_already_used', message: expect.stringContaining('Mint a new one') } } });
    first.ws?.close();
    await sleep(30);
    expect((await upgrade(engine.url, token.value)).status).toBe(401);
  });
});

describe('session length', () => {
  it('ends a session after maxSessionSeconds with an error event, then closes it', async () => {
    const short = await startTestEngine({ limits: { maxSessionSeconds: 0.4 } });
    try {
      const c = await RawClient.connect(short.url, mint('practice-partner', 60, { maxSessionSeconds: 600 }).value);
      const closed = new Promise<number>((resolve) => c.ws.on('close', (code) => resolve(code)));
      c.send({ type: 'response.create' });
      const error = await c.next('error');
      expect(error.error).toMatchObject({ code: 'session_expired' });
      expect(await closed).toBe(1000);
      expect(short.sessionCount()).toBe(0);
    } finally {
      await short.close();
    }
  });
});

describe('size caps', () => {
  it('refuses oversized item text and instructions with typed codes', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'conversation.item.create', event_id: 'big', item: userText('x'.repeat(101)) });
    expect(await errorCode(c, 'big')).toBe('item_text_too_large');
    c.send({ type: 'session.update', event_id: 'long', session: { type: 'realtime', instructions: 'y'.repeat(201) } });
    expect(await errorCode(c, 'long')).toBe('instructions_too_large');
    c.send({ type: 'response.create', event_id: 'long-r', response: { instructions: 'y'.repeat(201) } });
    expect(await errorCode(c, 'long-r')).toBe('instructions_too_large');
    c.send({ type: 'response.create', event_id: 'big-in', response: { conversation: 'none', input: [userText('z'.repeat(101))] } });
    expect(await errorCode(c, 'big-in')).toBe('item_text_too_large');
    expect(c.types()).not.toContain('session.updated');
    c.close();
  });

  it('caps the conversation: item.create, user turns and in-conversation replies are refused once full', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    for (const [i, text] of ['one', 'two', 'three'].entries()) c.send({ type: 'conversation.item.create', event_id: `ok${i}`, item: userText(text) });
    c.send({ type: 'conversation.item.create', event_id: 'full', item: userText('four') });
    expect(await errorCode(c, 'full')).toBe('conversation_item_limit_reached');
    c.send({ type: 'response.create', event_id: 'reply' });
    expect(await errorCode(c, 'reply')).toBe('conversation_item_limit_reached');
    // Out of band still works: it adds nothing to the conversation.
    c.send({ type: 'response.create', event_id: 'oob', response: { conversation: 'none' } });
    await c.next('response.done');
    c.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(synthesizeVoice(500)) });
    c.send({ type: 'input_audio_buffer.commit' });
    const turn = await c.next('error', (e) => (e.error as { code: string }).code === 'conversation_item_limit_reached' && (e.error as { event_id: string | null }).event_id === null);
    expect(turn).toBeDefined();
    expect(c.types()).not.toContain('input_audio_buffer.committed');
    c.send({ type: 'conversation.item.delete', item_id: (c.events.find((e) => e.type === 'conversation.item.added')?.item as { id: string }).id });
    await c.next('conversation.item.deleted');
    c.send({ type: 'conversation.item.create', event_id: 'room', item: userText('fits again') });
    await c.next('conversation.item.added', (e) => (e.item as { content: { text: string }[] }).content[0]?.text === 'fits again');
    c.close();
  });
});
