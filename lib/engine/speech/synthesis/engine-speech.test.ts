import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureAudio } from '@/e2e/support/speech-measure';
import type { EngineHandle } from '../../server';
import { mint, RawClient, type ServerEvent, startTestEngine } from '../../test-support';

/** The engine speaking for real (flite on this machine), end to end over its socket. */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine({ synthesis: 'auto', paceFactor: 8 });
});
afterAll(() => engine.close());

const ask = (c: RawClient, extra: Record<string, unknown> = {}) => {
  c.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me about the rollout plan and the budget for next quarter.' }] } });
  c.send({ type: 'response.create', ...extra });
};
const deltas = (events: ServerEvent[], type: string) => events.filter((e) => e.type === type);
const audioBytes = (events: ServerEvent[]) => Buffer.concat(deltas(events, 'response.output_audio.delta').map((e) => Buffer.from(String(e.delta), 'base64')));
const pcm16 = (b: Buffer) => new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + (b.length & ~1)));

describe('engine speech', () => {
  it('says it has flite speech and the recogniser in its health and handle', () => {
    expect(engine.speech.synthesis).toEqual({ available: true, engine: 'flite', install: [], problems: [] });
    expect(engine.synthesizer?.engine).toBe('flite');
  });

  it('speaks a reply as words, piece by piece, with audio and transcript that agree', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    const before = engine.synthesizer?.stats.pieces ?? 0;
    ask(c);
    await c.next('response.output_audio.delta');
    const piecesAtFirstAudio = (engine.synthesizer?.stats.pieces ?? 0) - before;
    const done = await c.next('response.output_audio_transcript.done', () => true, { timeoutMs: 15_000 });
    await c.next('response.done', () => true, { timeoutMs: 15_000 });
    const transcript = String(done.transcript);
    const pieces = (engine.synthesizer?.stats.pieces ?? 0) - before;
    // Never the whole reply up front: first audio left with at most two pieces made.
    expect(pieces).toBeGreaterThan(2);
    expect(piecesAtFirstAudio).toBeLessThanOrEqual(2);
    expect(deltas(c.events, 'response.output_audio_transcript.delta').map((e) => e.delta).join('')).toBe(transcript);
    const audio = pcm16(audioBytes(c.events));
    const m = measureAudio(audio, 24_000);
    expect(m.verdict).toBe('speech');
    // flite speaks at roughly 150-220 words a minute: the audio length fits the words.
    const wordsPerMinute = transcript.split(' ').length / (m.durationMs / 60_000);
    expect(wordsPerMinute).toBeGreaterThan(110);
    expect(wordsPerMinute).toBeLessThan(260);
    c.close();
  });

  it('speaks G.711 mu-law at 8 bytes a ms when the session asks for it, with the voice it asked for', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'session.update', session: { type: 'realtime', audio: { output: { format: { type: 'audio/pcmu' }, voice: 'cedar' } } } });
    await c.next('session.updated');
    ask(c);
    const done = await c.next('response.done', () => true, { timeoutMs: 15_000 });
    expect((done.response as { audio: unknown }).audio).toEqual({ output: { format: { type: 'audio/pcmu' }, voice: 'cedar' } });
    const frames = deltas(c.events, 'response.output_audio.delta').map((e) => Buffer.from(String(e.delta), 'base64').length);
    expect(frames.slice(0, 3)).toEqual([800, 800, 800]);
    expect(frames.reduce((a, b) => a + b, 0) / 8).toBeGreaterThan(1000);
    c.close();
  });

  it('truncates at audio_end_ms to the words spoken by then', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    ask(c);
    const done = await c.next('response.output_audio_transcript.done', () => true, { timeoutMs: 15_000 });
    await c.next('response.done', () => true, { timeoutMs: 15_000 });
    const words = String(done.transcript).split(' ');
    const totalMs = audioBytes(c.events).length / 48;
    c.send({ type: 'conversation.item.truncate', item_id: done.item_id, content_index: 0, audio_end_ms: Math.round(totalMs / 2) });
    await c.next('conversation.item.truncated');
    const item = (await fetch(`${engine.httpUrl}/__test/sessions/latest`).then((r) => r.json())) as { conversation: { id: string; content?: { transcript?: string }[] }[] };
    const kept = item.conversation.find((i) => i.id === done.item_id)?.content?.[0]?.transcript ?? '';
    const keptWords = kept.split(' ').length;
    expect(words.join(' ').startsWith(kept)).toBe(true);
    // About half the words: pieces differ in pace, so allow a margin.
    expect(keptWords).toBeGreaterThan(words.length * 0.3);
    expect(keptWords).toBeLessThan(words.length * 0.7);
    c.close();
  });

  it('cancels mid-reply, with pieces still to make, and sends no audio after', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    ask(c);
    await c.next('response.output_audio.delta');
    c.send({ type: 'response.cancel' });
    const done = await c.next('response.done');
    expect((done.response as { status: string }).status).toBe('cancelled');
    const after = c.events.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(c.types(after).filter((t) => t.startsWith('response.output_audio'))).toEqual([]);
    // The reply went on speaking nothing: the next one starts cleanly.
    c.send({ type: 'response.create' });
    await c.next('response.done', (e) => e.event_id !== done.event_id, { timeoutMs: 15_000 });
    c.close();
  });
});
