import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmToBase64, samplesForMs } from '../../audio-synth';
import type { EngineHandle } from '../../server';
import { control, mint, RawClient, startTestEngine } from '../../test-support';
import { recognitionModel } from './availability';
import { concatPcm, FLITE_RATE, fliteAvailable, fliteSpeech, resampleClip, silence } from './test-support/flite-fixture';

/** Real speech through the engine: flite's voice in, pocketsphinx transcripts out (skipped where the packages are missing). */
const ready = recognitionModel().ok && fliteAvailable();
let engine: EngineHandle;
beforeAll(async () => {
  if (ready) engine = await startTestEngine({ recognition: 'auto', paceFactor: 40 });
});
afterAll(() => engine?.close());

function spoken(text: string): Int16Array {
  return concatPcm(silence(400, 24_000), resampleClip(fliteSpeech(text), FLITE_RATE, 24_000), silence(900, 24_000));
}

async function streamRealtime(c: RawClient, pcm: Int16Array, chunkMs = 100): Promise<void> {
  const size = samplesForMs(chunkMs);
  for (let i = 0; i < pcm.length; i += size) {
    c.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(pcm.subarray(i, i + size)) });
    await new Promise((r) => setTimeout(r, chunkMs / 4)); // 4x real time: partials still arrive chunk by chunk
  }
}

async function configured(turnDetection: Record<string, unknown> | null) {
  const c = await RawClient.connect(engine.url, mint().value);
  c.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' }, turn_detection: turnDetection } } } });
  await c.next('session.updated');
  return c;
}

describe.runIf(ready)('speech recognition in the engine', () => {
  it('sends stable words as deltas while the user speaks, then the completed text, and the reply hears it', async () => {
    const c = await configured({ type: 'server_vad', create_response: true, silence_duration_ms: 500 });
    await streamRealtime(c, spoken("That's a good question, let me think about the budget."));
    const completed = await c.next('conversation.item.input_audio_transcription.completed', () => true, { timeoutMs: 15_000 });
    expect(completed.transcript).toMatch(/good question/);
    const item = completed.item_id;
    const deltas = c.events.filter((e) => e.type === 'conversation.item.input_audio_transcription.delta' && e.item_id === item).map((e) => String(e.delta));
    expect(deltas.length).toBeGreaterThan(1);
    // Stable words only, each sent once: the first without a leading space, then " word".
    expect(deltas[0]).not.toMatch(/^\s/);
    for (const d of deltas.slice(1)) expect(d).toMatch(/^ \S/);
    expect(deltas.join('')).toMatch(/good/);
    const types = c.types();
    // Live words arrive before the turn is even committed; completed comes after the reply started (GA default).
    expect(types.indexOf('conversation.item.input_audio_transcription.delta')).toBeLessThan(types.indexOf('input_audio_buffer.committed'));
    expect(types.indexOf('conversation.item.input_audio_transcription.completed')).toBeGreaterThan(types.indexOf('response.created'));
    const done = await c.next('response.done', () => true, { timeoutMs: 15_000 });
    expect(JSON.stringify(done.response)).toContain('good question');
    c.close();
  });

  it('recognises a manually committed buffer and honours a zero transcription lag', async () => {
    await control(engine, 'POST', '/__test/faults', { transcriptionLagMs: 0 });
    try {
      const c = await configured(null);
      await streamRealtime(c, spoken('Okay, got it, thanks.'));
      c.send({ type: 'input_audio_buffer.commit' });
      const completed = await c.next('conversation.item.input_audio_transcription.completed', () => true, { timeoutMs: 15_000 });
      expect(completed.transcript).toMatch(/got it/);
      c.close();
    } finally {
      await control(engine, 'POST', '/__test/faults', { transcriptionLagMs: null });
    }
  });

  it('keeps injected utterances working beside real recognition', async () => {
    const c = await configured({ type: 'server_vad', create_response: true });
    const res = await control(engine, 'POST', '/__test/sessions/latest/utterance', { text: 'Typed words still arrive' });
    expect(res.status).toBe(200);
    const completed = await c.next('conversation.item.input_audio_transcription.completed');
    expect(completed.transcript).toBe('Typed words still arrive');
    c.close();
  });
});
