import type { Recognizer, RecognizerFactory } from './recognizer';
import { RECOGNIZER_RATE, Resampler } from './resample';
import { StablePrefix } from './stable-prefix';

/**
 * A session's speech recognition, next to its VAD: audio at the session's
 * input rate is resampled to 16 kHz; the last ~600 ms are kept so an
 * utterance starts with the audio before the VAD noticed it (its prefix
 * padding); stable words of each utterance are handed out as deltas. The
 * recogniser is made on the session's first audio (its model loads in the
 * background meanwhile), never for a session that sends none.
 */
export type RecognizedTurn = { text: string; /** Words after those already sent as deltas (null: none). */ rest: string | null };

const RING_SAMPLES = (RECOGNIZER_RATE * 600) / 1000;

export class SpeechInput {
  #recognizer: Recognizer | null = null;
  readonly #resampler: Resampler;
  #ring: Int16Array[] = [];
  #ringLength = 0;
  #stable: StablePrefix | null = null;

  constructor(
    private readonly factory: RecognizerFactory,
    inputRate: number,
    private readonly onDelta: (itemId: string, delta: string) => void,
  ) {
    this.#resampler = new Resampler(inputRate);
  }

  get inUtterance(): boolean {
    return this.#stable !== null;
  }

  /** False once the recogniser failed (the caller then uses placeholders). */
  get usable(): boolean {
    return !this.#recognizer?.failed;
  }

  get recognizer(): Recognizer | null {
    return this.#recognizer;
  }

  /** Audio as appended (read now, not kept). */
  audio(pcm: Int16Array): void {
    if (!this.#recognizer && this.usable) {
      this.#recognizer = this.factory();
      this.#recognizer.prepare();
    }
    const resampled = this.#resampler.push(pcm);
    if (this.#stable) {
      this.#recognizer?.audio(resampled);
      return;
    }
    this.#ring.push(resampled);
    this.#ringLength += resampled.length;
    while (this.#ring.length > 1 && this.#ringLength - (this.#ring[0]?.length ?? 0) >= RING_SAMPLES) this.#ringLength -= this.#ring.shift()?.length ?? 0;
  }

  /** Speech started (item id for live deltas; null: no live deltas, e.g. manual commits). */
  begin(itemId: string | null): void {
    if (!this.usable) return;
    this.#recognizer ??= this.factory();
    const stable = new StablePrefix();
    this.#stable = stable;
    this.#recognizer.begin((text) => {
      const delta = stable.partial(text);
      if (delta && itemId) this.onDelta(itemId, delta);
    });
    for (const chunk of this.#ring) this.#recognizer.audio(chunk);
    this.#ring = [];
    this.#ringLength = 0;
  }

  /** Speech ended: the final text, or null when recognition is unavailable. */
  async end(): Promise<RecognizedTurn | null> {
    const stable = this.#stable;
    this.#stable = null;
    if (!stable || !this.#recognizer) return null;
    const text = await this.#recognizer.end();
    if (text === null) return null;
    return { text: text.trim(), rest: stable.final(text) };
  }

  abort(): void {
    this.#stable = null;
    this.#recognizer?.abort();
  }

  close(): void {
    this.#stable = null;
    this.#recognizer?.close();
  }
}
