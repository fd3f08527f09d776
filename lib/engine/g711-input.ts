import { decodeG711, type G711Format } from './speech/recognition/g711';

/**
 * Phone-line input (`audio/pcmu`, `audio/pcma`: 8 kHz, one byte a sample, 8 bytes a ms) made
 * into the engine's working PCM16 24 kHz, so turn detection, recognition and the session clock
 * run unchanged: 160 bytes (20 ms) become 480 samples (20 ms). Upsampled by linear
 * interpolation, the last sample carried over so frame edges do not click.
 */
/** 8 kHz -> 24 kHz. */
const FACTOR = 3;

export class G711Input {
  #last = 0;

  constructor(private readonly format: G711Format) {}

  /** base64 G.711 -> PCM16 24 kHz (a fresh array: the VAD copies what it keeps). Invalid base64 characters are skipped, as Buffer does. */
  decode(audioBase64: string): Int16Array {
    const narrow = decodeG711(Buffer.from(audioBase64, 'base64'), this.format);
    const out = new Int16Array(narrow.length * FACTOR);
    let prev = this.#last;
    for (let i = 0; i < narrow.length; i++) {
      const next = narrow[i] as number;
      const o = i * FACTOR;
      out[o] = Math.round(prev + (next - prev) / FACTOR);
      out[o + 1] = Math.round(prev + (2 * (next - prev)) / FACTOR);
      out[o + 2] = next;
      prev = next;
    }
    this.#last = prev;
    return out;
  }
}
