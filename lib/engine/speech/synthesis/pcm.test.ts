import { describe, expect, it } from 'vitest';
import { parseWav, resample, trimSilence, WavError } from './pcm';

function wav(samples: number[], rate: number, placeholderSize = false): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(v, i * 2));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(placeholderSize ? 0xffffffff : 36 + data.length, 4);
  h.write('WAVE', 8);
  h.write('fmt ', 12);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(placeholderSize ? 0xffffffff : data.length, 40);
  return Buffer.concat([h, data]);
}

const sine = (f: number, rate: number, n: number) => Int16Array.from({ length: n }, (_, i) => Math.round(10_000 * Math.sin((2 * Math.PI * f * i) / rate)));
const rmsOf = (s: Int16Array) => Math.sqrt(s.reduce((a, v) => a + v * v, 0) / s.length);

describe('pcm', () => {
  it('reads a PCM16 mono WAV, also with a streamed placeholder size', () => {
    expect(parseWav(wav([1, -2, 3], 16_000))).toEqual({ samples: Int16Array.from([1, -2, 3]), rate: 16_000 });
    expect(parseWav(wav([5, 6], 22_050, true)).samples).toEqual(Int16Array.from([5, 6]));
  });

  it('refuses what is not a PCM16 mono WAV, with a coded error', () => {
    expect(() => parseWav(Buffer.from('hello world!'))).toThrow(WavError);
    const stereo = wav([1, 2], 16_000);
    stereo.writeUInt16LE(2, 22);
    expect(() => parseWav(stereo)).toThrow('expected PCM16 mono, got format 1, 2 channels, 16 bits');
  });

  it('resamples up and down keeping length and level, and filters what the lower rate cannot carry', () => {
    const tone = { samples: sine(440, 16_000, 16_000), rate: 16_000 };
    const up = resample(tone, 24_000);
    expect(up.length).toBe(24_000);
    expect(rmsOf(up) / rmsOf(tone.samples)).toBeCloseTo(1, 1);
    const down = resample(tone, 8_000);
    expect(down.length).toBe(8_000);
    expect(rmsOf(down) / rmsOf(tone.samples)).toBeCloseTo(1, 1);
    // 6 kHz cannot exist at 8 kHz: it is removed, not folded to 2 kHz.
    const high = resample({ samples: sine(6_000, 24_000, 24_000), rate: 24_000 }, 8_000);
    expect(rmsOf(high)).toBeLessThan(0.05 * 10_000);
    expect(resample(tone, 16_000)).toBe(tone.samples);
  });

  it('gives exactly what filtering every sample then interpolating gives (it filters only the samples it reads)', () => {
    // the reference: the whole input low-passed (the same 25 taps), then linear interpolation
    const reference = (samples: Int16Array, from: number, to: number): Int16Array => {
      const cutoff = (0.45 * to) / from;
      const half = 12;
      const taps = Array.from({ length: 2 * half + 1 }, (_, i) => {
        const k = i - half;
        return (k === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k)) * (0.54 + 0.46 * Math.cos((Math.PI * k) / (half + 1)));
      });
      const sum = taps.reduce((a, b) => a + b, 0);
      const norm = taps.map((t) => t / sum);
      const filtered = Array.from(samples, (_, n) => {
        let acc = 0;
        for (let k = -half; k <= half; k++) if (n + k >= 0 && n + k < samples.length) acc += (samples[n + k] as number) * (norm[k + half] as number);
        return acc;
      });
      const out = new Int16Array(Math.floor((samples.length * to) / from));
      for (let i = 0; i < out.length; i++) {
        const x = i * (from / to);
        const j = Math.floor(x);
        const a = filtered[j] ?? 0;
        const b = filtered[j + 1] ?? a;
        out[i] = Math.max(-32768, Math.min(32767, Math.round(a + (b - a) * (x - j))));
      }
      return out;
    };
    let seed = 7;
    const noise = Int16Array.from({ length: 4801 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 65536) - 32768);
    for (const [from, to] of [[24_000, 8_000], [16_000, 8_000], [22_050, 8_000], [24_000, 16_000]] as const) {
      expect(Array.from(resample({ samples: noise, rate: from }, to)), `${from} -> ${to}`).toEqual(Array.from(reference(noise, from, to)));
    }
  });

  it('trims long silences around speech to the kept lead and tail', () => {
    const rate = 1000;
    const samples = Int16Array.from([...new Array(300).fill(0), ...new Array(100).fill(5000), ...new Array(400).fill(0)]);
    const trimmed = trimSilence({ samples, rate }, 20, 120);
    expect(trimmed.length).toBe(20 + 100 + 120);
    expect(trimSilence({ samples: new Int16Array(50), rate })).toHaveLength(50);
  });
});
