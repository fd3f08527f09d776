import { countWords, SAMPLE_RATE, speechDurationMs, synthesizeVoice } from '../../audio-synth';
import { resample, trimSilence } from './pcm';
import type { Synthesizer } from './synthesizer';
import { splitSpeech } from './text-chunks';
import { type VoiceGender } from './voices';

/**
 * One reply's speech, piece by piece: each piece (see text-chunks) is synthesised
 * while the one before it streams, never the whole reply up front. A piece the
 * synthesiser cannot make (missing, failed, timed out, overloaded) is the old
 * voice-like tone of the same words instead: the reply always has audio.
 */
export type SpokenPiece = {
  text: string;
  words: number;
  /** PCM16 at the output rate. */
  samples: Int16Array;
  /** False when this piece is the tone fallback. */
  spoken: boolean;
};

export type SpokenReplyOptions = { synth: Synthesizer | null; gender: VoiceGender; speed: number; rate: number; onFallback?: (error: unknown) => void };

/** The voice-like tone of `text` at `rate`: the fallback for a piece. */
export function tonePiece(text: string, rate: number): Int16Array {
  const tone = synthesizeVoice(speechDurationMs(text), countWords(text));
  return resample({ samples: tone, rate: SAMPLE_RATE }, rate);
}

export class SpokenReply {
  readonly pieces: readonly string[];
  #next = 0;
  #ahead: Promise<SpokenPiece> | null = null;
  readonly #abort = new AbortController();

  constructor(
    text: string,
    private readonly opts: SpokenReplyOptions,
  ) {
    this.pieces = splitSpeech(text);
  }

  /** The next piece (the one after it is made meanwhile), or null when the reply is all spoken. */
  async next(): Promise<SpokenPiece | null> {
    if (this.#next >= this.pieces.length || this.#abort.signal.aborted) return null;
    const current = this.#ahead ?? this.#make(this.#next);
    const following = ++this.#next;
    // The piece after starts once this one is made: it never competes with it for the CPU.
    this.#ahead = following < this.pieces.length ? current.then(() => this.#make(following)) : null;
    return current;
  }

  /** Stop: pending synthesis is abandoned (its process killed). */
  close(): void {
    this.#abort.abort();
  }

  async #make(index: number): Promise<SpokenPiece> {
    const text = this.pieces[index] ?? '';
    const { synth, rate } = this.opts;
    const words = countWords(text);
    if (synth) {
      try {
        const pcm = await synth.speak(text, this.opts.gender, this.opts.speed, this.#abort.signal, index === 0);
        const trimmed = trimSilence(pcm, index === 0 ? 10 : 40, index === this.pieces.length - 1 ? 40 : 140);
        return { text, words, samples: resample({ samples: trimmed, rate: pcm.rate }, rate), spoken: true };
      } catch (error) {
        if (!this.#abort.signal.aborted) this.opts.onFallback?.(error);
      }
    }
    return { text, words, samples: tonePiece(text, rate), spoken: false };
  }
}
