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

const TONE_CACHE_SIZE = 64;
/** Tones made lately, by duration, words and rate (a tone depends on nothing else); least recently used first. */
const tones = new Map<string, Int16Array>();

/**
 * The voice-like tone of `text` at `rate`: the fallback for a piece, and the whole reply when the
 * engine runs without a synthesiser (the phone bench). The same words make the same tone, and a
 * scripted agent repeats itself (every call's greeting), so recent tones are kept: the returned
 * samples are shared and read only (the speech stream reads slices of them).
 */
export function tonePiece(text: string, rate: number): Int16Array {
  const durationMs = speechDurationMs(text);
  const words = countWords(text);
  const key = `${durationMs}:${words}:${rate}`;
  const kept = tones.get(key);
  if (kept) {
    tones.delete(key);
    tones.set(key, kept);
    return kept;
  }
  const tone = resample({ samples: synthesizeVoice(durationMs, words), rate: SAMPLE_RATE }, rate);
  tones.set(key, tone);
  if (tones.size > TONE_CACHE_SIZE) tones.delete(tones.keys().next().value as string);
  return tone;
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
