/**
 * G.711 mu-law in the browser (the phone simulator speaks the line's format): float samples
 * (-1..1) to bytes and back, ITU-T G.711 with the 0x84 bias.
 */
const BIAS = 0x84;
const CLIP = 32_635;

export function encodeMulawSample(sample: number): number {
  const s = Math.max(-1, Math.min(1, sample)) * 32_767;
  const sign = s < 0 ? 0x80 : 0;
  let magnitude = Math.min(CLIP, Math.abs(Math.round(s))) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = sign | (exponent << 4) | mantissa;
  return ~magnitude & 0xff;
}

const DECODE = Float32Array.from({ length: 256 }, (_, byte) => {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return (u & 0x80 ? -magnitude : magnitude) / 32_768;
});

export function decodeMulaw(bytes: Uint8Array): Float32Array<ArrayBuffer> {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = DECODE[bytes[i] as number] as number;
  return out;
}

export function encodeMulaw(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = encodeMulawSample(samples[i] as number);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i] as number);
  return btoa(binary);
}

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
