import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeVoice } from './audio-synth';
import { G711Input } from './g711-input';
import type { EngineHandle } from './server';
import { linearToMulaw, linearToAlaw } from './speech/synthesis/output-format';
import { mint, RawClient, startTestEngine } from './test-support';

/** The engine on a phone line: G.711 in (decoded for the VAD, 8 bytes a ms) and out (8 kHz). */
let engine: EngineHandle;
beforeAll(async () => {
  engine = await startTestEngine();
});
afterAll(() => engine.close());

/** PCM16 24 kHz -> G.711 8 kHz bytes (every third sample), as a phone line carries it. */
function toG711(pcm24k: Int16Array, encode: (s: number) => number): Buffer {
  const out = Buffer.alloc(Math.floor(pcm24k.length / 3));
  for (let i = 0; i < out.length; i++) out[i] = encode(pcm24k[i * 3] as number);
  return out;
}

const MULAW_SILENCE = 0xff;

function sendFrames(c: RawClient, bytes: Buffer, frameBytes = 160): void {
  for (let i = 0; i < bytes.length; i += frameBytes) c.send({ type: 'input_audio_buffer.append', audio: bytes.subarray(i, i + frameBytes).toString('base64') });
}

describe('G711Input', () => {
  it('turns 160 mu-law bytes (20 ms) into 480 samples at 24 kHz (20 ms)', () => {
    const frame = Buffer.alloc(160, MULAW_SILENCE).toString('base64');
    const pcm = new G711Input('audio/pcmu').decode(frame);
    expect(pcm.length).toBe(480);
    expect(Math.max(...pcm.map(Math.abs))).toBe(0);
  });

  it('decodes mu-law and A-law back to the level they were encoded at, interpolating between samples', () => {
    for (const [format, encode] of [['audio/pcmu', linearToMulaw], ['audio/pcma', linearToAlaw]] as const) {
      const bytes = Buffer.from([encode(8000), encode(8000), encode(-8000)]);
      const pcm = new G711Input(format).decode(bytes.toString('base64'));
      expect(pcm.length).toBe(9);
      expect(Math.abs((pcm[2] as number) - 8000)).toBeLessThan(300);
      expect(Math.abs((pcm[8] as number) + 8000)).toBeLessThan(300);
      // between +8000 and -8000: a ramp, not a step
      expect(pcm[6]).toBeGreaterThan(0);
      expect(pcm[7]).toBeLessThan(0);
    }
  });
});

describe('the engine speaking mu-law', () => {
  it('accepts audio/pcmu and audio/pcma in and out, and echoes them in session.updated', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { format: { type: 'audio/pcma' } }, output: { format: { type: 'audio/pcmu' } } } } });
    const updated = await c.next('session.updated');
    expect(updated.session).toMatchObject({ audio: { input: { format: { type: 'audio/pcma' } }, output: { format: { type: 'audio/pcmu' } } } });
    c.send({ type: 'session.update', session: { type: 'realtime', audio: { input: { format: { type: 'audio/opus' } } } } });
    const error = await c.next('error');
    expect(error.error).toMatchObject({ type: 'invalid_request_error' });
    c.close();
  });

  it('hears mu-law speech with turn boundaries at 8 bytes a ms, and replies in 8 kHz mu-law', async () => {
    const c = await RawClient.connect(engine.url, mint().value);
    c.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: {
          input: { format: { type: 'audio/pcmu' }, turn_detection: { type: 'server_vad', create_response: true, silence_duration_ms: 500, prefix_padding_ms: 300 } },
          output: { format: { type: 'audio/pcmu' } },
        },
      },
    });
    await c.next('session.updated');
    const speech = toG711(synthesizeVoice(1200), linearToMulaw);
    sendFrames(c, Buffer.concat([Buffer.alloc(600 * 8, MULAW_SILENCE), speech, Buffer.alloc(800 * 8, MULAW_SILENCE)]));
    const started = await c.next('input_audio_buffer.speech_started');
    const stopped = await c.next('input_audio_buffer.speech_stopped');
    // 600 ms of silence is 4,800 bytes: speech starts there less the 300 ms prefix padding
    expect(started.audio_start_ms).toBe(300);
    expect(stopped.audio_end_ms).toBeGreaterThanOrEqual(2250);
    expect(stopped.audio_end_ms).toBeLessThanOrEqual(2320);
    const delta = await c.next('response.output_audio.delta');
    const bytes = Buffer.from(String(delta.delta), 'base64');
    // 100 ms frames at 8 kHz, one byte a sample
    expect(bytes.length).toBe(800);
    c.close();
  });
});
