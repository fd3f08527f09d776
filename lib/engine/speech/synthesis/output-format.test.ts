import { describe, expect, it } from 'vitest';
import { bytesPerMs, encodeFrame, formatRate, linearToAlaw, linearToMulaw } from './output-format';

/** Reference G.711 decoders (ITU-T), to check the encoders round-trip. */
function mulawToLinear(u: number): number {
  const v = ~u & 0xff;
  const t = (((v & 0x0f) << 3) + 0x84) << ((v & 0x70) >> 4);
  return v & 0x80 ? 0x84 - t : t - 0x84;
}
function alawToLinear(a: number): number {
  const v = a ^ 0x55;
  const seg = (v & 0x70) >> 4;
  let t = (v & 0x0f) << 4;
  t = seg === 0 ? t + 8 : seg === 1 ? t + 0x108 : (t + 0x108) << (seg - 1);
  return v & 0x80 ? t : -t;
}

describe('output formats', () => {
  it('knows each format rate and bytes per ms', () => {
    expect([formatRate({ type: 'audio/pcm', rate: 24000 }), bytesPerMs({ type: 'audio/pcm', rate: 24000 })]).toEqual([24_000, 48]);
    expect([formatRate({ type: 'audio/pcmu' }), bytesPerMs({ type: 'audio/pcmu' })]).toEqual([8_000, 8]);
    expect([formatRate({ type: 'audio/pcma' }), bytesPerMs({ type: 'audio/pcma' })]).toEqual([8_000, 8]);
  });

  it('encodes mu-law and A-law within G.711 quantisation error', () => {
    for (const x of [0, 1, -1, 100, -100, 1000, -1000, 8000, -8000, 20_000, -20_000, 32_767, -32_768]) {
      const tolerance = Math.max(16, Math.abs(x) / 16);
      expect(Math.abs(mulawToLinear(linearToMulaw(x)) - x)).toBeLessThanOrEqual(tolerance + (Math.abs(x) > 32_000 ? 200 : 0));
      expect(Math.abs(alawToLinear(linearToAlaw(x)) - x)).toBeLessThanOrEqual(tolerance + (Math.abs(x) > 32_000 ? 200 : 0));
    }
    expect(linearToMulaw(0)).toBe(0xff);
    expect(linearToAlaw(0)).toBe(0xd5);
  });

  it('encodes a 100 ms frame as 4800 bytes of PCM16 or 800 bytes of G.711', () => {
    const pcm24 = new Int16Array(2400).fill(1234);
    expect(Buffer.from(encodeFrame(pcm24, { type: 'audio/pcm', rate: 24000 }), 'base64')).toHaveLength(4800);
    const pcm8 = new Int16Array(800).fill(-1234);
    const mu = Buffer.from(encodeFrame(pcm8, { type: 'audio/pcmu' }), 'base64');
    expect(mu).toHaveLength(800);
    expect(mu[0]).toBe(linearToMulaw(-1234));
    expect(Buffer.from(encodeFrame(pcm8, { type: 'audio/pcma' }), 'base64')[0]).toBe(linearToAlaw(-1234));
  });
});
