/**
 * PCM helpers for synthesised speech: read a WAV (what flite and espeak-ng
 * write), resample to the session's rate (low-pass first when going down),
 * and trim the long silences the synthesisers put around every piece.
 */
export type Pcm = { samples: Int16Array; rate: number };

export class WavError extends Error {
  readonly code = 'invalid_wav';
}

/** PCM16 mono from a RIFF/WAVE file; a streamed WAV's placeholder sizes are tolerated. */
export function parseWav(buf: Buffer): Pcm {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new WavError('not a RIFF/WAVE file');
  let at = 12;
  let rate = 0;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ') {
      const format = buf.readUInt16LE(body);
      const channels = buf.readUInt16LE(body + 2);
      const bits = buf.readUInt16LE(body + 14);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new WavError(`expected PCM16 mono, got format ${format}, ${channels} channels, ${bits} bits`);
      rate = buf.readUInt32LE(body + 4);
    } else if (id === 'data') {
      if (!rate) throw new WavError('data before fmt');
      const end = Math.min(buf.length, body + size);
      const samples = new Int16Array(Math.floor((end - body) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(body + i * 2);
      return { samples, rate };
    }
    at = body + size + (size % 2);
  }
  throw new WavError('no data chunk');
}

/** Windowed-sinc low-pass taps at `cutoff` (fraction of the input rate, < 0.5). */
function lowPassTaps(cutoff: number, half = 12): Float64Array {
  const taps = new Float64Array(2 * half + 1);
  let sum = 0;
  for (let k = -half; k <= half; k++) {
    const sinc = k === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * k) / (Math.PI * k);
    const window = 0.54 + 0.46 * Math.cos((Math.PI * k) / (half + 1));
    taps[k + half] = sinc * window;
    sum += sinc * window;
  }
  for (let i = 0; i < taps.length; i++) taps[i] = (taps[i] as number) / sum;
  return taps;
}

/**
 * The low-passed input at one index (the taps over the samples that exist, in tap order). The
 * resampler asks only for the indices it reads (a third of them going from 24 kHz to 8 kHz), so
 * a phone call's replies cost a sixth of filtering every sample with a bounds check per tap
 * (the engine's CPU in scripts/bench-phone.ts at 200 calls was half this filter).
 */
function filteredAt(input: Int16Array, taps: Float64Array, half: number, n: number): number {
  const from = Math.max(-half, -n);
  const to = Math.min(half, input.length - 1 - n);
  let acc = 0;
  for (let k = from; k <= to; k++) acc += (input[n + k] as number) * (taps[k + half] as number);
  return acc;
}

/** Linear-interpolated resampling to `rate`; going down, a low-pass below the new Nyquist first. */
export function resample(pcm: Pcm, rate: number): Int16Array {
  if (pcm.rate === rate) return pcm.samples;
  const input = pcm.samples;
  const down = rate < pcm.rate;
  const taps = down ? lowPassTaps((0.45 * rate) / pcm.rate) : null;
  const half = taps ? (taps.length - 1) / 2 : 0;
  const at = (j: number): number | undefined => (j < 0 || j >= input.length ? undefined : taps ? filteredAt(input, taps, half, j) : (input[j] as number));
  const outLength = Math.floor((input.length * rate) / pcm.rate);
  const out = new Int16Array(outLength);
  const step = pcm.rate / rate;
  for (let i = 0; i < outLength; i++) {
    const x = i * step;
    const j = Math.floor(x);
    const a = at(j) ?? 0;
    // b only counts when x falls between samples (never going from 24 kHz to 8 kHz)
    const b = x === j ? a : (at(j + 1) ?? a);
    out[i] = Math.max(-32768, Math.min(32767, Math.round(a + (b - a) * (x - j))));
  }
  return out;
}

/**
 * Cut leading silence to `keepLeadMs` and trailing silence to `keepTailMs` (the pause
 * after a piece). Silence is below `threshold` of full scale; all-silent input stays as is.
 */
export function trimSilence(pcm: Pcm, keepLeadMs = 20, keepTailMs = 120, threshold = 0.01): Int16Array {
  const { samples, rate } = pcm;
  const level = threshold * 32768;
  let first = 0;
  while (first < samples.length && Math.abs(samples[first] as number) < level) first++;
  if (first === samples.length) return samples;
  let last = samples.length - 1;
  while (last > first && Math.abs(samples[last] as number) < level) last--;
  const start = Math.max(0, first - Math.round((keepLeadMs * rate) / 1000));
  const end = Math.min(samples.length, last + 1 + Math.round((keepTailMs * rate) / 1000));
  return samples.subarray(start, end);
}
