import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmToBase64, samplesForMs, synthesizeVoice } from './audio-synth';
import type { EngineHandle } from './server';
import type { EffectiveSession } from './session-config';
import { control, mint, RawClient, sleep, startTestEngine } from './test-support';

/** The session config a token carries is the session's starting config, and it drives behaviour until a session.update. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

const minted = {
  type: 'realtime',
  model: 'gpt-realtime-mini',
  instructions: 'You are Dana, a skeptical COO. Push for owners, dates and numbers.',
  output_modalities: ['audio'],
  audio: {
    input: {
      format: { type: 'audio/pcm', rate: 24000 },
      transcription: { model: 'gpt-4o-mini-transcribe' },
      turn_detection: { type: 'server_vad', create_response: false, interrupt_response: false, silence_duration_ms: 900, prefix_padding_ms: 200, threshold: 0.5 },
    },
    output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'cedar' },
  },
  tools: [{ type: 'function', name: 'tag_turn', description: 'Tag the turn.', parameters: { type: 'object', properties: { sentiment: { type: 'string' } } } }],
  tool_choice: 'auto',
};

function concat(...parts: Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function appendInChunks(c: RawClient, pcm: Int16Array, chunkMs = 100): void {
  const size = samplesForMs(chunkMs);
  for (let i = 0; i < pcm.length; i += size) c.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(pcm.subarray(i, i + size)) });
}

describe('the minted session config', () => {
  it('is what session.created reports (the token model wins over the URL one)', async () => {
    const c = await RawClient.connect(`${engine.url}?model=gpt-realtime`, mint('roleplay-client', 60, { session: minted }).value);
    const session = c.events[0]?.session as EffectiveSession;
    expect(session).toMatchObject({
      type: 'realtime',
      object: 'realtime.session',
      model: 'gpt-realtime-mini',
      instructions: minted.instructions,
      output_modalities: ['audio'],
      tools: minted.tools,
      tool_choice: 'auto',
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: { model: 'gpt-4o-mini-transcribe' },
          turn_detection: { type: 'server_vad', create_response: false, interrupt_response: false, silence_duration_ms: 900, prefix_padding_ms: 200, threshold: 0.5 },
        },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'cedar' },
      },
    });
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3000);
    c.close();
  });

  it('drives turn detection: no automatic reply, its silence duration, no barge-in; until session.update changes it', async () => {
    const c = await RawClient.connect(engine.url, mint('practice-partner', 60, { session: minted }).value);
    appendInChunks(c, concat(new Int16Array(samplesForMs(200)), synthesizeVoice(800), new Int16Array(samplesForMs(1200))));
    const stopped = await c.next('input_audio_buffer.speech_stopped');
    // Voice ends near 1000 ms; the VAD waits the minted 900 ms of silence (the default 500 would stop by ~1500).
    expect(stopped.audio_end_ms).toBeGreaterThanOrEqual(1820);
    expect(stopped.audio_end_ms).toBeLessThanOrEqual(1940);
    await c.next('conversation.item.input_audio_transcription.completed');
    await sleep(60);
    expect(c.types()).not.toContain('response.created');

    // interrupt_response false: speaking over a reply does not cut it.
    c.send({ type: 'response.create' });
    await c.next('response.output_audio.delta');
    appendInChunks(c, synthesizeVoice(300));
    await c.next('input_audio_buffer.speech_started', () => true, { from: c.events.findIndex((e) => e.type === 'response.created') });
    expect(((await c.next('response.done')).response as { status: string }).status).toBe('completed');

    c.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: { create_response: true } } } } });
    await c.next('session.updated');
    const from = c.events.length;
    await control(engine, 'POST', `/__test/sessions/latest/utterance`, { text: 'Now answer me' });
    expect(((await c.next('response.created', () => true, { from })).response as { conversation_id: string | null }).conversation_id).not.toBeNull();
    c.close();
  });

  it('uses the minted instructions and tools for replies', async () => {
    const hintSession = { ...minted, instructions: 'Give one quick hint when asked. Speak for at most 4 seconds.' };
    const c = await RawClient.connect(engine.url, mint('hint-assistant', 60, { session: hintSession }).value);
    c.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'The budget is frozen until June' }] } });
    c.send({ type: 'response.create' });
    const done = (await c.next('response.done')).response as { output: { content: { transcript: string }[] }[] };
    expect(done.output[0]?.content[0]?.transcript).toMatch(/^Quick hint \(saw 1 messages\):/);
    c.close();
  });

  it('ends the session at the token’s max_session_s with session_expired, then closes', async () => {
    const c = await RawClient.connect(engine.url, mint('practice-partner', 60, { session: minted, maxSessionSeconds: 1 }).value);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => c.ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    expect((c.events[0]?.session as EffectiveSession).expires_at).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 1);
    const error = await c.next('error', () => true, { timeoutMs: 3000 });
    expect(error.error).toMatchObject({ type: 'invalid_request_error', code: 'session_expired', message: 'Your session hit the maximum duration of 1 second.' });
    expect(await closed).toEqual({ code: 1000, reason: 'session_expired' });
  });
});
