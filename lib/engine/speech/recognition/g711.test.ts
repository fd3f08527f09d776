import { describe, expect, it } from 'vitest';
import { decodeG711 } from './g711';

describe('decodeG711', () => {
  it('decodes mu-law reference values (ITU-T G.711)', () => {
    // 0xFF and 0x7F are the two zeros; 0x80 / 0x00 the extremes.
    expect([...decodeG711(Uint8Array.from([0xff, 0x7f, 0x80, 0x00, 0xf0, 0x70]), 'audio/pcmu')]).toEqual([0, 0, 32124, -32124, 120, -120]);
  });

  it('decodes A-law reference values (ITU-T G.711)', () => {
    expect([...decodeG711(Uint8Array.from([0xd5, 0x55, 0xaa, 0x2a]), 'audio/pcma')]).toEqual([8, -8, 32256, -32256]);
  });

  it('is monotonic over each sign half, so a decoded sine keeps its shape', () => {
    const mu = decodeG711(Uint8Array.from({ length: 128 }, (_, i) => 0xff - i), 'audio/pcmu');
    for (let i = 1; i < mu.length; i++) expect(mu[i] ?? 0).toBeGreaterThan(mu[i - 1] ?? 0);
  });
});
