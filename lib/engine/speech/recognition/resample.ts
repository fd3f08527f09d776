/**
 * Streaming conversion of mono PCM16 at the session's input rate (24 kHz PCM,
 * or 8 kHz for G.711) to the 16 kHz the recogniser's model expects. Linear
 * interpolation; when downsampling, a 3-tap smoothing first tames aliasing
 * (24 -> 16 kHz folds 8-12 kHz into the band). State carries across chunks so
 * chunk boundaries leave no clicks and no drift.
 */
export const RECOGNIZER_RATE = 16_000;

export class Resampler {
  readonly #step: number;
  readonly #smooth: boolean;
  /** Position of the next output sample, in input samples, relative to the first sample of the next chunk. */
  #pos = 0;
  /** Last (smoothed) input sample of the previous chunk, index -1. */
  #prev = 0;
  /** Raw last two input samples, for the smoothing filter across chunks. */
  #raw1 = 0;
  #raw2 = 0;

  constructor(readonly inputRate: number) {
    if (!Number.isFinite(inputRate) || inputRate < 8000 || inputRate > 48_000) throw new RangeError(`Unsupported input rate ${inputRate} Hz (8000-48000).`);
    this.#step = inputRate / RECOGNIZER_RATE;
    this.#smooth = inputRate > RECOGNIZER_RATE;
  }

  /** Convert one chunk (read now, not kept). */
  push(input: Int16Array): Int16Array {
    if (this.#step === 1) return input.slice();
    const n = input.length;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const s = input[i] ?? 0;
      // Centred 3-tap [1,2,1]/4 on the raw signal, delayed by one sample.
      x[i] = this.#smooth ? (this.#raw2 + 2 * this.#raw1 + s) / 4 : s;
      this.#raw2 = this.#raw1;
      this.#raw1 = s;
    }
    const out: number[] = [];
    let pos = this.#pos;
    while (pos <= n - 1) {
      const i = Math.floor(pos);
      const frac = pos - i;
      const a = i < 0 ? this.#prev : (x[i] ?? 0);
      const b = x[i + 1] ?? a;
      out.push(a + (b - a) * frac);
      pos += this.#step;
    }
    if (n > 0) this.#prev = x[n - 1] ?? 0;
    this.#pos = pos - n;
    const result = new Int16Array(out.length);
    for (let i = 0; i < out.length; i++) result[i] = Math.max(-32768, Math.min(32767, Math.round(out[i] ?? 0)));
    return result;
  }
}
