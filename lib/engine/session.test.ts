import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineHandle } from './server';
import type { EffectiveSession } from './session-config';
import { replyPolicies } from './replies/registry';
import { control, mint, RawClient, startTestEngine } from './test-support';

/** The conversation and response exchanges, event by event, over a raw socket. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const userText = (text: string, id?: string) => ({ type: 'message', role: 'user', ...(id ? { id } : {}), content: [{ type: 'input_text', text }] });

describe('session config', () => {
  it('echoes the merged effective config on session.update', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'session.update', session: { type: 'realtime', instructions: 'Be brief.', audio: { input: { turn_detection: { type: 'server_vad', create_response: false, silence_duration_ms: 700 } }, output: { voice: 'cedar' } } } });
    const first = (await c.next('session.updated')).session as EffectiveSession;
    expect(first.instructions).toBe('Be brief.');
    expect(first.audio.output.voice).toBe('cedar');
    expect(first.audio.input.turn_detection).toEqual({ type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 700, create_response: false, interrupt_response: true, idle_timeout_ms: null });
    c.send({ type: 'session.update', session: { type: 'realtime', tools: [{ type: 'function', name: 'tag_turn', description: 'Tag.', parameters: { type: 'object' } }] } });
    const second = (await c.next('session.updated', () => true, { from: c.events.indexOf(c.events.find((e) => e.type === 'session.updated')!) + 1 })).session as EffectiveSession;
    expect(second.instructions).toBe('Be brief.');
    expect(second.audio.input.turn_detection?.silence_duration_ms).toBe(700);
    expect(second.tools.map((t) => t.name)).toEqual(['tag_turn']);
    c.send({ type: 'session.update', session: { type: 'transcription' } });
    expect((await c.next('error')).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_value', param: 'session.type' });
    c.close();
  });
});

describe('conversation items', () => {
  it('places items where asked and reports the real previous id', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'conversation.item.create', item: userText('one', 'a1') });
    c.send({ type: 'conversation.item.create', item: userText('two', 'a2') });
    c.send({ type: 'conversation.item.create', previous_item_id: 'root', item: userText('zero', 'a0') });
    c.send({ type: 'conversation.item.create', previous_item_id: 'a1', item: userText('one and a half', 'a15') });
    c.send({ type: 'conversation.item.create', previous_item_id: 'missing', item: userText('lost') });
    c.send({ type: 'conversation.item.create', item: userText('dupe', 'a1') });
    await c.next('error', (e) => (e.error as { code: string }).code === 'item_already_exists');
    const added = c.events.filter((e) => e.type === 'conversation.item.added').map((e) => [(e.item as { id: string }).id, e.previous_item_id]);
    expect(added).toEqual([['a1', null], ['a2', 'a1'], ['a0', null], ['a15', 'a1']]);
    const done = c.events.filter((e) => e.type === 'conversation.item.done').map((e) => [(e.item as { id: string }).id, e.previous_item_id]);
    expect(done).toEqual(added);
    expect(c.events.find((e) => e.type === 'error')?.error).toMatchObject({ code: 'previous_item_not_found', param: 'previous_item_id' });
    c.send({ type: 'conversation.item.delete', item_id: 'a0' });
    expect((await c.next('conversation.item.deleted')).item_id).toBe('a0');
    c.send({ type: 'conversation.item.retrieve', item_id: 'a15', event_id: 'r1' });
    expect((await c.next('conversation.item.retrieved')).item).toEqual({
      object: 'realtime.item',
      id: 'a15',
      type: 'message',
      role: 'user',
      status: 'completed',
      content: [{ type: 'input_text', text: 'one and a half' }],
    });
    c.send({ type: 'conversation.item.retrieve', item_id: 'a0', event_id: 'r2' });
    expect((await c.next('error', (e) => (e.error as { event_id: string }).event_id === 'r2')).error).toMatchObject({ code: 'item_not_found' });
    c.send({ type: 'response.create' });
    const done2 = await c.next('response.done');
    expect(JSON.stringify(done2.response)).toContain('You said: \\"two\\". (saw 3 messages) By when does it need to happen?');
    c.close();
  });

  it('rejects a tool output for an unknown call', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'conversation.item.create', event_id: 'x1', item: { type: 'function_call_output', call_id: 'call_nope', output: '{}' } });
    expect((await c.next('error')).error).toMatchObject({ code: 'invalid_value', param: 'item.call_id', event_id: 'x1' });
    c.close();
  });
});

describe('responses', () => {
  it('streams in the service order and allows one active response at a time', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'conversation.item.create', item: userText('hello') });
    c.send({ type: 'response.create', event_id: 'rc1' });
    c.send({ type: 'response.create', event_id: 'rc2' });
    const busy = await c.next('error');
    expect(busy.error).toMatchObject({ type: 'invalid_request_error', code: 'conversation_already_has_active_response', event_id: 'rc2' });
    const rateLimits = await c.next('rate_limits.updated');
    expect(rateLimits.rate_limits).toEqual([
      { name: 'requests', limit: expect.any(Number), remaining: expect.any(Number), reset_seconds: expect.any(Number) },
      { name: 'tokens', limit: expect.any(Number), remaining: expect.any(Number), reset_seconds: expect.any(Number) },
    ]);
    const types = c.types(c.events.findIndex((e) => e.type === 'response.created')).filter((t) => !t.endsWith('.delta') && t !== 'error');
    expect(types).toEqual([
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.content_part.added',
      'response.output_audio.done',
      'response.output_audio_transcript.done',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
      'rate_limits.updated',
    ]);
    const audio = c.events.find((e) => e.type === 'response.output_audio.delta')!;
    expect(Object.keys(audio)).toEqual(['type', 'event_id', 'response_id', 'item_id', 'output_index', 'content_index', 'delta']);
    expect(audio).toMatchObject({ event_id: expect.stringMatching(/^event_/), response_id: expect.stringMatching(/^resp_/), output_index: 0, content_index: 0 });
    expect(Buffer.from(String(audio.delta), 'base64').length).toBe(4800);
    const deltas = c.types().filter((t) => t.endsWith('.delta'));
    expect(deltas[0]).toBe('response.output_audio_transcript.delta');
    expect(deltas.filter((t) => t === 'response.output_audio.delta').length).toBeGreaterThan(10);
    const done = c.events.findLast((e) => e.type === 'response.done')?.response as { status: string; output: { status: string; content: unknown[] }[]; usage: { total_tokens: number } };
    expect(done.status).toBe('completed');
    expect(done.output[0]).toMatchObject({ status: 'completed', content: [{ type: 'output_audio' }] });
    expect(done.usage.total_tokens).toBeGreaterThan(0);
    c.send({ type: 'response.cancel', event_id: 'cx' });
    expect((await c.next('error', (e) => (e.error as { event_id: string }).event_id === 'cx')).error).toMatchObject({ code: 'response_cancel_not_active' });
    c.close();
  });

  it('cancels at once and marks the item incomplete', async () => {
    const slow = await startTestEngine({ paceFactor: 2 });
    const c = await RawClient.connect(slow.url, mint().value);
    c.send({ type: 'conversation.item.create', item: userText('tell me everything about the plan') });
    c.send({ type: 'response.create' });
    await c.next('response.output_audio.delta');
    c.send({ type: 'response.cancel' });
    const done = await c.next('response.done');
    const response = done.response as { status: string; status_details: unknown; output: { status: string }[] };
    expect(response).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'client_cancelled' } });
    expect(response.output.map((o) => o.status)).toEqual(['incomplete']);
    const itemDone = c.events.find((e) => e.type === 'conversation.item.done' && (e.item as { role: string }).role === 'assistant');
    expect((itemDone?.item as { status: string }).status).toBe('incomplete');
    c.close();
    await slow.close();
  });

  it('answers text-only responses with output_text events', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'conversation.item.create', item: userText('plain text please') });
    c.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    const done = await c.next('response.done');
    expect(c.types().includes('response.output_audio.delta')).toBe(false);
    expect((await c.next('response.output_text.done')).text).toBe('You said: "plain text please". (saw 1 messages) What outcome do you want from this?');
    expect((done.response as { output: { content: { type: string }[] }[] }).output[0]?.content[0]?.type).toBe('output_text');
    c.close();
  });

  it('resolves item references in out-of-band input and obeys "at most S seconds"', async () => {
    const c = await RawClient.connect(engine.url, mint('hint-assistant').value);
    c.send({ type: 'conversation.item.create', item: userText('We need the budget approved before the board meeting next Tuesday', 'u1') });
    c.send({
      type: 'response.create',
      response: { conversation: 'none', input: [{ type: 'item_reference', id: 'u1' }], instructions: 'Give full guidance. Speak for at most 6 seconds.', metadata: { kind: 'hint' } },
    });
    const done = (await c.next('response.done')).response as { metadata: unknown; output: { content: { transcript: string }[] }[] };
    expect(done.metadata).toEqual({ kind: 'hint' });
    expect(done.output[0]?.content[0]?.transcript).toBe('Full guidance (saw 1 messages): Answer "before the board meeting next Tuesday" in one sentence,');
    c.send({ type: 'response.create', response: { conversation: 'none', input: [{ type: 'item_reference', id: 'nope' }] } });
    expect((await c.next('error')).error).toMatchObject({ code: 'item_not_found' });
    c.close();
  });
});

describe('invalid client events', () => {
  it('answers each with an invalid_request_error and keeps the socket', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.ws.send('{not json');
    c.send({ type: 'nope.never', event_id: 'e1' });
    c.send({ event_id: 'e2' });
    c.send({ type: 'conversation.item.truncate', event_id: 'e3', item_id: 'x', content_index: 0, audio_end_ms: 12.5 });
    c.send({ type: 'input_audio_buffer.commit', event_id: 'e4' });
    c.send({ type: 'output_audio_buffer.clear', event_id: 'e5' });
    c.send({ type: 'conversation.item.create', event_id: 'e6', item: { type: 'message', role: 'system', content: [{ type: 'output_text', text: 'x' }] } });
    await c.next('error', (e) => (e.error as { event_id: string }).event_id === 'e6');
    const errors = c.events.filter((e) => e.type === 'error').map((e) => e.error as { type: string; code: string; param: string | null; event_id: string | null });
    expect(errors.map((e) => [e.code, e.event_id])).toEqual([
      ['invalid_json', null],
      ['invalid_value', 'e1'],
      ['missing_required_parameter', 'e2'],
      ['invalid_value', 'e3'],
      ['input_audio_buffer_commit_empty', 'e4'],
      ['unsupported_event', 'e5'],
      ['invalid_value', 'e6'],
    ]);
    expect(errors.every((e) => e.type === 'invalid_request_error')).toBe(true);
    expect(errors[3]?.param).toBe('audio_end_ms');
    c.send({ type: 'response.create' });
    expect((await c.next('response.done')).type).toBe('response.done');
    c.close();
  });
});

describe('engine failures', () => {
  it('turns a throwing reply policy into server_error events and keeps serving', async () => {
    replyPolicies['broken-test'] = () => {
      throw new Error('policy bug');
    };
    try {
      const c = await RawClient.connect(engine.url, mint('broken-test').value);
      c.send({ type: 'response.create', event_id: 'boom' });
      expect((await c.next('error')).error).toMatchObject({ type: 'server_error', code: 'server_error', event_id: 'boom' });
      const res = await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'still there?' });
      expect(res.status).toBe(200);
      await c.next('error', (e) => (e.error as { event_id: string | null }).event_id === null);
      c.send({ type: 'conversation.item.retrieve', item_id: (res.json as { itemId: string }).itemId });
      expect((await c.next('conversation.item.retrieved')).type).toBe('conversation.item.retrieved');
      c.close();
    } finally {
      delete replyPolicies['broken-test'];
    }
  });
});
