/**
 * The session's output audio format and how a frame of PCM16 becomes the
 * base64 of a `response.output_audio.delta`: PCM16 at 24 kHz (48 bytes a ms),
 * or G.711 mu-law / A-law at 8 kHz (8 bytes a ms).
 */
export type OutputFormat = { type: 'audio/pcm'; rate: 24000 } | { type: 'audio/pcmu' } | { type: 'audio/pcma' };

export function formatRate(format: OutputFormat): number {
  return format.type === 'audio/pcm' ? 24_000 : 8_000;
}

export function bytesPerMs(format: OutputFormat): number {
  return format.type === 'audio/pcm' ? 48 : 8;
}

/** Linear PCM16 sample to G.711 mu-law (ITU-T G.711, with the 0x84 bias). */
export function linearToMulaw(sample: number): number {
  const BIAS = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(32_635, Math.abs(sample)) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = sign | (exponent << 4) | mantissa;
  return ~magnitude & 0xff;
}

/** Linear PCM16 sample to G.711 A-law (even bits inverted). */
export function linearToAlaw(sample: number): number {
  const sign = sample >= 0 ? 0x80 : 0;
  const magnitude = Math.min(32_767, Math.abs(sample)) >> 3;
  let code: number;
  if (magnitude < 32) code = magnitude >> 1;
  else {
    let exponent = 1;
    while (magnitude >> (exponent + 5) > 0 && exponent < 7) exponent++;
    code = (exponent << 4) | ((magnitude >> exponent) & 0x0f);
  }
  return (sign | code) ^ 0x55;
}

/** A frame of PCM16 at the format's rate, encoded for the wire. */
export function encodeFrame(samples: Int16Array, format: OutputFormat): string {
  if (format.type === 'audio/pcm') return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength).toString('base64');
  const encode = format.type === 'audio/pcmu' ? linearToMulaw : linearToAlaw;
  const bytes = Buffer.alloc(samples.length);
  for (let i = 0; i < samples.length; i++) bytes[i] = encode(samples[i] as number);
  return bytes.toString('base64');
}
