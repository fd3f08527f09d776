import { describe, expect, it } from 'vitest';
import { RECOGNIZER_RATE, Resampler } from './resample';

const tone = (rate: number, hz: number, ms: number, amp = 10_000) => Int16Array.from({ length: (rate * ms) / 1000 }, (_, i) => Math.round(amp * Math.sin((2 * Math.PI * hz * i) / rate)));

function peakFrequency(pcm: Int16Array, rate: number, candidates: number[]): number {
  let best = candidates[0] ?? 0;
  let bestPower = -1;
  for (const hz of candidates) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < pcm.length; i++) {
      re += (pcm[i] ?? 0) * Math.cos((2 * Math.PI * hz * i) / rate);
      im += (pcm[i] ?? 0) * Math.sin((2 * Math.PI * hz * i) / rate);
    }
    if (re * re + im * im > bestPower) [best, bestPower] = [hz, re * re + im * im];
  }
  return best;
}

describe('Resampler', () => {
  it('turns 24 kHz and 8 kHz into 16 kHz with the right length and pitch', () => {
    for (const rate of [24_000, 8000]) {
      const out = new Resampler(rate).push(tone(rate, 440, 1000));
      expect(Math.abs(out.length - RECOGNIZER_RATE)).toBeLessThanOrEqual(1);
      expect(peakFrequency(out, RECOGNIZER_RATE, [220, 330, 440, 660, 880])).toBe(440);
    }
  });

  it('gives the same samples whether the audio comes whole or in odd-sized chunks (no drift, no clicks)', () => {
    for (const rate of [24_000, 8000]) {
      const input = tone(rate, 300, 500);
      const whole = new Resampler(rate).push(input);
      const r = new Resampler(rate);
      const parts: number[] = [];
      for (let at = 0; at < input.length; at += 37) parts.push(...r.push(input.subarray(at, at + 37)));
      expect(parts.length).toBe(whole.length);
      expect(parts).toEqual([...whole]);
    }
  });

  it('keeps speech-band levels when downsampling and passes 16 kHz through unchanged', () => {
    const out = new Resampler(24_000).push(tone(24_000, 1000, 200));
    const peak = Math.max(...out.subarray(100).map(Math.abs));
    expect(peak).toBeGreaterThan(9000);
    const same = tone(16_000, 500, 20);
    expect([...new Resampler(16_000).push(same)]).toEqual([...same]);
  });

  it('refuses rates it cannot serve', () => {
    expect(() => new Resampler(4000)).toThrow(/Unsupported input rate 4000 Hz/);
    expect(() => new Resampler(Number.NaN)).toThrow(RangeError);
  });
});
