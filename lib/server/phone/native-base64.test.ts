import { utils } from '@openai/agents/realtime';
import { describe, expect, it } from 'vitest';
import { nativeArrayBufferToBase64, nativeBase64ToArrayBuffer, installNativeBase64 } from './native-base64';

const portableDecode = utils.base64ToArrayBuffer;
const portableEncode = utils.arrayBufferToBase64;

describe('native base64 for the Twilio transport', () => {
  it('gives exactly what the SDK portable converters give', () => {
    for (const length of [0, 1, 2, 3, 159, 160, 161, 800, 4000, 70_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 73 + length) % 256);
      const encoded = portableEncode(bytes.buffer);
      expect(nativeArrayBufferToBase64(bytes.buffer)).toBe(encoded);
      const decoded = nativeBase64ToArrayBuffer(encoded);
      expect(decoded.byteLength).toBe(length);
      expect(new Uint8Array(decoded)).toEqual(new Uint8Array(portableDecode(encoded)));
    }
  });

  it('returns a buffer of its own, not a view into Node\'s shared pool', () => {
    const decoded = nativeBase64ToArrayBuffer(Buffer.alloc(160, 0xff).toString('base64'));
    expect(decoded.byteLength).toBe(160);
    expect(new Uint8Array(decoded).every((b) => b === 0xff)).toBe(true);
  });

  it('installs itself into the utils object the transport reads', () => {
    installNativeBase64();
    expect(utils.base64ToArrayBuffer).toBe(nativeBase64ToArrayBuffer);
    expect(utils.arrayBufferToBase64).toBe(nativeArrayBufferToBase64);
  });
});
