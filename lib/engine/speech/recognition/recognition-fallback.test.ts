import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pcmToBase64, samplesForMs, synthesizeVoice } from '../../audio-synth';
import type { EngineHandle } from '../../server';
import { mint, RawClient, startTestEngine } from '../../test-support';
import { PocketsphinxRecognizer } from './recognizer';

/** A recogniser that cannot start (no model here) must leave the engine exactly as it was without one: placeholders, no crash. */
let engine: EngineHandle;
const lines: string[] = [];
beforeAll(async () => {
  engine = await startTestEngine({ recognition: () => new PocketsphinxRecognizer({ modelDir: '/nowhere/en-us', log: (l) => lines.push(l) }) });
});
afterAll(() => engine.close());

describe('speech recognition fallback', () => {
  it('falls back to the placeholder transcript and keeps serving the session', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { transcription: { model: 'gpt-4o-mini-transcribe' } } } } });
    await c.next('session.updated');
    const pcm = new Int16Array(samplesForMs(600 + 1200 + 800));
    pcm.set(synthesizeVoice(1200), samplesForMs(600));
    const size = samplesForMs(100);
    for (let i = 0; i < pcm.length; i += size) c.send({ type: 'input_audio_buffer.append', audio: pcmToBase64(pcm.subarray(i, i + size)) });
    const completed = await c.next('conversation.item.input_audio_transcription.completed', () => true, { timeoutMs: 8000 });
    expect(completed.transcript).toMatch(/^\[speech, 1\.[12] s — the local engine does not transcribe audio\]$/);
    await c.next('response.done', () => true, { timeoutMs: 8000 });
    expect(lines.join('\n')).toContain('speech recognition unavailable for this session (model_missing');
    // The same session still takes typed turns.
    c.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Still there?' }] } });
    await c.next('conversation.item.added', (e) => JSON.stringify(e).includes('Still there?'));
    expect(engine.sessionCount()).toBe(1);
    c.close();
  });
});
