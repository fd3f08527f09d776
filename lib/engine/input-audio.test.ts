import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmToBase64, samplesForMs, synthesizeVoice } from './audio-synth';
import type { EngineHandle } from './server';
import { control, mint, RawClient, sleep, startTestEngine } from './test-support';

/** User turns from real appended audio (energy VAD), manual commits and injected utterances. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const silence = (ms: number) => new Int16Array(samplesForMs(ms));

function appendInChunks(c: RawClient, pcm: Int16Array, chunkMs = 100): void {
  const size = samplesForMs(chunkMs);
  for (let i = 0; i < pcm.length; i += size) c.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(pcm.subarray(i, i + size)) });
}

function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function configured(turnDetection: Record<string, unknown> | null, transcription: unknown = { model: 'gpt-4o-mini-transcribe' }) {
  const c = await RawClient.connect(engine.url, mint().value);
  c.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { transcription, turn_detection: turnDetection } } } });
  await c.next('session.updated');
  return c;
}

describe('audio user turns', () => {
  it('detects speech, commits a user item with a null transcript, "transcribes" it honestly and replies', async () => {
    const c = await configured({ type: 'server_vad', create_response: true, silence_duration_ms: 500, prefix_padding_ms: 300 });
    appendInChunks(c, concat(silence(600), synthesizeVoice(1200), silence(800)));
    const started = await c.next('input_audio_buffer.speech_started');
    const stopped = await c.next('input_audio_buffer.speech_stopped');
    expect(started.audio_start_ms).toBe(300);
    expect(stopped.audio_end_ms).toBeGreaterThanOrEqual(2250);
    expect(stopped.audio_end_ms).toBeLessThanOrEqual(2320);
    expect(stopped.item_id).toBe(started.item_id);
    const committed = await c.next('input_audio_buffer.committed');
    expect(committed).toMatchObject({ item_id: started.item_id, previous_item_id: null });
    const added = await c.next('conversation.item.added');
    expect(added.item).toEqual({ object: 'realtime.item', id: started.item_id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript: null }] });
    const completed = await c.next('conversation.item.input_audio_transcription.completed');
    expect(completed.transcript).toMatch(/^\[speech, 1\.[12] s — the local engine does not transcribe audio\]$/);
    const done = await c.next('response.done');
    expect(JSON.stringify(done.response)).toContain(`You said: \\"${String(completed.transcript).slice(0, 8)}`);
    const order = c.types().filter((t) => !t.endsWith('.delta'));
    // Transcription is asynchronous (GA): by default it lands after the automatic reply started.
    expect(order.indexOf('conversation.item.input_audio_transcription.completed')).toBeGreaterThan(order.indexOf('response.created'));
    c.close();
  });

  it('stays silent on silence, and waits to be asked when create_response is false', async () => {
    const c = await configured({ type: 'server_vad', create_response: false, interrupt_response: false });
    appendInChunks(c, silence(1500));
    await sleep(50);
    expect(c.types().filter((t) => t.startsWith('input_audio_buffer.'))).toEqual([]);
    appendInChunks(c, concat(synthesizeVoice(800), silence(700)));
    await c.next('conversation.item.input_audio_transcription.completed');
    await sleep(50);
    expect(c.types()).not.toContain('response.created');
    c.close();
  });

  it('cuts an active reply when the user starts talking (interrupt_response)', async () => {
    const slow = await startTestEngine({ paceFactor: 2 });
    const c = await RawClient.connect(slow.url, mint().value);
    c.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'go on at length' }] } });
    c.send({ type: 'response.create' });
    await c.next('response.output_audio.delta');
    appendInChunks(c, synthesizeVoice(300));
    const started = await c.next('input_audio_buffer.speech_started');
    const done = await c.next('response.done');
    expect(done.response).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'turn_detected' } });
    expect(c.events.indexOf(started)).toBeLessThan(c.events.indexOf(done));
    c.close();
    await slow.close();
  });

  it('commits by hand without turn detection, and clears', async () => {
    const c = await configured(null, null);
    appendInChunks(c, synthesizeVoice(500));
    await sleep(30);
    expect(c.types()).not.toContain('input_audio_buffer.speech_started');
    c.send({ type: 'input_audio_buffer.commit' });
    const committed = await c.next('input_audio_buffer.committed');
    const added = await c.next('conversation.item.added');
    expect((added.item as { id: string }).id).toBe(committed.item_id);
    await sleep(30);
    expect(c.types()).not.toContain('conversation.item.input_audio_transcription.completed');
    expect(c.types()).not.toContain('response.created');
    appendInChunks(c, synthesizeVoice(200));
    c.send({ type: 'input_audio_buffer.clear' });
    await c.next('input_audio_buffer.cleared');
    c.send({ type: 'input_audio_buffer.commit', event_id: 'after-clear' });
    expect((await c.next('error')).error).toMatchObject({ code: 'input_audio_buffer_commit_empty', event_id: 'after-clear' });
    c.close();
  });
});

describe('injected utterances', () => {
  it('emits the full user-turn sequence with word-by-word transcription deltas', async () => {
    const c = await configured({ type: 'server_vad', create_response: false, interrupt_response: false, silence_duration_ms: 500 });
    const res = await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'Can we revisit the Q3 numbers?', durationMs: 2000 });
    expect(res).toMatchObject({ status: 200, json: { ok: true, responseId: null } });
    const itemId = (res.json as { itemId: string }).itemId;
    const from = c.events.findIndex((e) => e.type === 'input_audio_buffer.speech_started');
    expect(c.types(from)).toEqual([
      'input_audio_buffer.speech_started',
      'input_audio_buffer.speech_stopped',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
      ...Array(6).fill('conversation.item.input_audio_transcription.delta'),
      'conversation.item.input_audio_transcription.completed',
    ]);
    const at = (type: string) => c.events.find((e) => e.type === type)!;
    expect(at('input_audio_buffer.speech_started')).toMatchObject({ item_id: itemId, audio_start_ms: 0 });
    expect(at('input_audio_buffer.speech_stopped')).toMatchObject({ item_id: itemId, audio_end_ms: 2500 });
    const deltas = c.events.filter((e) => e.type === 'conversation.item.input_audio_transcription.delta').map((e) => e.delta);
    expect(deltas.join('')).toBe('Can we revisit the Q3 numbers?');
    expect(at('conversation.item.input_audio_transcription.completed')).toMatchObject({ item_id: itemId, content_index: 0, transcript: 'Can we revisit the Q3 numbers?' });
    c.send({ type: 'conversation.item.retrieve', item_id: itemId });
    expect(((await c.next('conversation.item.retrieved')).item as { content: unknown[] }).content).toEqual([{ type: 'input_audio', transcript: 'Can we revisit the Q3 numbers?' }]);
    c.close();
  });
});
