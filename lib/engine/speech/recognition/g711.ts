/**
 * G.711 decoding (ITU-T G.711): `audio/pcmu` (mu-law) and `audio/pcma` (A-law)
 * bytes to PCM16 samples, 8 kHz as the phone line sends them. Table lookups.
 */
function ulawSample(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

function alawSample(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

const ULAW = Int16Array.from({ length: 256 }, (_, b) => ulawSample(b));
const ALAW = Int16Array.from({ length: 256 }, (_, b) => alawSample(b));

export type G711Format = 'audio/pcmu' | 'audio/pcma';

export function decodeG711(bytes: Uint8Array, format: G711Format): Int16Array {
  const table = format === 'audio/pcmu' ? ULAW : ALAW;
  const out = new Int16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = table[bytes[i] ?? 0] ?? 0;
  return out;
}
