/**
 * Deterministic "speech" for the local engine: PCM16, 24 kHz, mono. A soft
 * voiced tone (a few harmonics, gliding pitch, syllable-rate envelope, short
 * dips between words) whose length matches the text at ~150 words per minute,
 * so clients can measure it, play it and interrupt it meaningfully.
 */
export const SAMPLE_RATE = 24_000;
export const WORDS_PER_MINUTE = 150;
export const MS_PER_WORD = 60_000 / WORDS_PER_MINUTE;
export const CHUNK_MS = 100;
const PEAK = 0.22 * 32_767;

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** Spoken length of `text`, in ms: 400 ms a word (150 wpm). */
export function speechDurationMs(text: string): number {
  return countWords(text) * MS_PER_WORD;
}

export function samplesForMs(ms: number): number {
  return Math.round((ms * SAMPLE_RATE) / 1000);
}

export function msForSamples(samples: number): number {
  return (samples * 1000) / SAMPLE_RATE;
}

const TWO_PI = 2 * Math.PI;
const TABLE_SIZE = 4096;
/** One period of the voiced waveform (four harmonics), read by phase: one lookup a sample, not four sines. */
const VOICED = Float64Array.from({ length: TABLE_SIZE + 1 }, (_, i) => {
  const p = (TWO_PI * i) / TABLE_SIZE;
  return Math.sin(p) + 0.5 * Math.sin(2 * p) + 0.25 * Math.sin(3 * p) + 0.12 * Math.sin(4 * p);
});
const SYLLABLE_SAMPLES = SAMPLE_RATE * 0.2; // ~5 syllables a second
/** The syllable envelope, sin^2 over one syllable. */
const SYLLABLE = Float64Array.from({ length: SYLLABLE_SAMPLES }, (_, i) => Math.sin((Math.PI * i) / SYLLABLE_SAMPLES) ** 2);
/** Pitch is recomputed every millisecond: it glides far slower than that. */
const PITCH_STEP = SAMPLE_RATE / 1000;

/**
 * Voice-like tone generated on demand, chunk by chunk: `next(n)` returns the next n samples,
 * so a reply's audio is made just before each chunk is sent, never all at once. The samples
 * depend only on the duration and word count: any chunking gives the same signal.
 */
export class VoiceStream {
  readonly total: number;
  #n = 0;
  #phase = 0;
  #step = 0;
  /** Position of the next sample in its word, minus one. */
  #wordPos = -1;
  readonly #wordSamples: number;
  readonly #edge: number;

  constructor(durationMs: number, words = Math.max(1, Math.round(durationMs / MS_PER_WORD))) {
    this.total = samplesForMs(durationMs);
    this.#wordSamples = this.total / Math.max(1, words);
    this.#edge = Math.max(1, Math.min(samplesForMs(10), Math.floor(this.total / 2)));
  }

  get remaining(): number {
    return this.total - this.#n;
  }

  next(count: number): Int16Array {
    const out = new Int16Array(Math.max(0, Math.min(count, this.remaining)));
    const { total } = this;
    const wordSamples = this.#wordSamples;
    const edge = this.#edge;
    const scale = TABLE_SIZE / TWO_PI;
    const gain = PEAK / 1.87;
    let n = this.#n;
    let phase = this.#phase;
    let step = this.#step;
    let syllable = n % SYLLABLE_SAMPLES;
    let wordPos = this.#wordPos;
    const dipFrom = 0.9 * wordSamples;
    for (let i = 0; i < out.length; i++, n++) {
      if (n % PITCH_STEP === 0) {
        const word = Math.floor(n / wordSamples);
        const f0 = 140 + 18 * Math.sin(TWO_PI * 0.6 * (n / SAMPLE_RATE)) + 12 * (((word * 7) % 5) - 2);
        step = (TWO_PI * f0) / SAMPLE_RATE;
      }
      phase += step;
      if (phase >= TWO_PI) phase -= TWO_PI;
      const x = phase * scale;
      const k = x | 0;
      const a = VOICED[k] as number;
      const voiced = a + ((VOICED[k + 1] as number) - a) * (x - k);
      let envelope = 0.35 + 0.65 * (SYLLABLE[syllable] as number);
      if (++syllable === SYLLABLE_SAMPLES) syllable = 0;
      if (++wordPos >= wordSamples) wordPos -= wordSamples;
      if (wordPos > dipFrom) envelope *= 0.35; // a short dip between words
      if (n < edge || n >= total - 1 - edge) envelope *= Math.min(1, n / edge, (total - 1 - n) / edge);
      out[i] = Math.round(gain * voiced * envelope);
    }
    this.#n = n;
    this.#phase = phase;
    this.#step = step;
    this.#wordPos = wordPos;
    return out;
  }
}

/** Synthesise `durationMs` of voice-like tone at once (tests, short clips); `words` sets where the inter-word dips fall. */
export function synthesizeVoice(durationMs: number, words = Math.max(1, Math.round(durationMs / MS_PER_WORD))): Int16Array {
  const stream = new VoiceStream(durationMs, words);
  return stream.next(stream.total);
}

/** Voice for a text: duration from its word count. */
export function synthesizeSpeech(text: string): Int16Array {
  return synthesizeVoice(speechDurationMs(text), countWords(text));
}

/** A stream of the voice for a text, to be read chunk by chunk. */
export function speechStream(text: string): VoiceStream {
  return new VoiceStream(speechDurationMs(text), countWords(text));
}

/** Split PCM into ~`chunkMs` slices (the last may be shorter). */
export function chunkPcm(pcm: Int16Array, chunkMs = CHUNK_MS): Int16Array[] {
  const size = samplesForMs(chunkMs);
  const chunks: Int16Array[] = [];
  for (let i = 0; i < pcm.length; i += size) chunks.push(pcm.subarray(i, Math.min(pcm.length, i + size)));
  return chunks;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function pcmToBase64(pcm: Int16Array): string {
  if (LITTLE_ENDIAN) return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).toString('base64');
  const buf = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) buf.writeInt16LE(pcm[i] ?? 0, i * 2);
  return buf.toString('base64');
}

/** Decode base64 little-endian PCM16; a trailing odd byte is ignored. */
export function base64ToPcm(b64: string): Int16Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Int16Array(Math.floor(buf.length / 2));
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(buf.subarray(0, out.length * 2));
    return out;
  }
  for (let i = 0; i < out.length; i++) out[i] = buf.readInt16LE(i * 2);
  return out;
}

/** Root-mean-square level, normalised to 0..1 of full scale. */
export function rms(samples: Int16Array, start = 0, end = samples.length): number {
  if (end <= start) return 0;
  let sum = 0;
  for (let i = start; i < end; i++) {
    const v = (samples[i] ?? 0) / 32_768;
    sum += v * v;
  }
  return Math.sqrt(sum / (end - start));
}
