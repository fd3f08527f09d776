import { describe, expect, it } from 'vitest';
import { linearToMulaw } from '@/lib/engine/speech/synthesis/output-format';
import { decodeG711 } from '@/lib/engine/speech/recognition/g711';
import { base64ToBytes, bytesToBase64, decodeMulaw, encodeMulaw, encodeMulawSample } from './mulaw';

describe('browser mu-law', () => {
  it('encodes exactly as the engine does and decodes as the engine does', () => {
    for (let s = -32_000; s <= 32_000; s += 97) expect(encodeMulawSample(s / 32_767)).toBe(linearToMulaw(Math.round((s / 32_767) * 32_767)));
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const engine = decodeG711(bytes, 'audio/pcmu');
    const ours = decodeMulaw(bytes);
    for (let i = 0; i < 256; i++) expect(Math.round((ours[i] as number) * 32_768) + 0).toBe(engine[i]);
  });

  it('keeps silence as 0xFF and round-trips base64', () => {
    expect(encodeMulaw(new Float32Array(3))).toEqual(Uint8Array.from([0xff, 0xff, 0xff]));
    const bytes = Uint8Array.from([0, 1, 127, 128, 255]);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
