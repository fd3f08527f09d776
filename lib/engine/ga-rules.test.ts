import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pcmToBase64, synthesizeVoice } from './audio-synth';
import type { EngineHandle } from './server';
import { control, mint, RawClient, type ServerEvent, startTestEngine } from './test-support';

/** The GA rules of lib/shared notes: cancel scope, out-of-band responses, ids, event shapes, async transcription. */
let engine: EngineHandle;
beforeAll(async () => {
  // Slow enough that a reply is still streaming when the test acts on it.
  engine = await startTestEngine({ paceFactor: 6 });
});
afterEach(async () => {
  await control(engine, 'DELETE', '/__test/faults');
});
afterAll(() => engine.close());

const userText = (text: string, id?: string) => ({ type: 'message', role: 'user', ...(id ? { id } : {}), content: [{ type: 'input_text', text }] });
const hint = (text = 'Can we move the launch to May?') => ({
  conversation: 'none',
  input: [userText(text)],
  instructions: 'Give one quick hint: the single most useful thing to say next.',
  metadata: { kind: 'hint' },
});
const responseOf = (e: ServerEvent) => e.response as { id: string; status: string; conversation_id: string | null; status_details: unknown };
const errorOf = (e: ServerEvent) => e.error as { code: string; event_id: string | null; param: string | null; message: string };
const doneFor = (c: RawClient, id: string) => c.next('response.done', (e) => responseOf(e).id === id, { timeoutMs: 10_000 });

async function startOutOfBand(c: RawClient): Promise<string> {
  const from = c.events.length;
  c.send({ type: 'response.create', response: hint() });
  const created = await c.next('response.created', (e) => responseOf(e).conversation_id === null, { from });
  await c.next('response.output_audio.delta', (e) => e.response_id === responseOf(created).id, { from });
  return responseOf(created).id;
}

async function startDefault(c: RawClient, text = 'Walk me through the whole plan for next quarter in detail'): Promise<string> {
  const from = c.events.length;
  c.send({ type: 'conversation.item.create', item: userText(text) });
  c.send({ type: 'response.create' });
  const created = await c.next('response.created', (e) => responseOf(e).conversation_id !== null, { from });
  await c.next('response.output_audio.delta', (e) => e.response_id === responseOf(created).id, { from });
  return responseOf(created).id;
}

describe('response.cancel (GA scope)', () => {
  it('a bare cancel leaves an out-of-band response running', async () => {
    const c = await RawClient.connect(engine.url, mint('hint-assistant').value);
    const oob = await startOutOfBand(c);
    c.send({ type: 'response.cancel', event_id: 'bare' });
    const refused = await c.next('error', (e) => errorOf(e).event_id === 'bare');
    expect(errorOf(refused)).toMatchObject({ code: 'response_cancel_not_active', param: null });
    expect(responseOf(await doneFor(c, oob))).toMatchObject({ status: 'completed', conversation_id: null });
    c.close();
  });

  it('a bare cancel stops the default-conversation response and spares the out-of-band one beside it', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    const main = await startDefault(c);
    const oob = await startOutOfBand(c);
    const state = (await control(engine, 'GET', '/__test/sessions/latest')).json as { activeResponseId: string; outOfBandResponseIds: string[] };
    expect(state).toMatchObject({ activeResponseId: main, outOfBandResponseIds: [oob] });
    c.send({ type: 'response.cancel' });
    expect(responseOf(await doneFor(c, main))).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'client_cancelled' } });
    expect(responseOf(await doneFor(c, oob)).status).toBe('completed');
    c.close();
  });

  it('a cancel naming the response id stops it, out of band or not', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    const main = await startDefault(c);
    const oob = await startOutOfBand(c);
    c.send({ type: 'response.cancel', response_id: oob });
    expect(responseOf(await doneFor(c, oob))).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'client_cancelled' } });
    expect(c.events.some((e) => e.type === 'response.done' && responseOf(e).id === main)).toBe(false);
    c.send({ type: 'response.cancel', response_id: main });
    expect(responseOf(await doneFor(c, main)).status).toBe('cancelled');
    c.send({ type: 'response.cancel', event_id: 'gone', response_id: oob });
    expect(errorOf(await c.next('error', (e) => errorOf(e).event_id === 'gone'))).toMatchObject({ code: 'response_cancel_not_active', param: 'response_id' });
    c.close();
  });

  it('user speech (interrupt_response) cuts the default-conversation response only', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    const main = await startDefault(c);
    const oob = await startOutOfBand(c);
    c.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(synthesizeVoice(300)) });
    await c.next('input_audio_buffer.speech_started');
    expect(responseOf(await doneFor(c, main))).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'turn_detected' } });
    expect(responseOf(await doneFor(c, oob)).status).toBe('completed');
    c.close();
  });

  it('keeps one default-conversation response at a time and bounds out-of-band ones', async () => {
    const small = await startTestEngine({ paceFactor: 2, limits: { maxOutOfBandResponses: 2 } });
    try {
      const c = await RawClient.connect(small.url, mint().value);
      await startDefault(c);
      c.send({ type: 'response.create', event_id: 'second-default' });
      expect(errorOf(await c.next('error'))).toMatchObject({ code: 'conversation_already_has_active_response', event_id: 'second-default' });
      for (const id of ['h1', 'h2', 'h3']) c.send({ type: 'response.create', event_id: id, response: hint() });
      expect(errorOf(await c.next('error', (e) => errorOf(e).event_id === 'h3'))).toMatchObject({ code: 'too_many_active_responses' });
      expect(c.events.filter((e) => e.type === 'error' && ['h1', 'h2'].includes(String(errorOf(e).event_id)))).toEqual([]);
      c.close();
    } finally {
      await small.close();
    }
  });
});

describe('GA events and ids', () => {
  it('sends conversation.created right after session.created, and rate_limits.updated after each response.done', async () => {
    const fast = await startTestEngine();
    try {
      const c = await RawClient.connect(fast.url, mint().value);
      const convo = await c.next('conversation.created');
      expect(c.types().slice(0, 2)).toEqual(['session.created', 'conversation.created']);
      expect(convo.conversation).toEqual({ id: expect.stringMatching(/^conv_/), object: 'realtime.conversation' });
      expect(String((convo.conversation as { id: string }).id).length).toBeLessThanOrEqual(32);
      c.send({ type: 'response.create', response: hint() });
      await c.next('rate_limits.updated');
      expect(c.types().filter((t) => t === 'response.done' || t === 'rate_limits.updated').slice(-2)).toEqual(['response.done', 'rate_limits.updated']);
      const ids = c.events.flatMap((e) => [e.event_id, e.item_id, (e.item as { id?: string } | undefined)?.id, (e.response as { id?: string } | undefined)?.id]);
      expect(ids.filter((id): id is string => typeof id === 'string').every((id) => id.length <= 32)).toBe(true);
      c.close();
    } finally {
      await fast.close();
    }
  });

  it('rejects a client item id over 32 characters', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'conversation.item.create', event_id: 'long', item: userText('hi', 'x'.repeat(33)) });
    const error = errorOf(await c.next('error'));
    expect(error).toMatchObject({ code: 'string_above_max_length', param: 'item.id', event_id: 'long' });
    expect(error.message).toContain('maximum length 32, but got a string with length 33');
    c.send({ type: 'conversation.item.create', item: userText('hi', 'y'.repeat(32)) });
    expect(((await c.next('conversation.item.added')).item as { id: string }).id).toBe('y'.repeat(32));
    c.close();
  });
});

describe('asynchronous input transcription', () => {
  const order = (c: RawClient) => c.types().filter((t) => t === 'response.created' || t === 'conversation.item.input_audio_transcription.completed');

  it('by default delivers the transcript after the automatic reply has started', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'We lost the Acme deal' });
    await c.next('conversation.item.input_audio_transcription.completed');
    expect(order(c)).toEqual(['response.created', 'conversation.item.input_audio_transcription.completed']);
    c.close();
  });

  it('takes a lag from the test control: 0 puts the transcript first, N ms after the commit', async () => {
    await control(engine, 'POST', '/__test/faults', { transcriptionLagMs: 0 });
    const first = await RawClient.connect(engine.url, mint().value);
    await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'We lost the Acme deal' });
    await first.next('response.created');
    expect(order(first)).toEqual(['conversation.item.input_audio_transcription.completed', 'response.created']);
    first.close();

    await control(engine, 'POST', '/__test/faults', { transcriptionLagMs: 300 });
    const late = await RawClient.connect(engine.url, mint().value);
    const t0 = Date.now();
    const res = control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'We lost the Acme deal' });
    const committed = await late.next('input_audio_buffer.committed');
    const tCommit = Date.now();
    const completed = await late.next('conversation.item.input_audio_transcription.completed');
    expect(Date.now() - tCommit).toBeGreaterThanOrEqual(280);
    expect(completed.item_id).toBe(committed.item_id);
    expect(order(late)).toEqual(['response.created', 'conversation.item.input_audio_transcription.completed']);
    expect((await res).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    late.close();
  });

  it('takes a lag from the engine option', async () => {
    const lagged = await startTestEngine({ transcriptionLag: 0 });
    try {
      const c = await RawClient.connect(lagged.url, mint().value);
      await control(lagged, 'POST', '/__test/sessions/latest/utterance', { text: 'Numbers first' });
      await c.next('response.created');
      expect(order(c)).toEqual(['conversation.item.input_audio_transcription.completed', 'response.created']);
      c.close();
    } finally {
      await lagged.close();
    }
  });
});
