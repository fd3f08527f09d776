import { describe, expect, it } from 'vitest';
import {
  base64ToPcm,
  chunkPcm,
  countWords,
  pcmToBase64,
  rms,
  SAMPLE_RATE,
  samplesForMs,
  speechDurationMs,
  speechStream,
  synthesizeSpeech,
  synthesizeVoice,
} from './audio-synth';

describe('audio synth', () => {
  it('speaks at 150 words a minute: 400 ms a word', () => {
    expect(countWords('  one two\nthree  ')).toBe(3);
    expect(speechDurationMs('one two three')).toBe(1200);
    expect(speechDurationMs('')).toBe(0);
    const ten = 'a b c d e f g h i j';
    expect(synthesizeSpeech(ten).length).toBe(4 * SAMPLE_RATE);
    expect(synthesizeSpeech('').length).toBe(0);
  });

  it('is audible, voice-like and deterministic (not silence, not clipping)', () => {
    const pcm = synthesizeVoice(2000);
    const level = rms(pcm);
    expect(level).toBeGreaterThan(0.04);
    expect(level).toBeLessThan(0.2);
    expect(Math.max(...pcm.map(Math.abs))).toBeLessThan(0.3 * 32_767);
    expect(pcm).toEqual(synthesizeVoice(2000));
    // the level moves with syllables: 50 ms windows differ clearly
    const windows = Array.from({ length: 40 }, (_, i) => rms(pcm, i * 1200, (i + 1) * 1200));
    expect(Math.max(...windows) / Math.min(...windows)).toBeGreaterThan(2);
  });

  it('chunks into 100 ms slices and round-trips base64 PCM16 little-endian', () => {
    const pcm = synthesizeVoice(1050);
    const chunks = chunkPcm(pcm);
    expect(chunks.map((c) => c.length)).toEqual([...Array(10).fill(samplesForMs(100)), samplesForMs(50)]);
    const b64 = pcmToBase64(new Int16Array([1, -2, 32767, -32768]));
    expect(Buffer.from(b64, 'base64')).toEqual(Buffer.from([1, 0, 0xfe, 0xff, 0xff, 0x7f, 0x00, 0x80]));
    expect(base64ToPcm(pcmToBase64(pcm))).toEqual(pcm);
  });

  it('streams the same voice chunk by chunk as at once, whatever the chunk size', () => {
    const text = 'We need the budget approved before the board meeting';
    const whole = synthesizeSpeech(text);
    for (const size of [2400, 1000, 7]) {
      const stream = speechStream(text);
      const parts: number[] = [];
      while (stream.remaining > 0) parts.push(...stream.next(size));
      expect(Int16Array.from(parts)).toEqual(whole);
      expect(stream.next(size).length).toBe(0);
    }
  });
});
