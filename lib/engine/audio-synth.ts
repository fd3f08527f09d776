/**
 * Deterministic "speech" for the local engine: PCM16, 24 kHz, mono. A soft
 * voiced tone (a few harmonics, gliding pitch, syllable-rate envelope, short
 * dips between words) whose length matches the text at ~150 words per minute,
 * so clients can measure it, play it and interrupt it meaningfully.
 */
export const SAMPLE_RATE = 24_000;
const WORDS_PER_MINUTE = 150;
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
const SYLLABLE_SAMPLES = SAMPLE_RATE * 0.2; // ~5 syllables a second
/** Length of the voice bed: 10 s, a whole number of syllables, looped seamlessly. */
const BED_SAMPLES = SYLLABLE_SAMPLES * 50;
const CROSSFADE_SAMPLES = SAMPLE_RATE / 10;

let bed: Int16Array | null = null;

/**
 * The voice every reply reads from: four harmonics on a gliding pitch, shaped by
 * the syllable envelope, made once (~10 ms) and looped with a crossfade. A reply
 * chunk is then a copy out of it plus the word dips and edge fades: 100+ sessions
 * can speak at once.
 */
export function voiceBed(): Int16Array {
  if (bed) return bed;
  const raw = new Float32Array(BED_SAMPLES + CROSSFADE_SAMPLES);
  let phase = 0;
  for (let n = 0; n < raw.length; n++) {
    const t = n / SAMPLE_RATE;
    const f0 = 140 + 18 * Math.sin(TWO_PI * 0.6 * t) + 10 * Math.sin(TWO_PI * 0.13 * t + 1);
    phase += (TWO_PI * f0) / SAMPLE_RATE;
    const voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase) + 0.12 * Math.sin(4 * phase);
    const syllable = Math.sin((Math.PI * (n % SYLLABLE_SAMPLES)) / SYLLABLE_SAMPLES);
    raw[n] = ((PEAK * voiced) / 1.87) * (0.35 + 0.65 * syllable * syllable);
  }
  // Fade the overrun into the head: bed[0] continues bed[BED_SAMPLES - 1] smoothly.
  for (let i = 0; i < CROSSFADE_SAMPLES; i++) {
    const w = i / CROSSFADE_SAMPLES;
    raw[i] = (raw[i] as number) * w + (raw[BED_SAMPLES + i] as number) * (1 - w);
  }
  bed = Int16Array.from(raw.subarray(0, BED_SAMPLES), Math.round);
  return bed;
}

/**
 * Voice-like tone generated on demand, chunk by chunk: `next(n)` returns the next n samples,
 * so a reply's audio is made just before each chunk is sent, never all at once. The samples
 * depend only on the duration and word count: any chunking gives the same signal.
 */
export class VoiceStream {
  readonly total: number;
  #n = 0;
  readonly #wordSamples: number;
  readonly #dipFrom: number;
  readonly #edge: number;

  constructor(durationMs: number, words = Math.max(1, Math.round(durationMs / MS_PER_WORD))) {
    this.total = samplesForMs(durationMs);
    this.#wordSamples = this.total / Math.max(1, words);
    this.#dipFrom = 0.9 * this.#wordSamples;
    this.#edge = Math.max(1, Math.min(samplesForMs(10), Math.floor(this.total / 2)));
  }

  get remaining(): number {
    return this.total - this.#n;
  }

  next(count: number): Int16Array {
    return this.nextInto(new Int16Array(Math.max(0, Math.min(count, this.remaining))));
  }

  /** Fill `scratch` (or its start) with the next samples; returns the filled part, a view of `scratch`. */
  nextInto(scratch: Int16Array): Int16Array {
    const out = scratch.subarray(0, Math.max(0, Math.min(scratch.length, this.remaining)));
    const n0 = this.#n;
    const n1 = n0 + out.length;
    this.#n = n1;
    const voice = voiceBed();
    for (let filled = 0, at = n0 % BED_SAMPLES; filled < out.length; at = 0) {
      const take = Math.min(out.length - filled, BED_SAMPLES - at);
      out.set(voice.subarray(at, at + take), filled);
      filled += take;
    }
    // A short dip at the end of every word: samples whose place in their word is past 90 %.
    const ws = this.#wordSamples;
    for (let w = Math.floor(n0 / ws); w * ws < n1; w++) {
      const end = Math.min(n1, Math.ceil((w + 1) * ws));
      for (let n = Math.max(n0, Math.floor(w * ws + this.#dipFrom)); n < end; n++) {
        if (n % ws > this.#dipFrom) out[n - n0] = Math.round((out[n - n0] as number) * 0.35);
      }
    }
    // Fade in and out over the first and last 10 ms.
    const { total } = this;
    const edge = this.#edge;
    const fade = (n: number) => {
      out[n - n0] = Math.round((out[n - n0] as number) * Math.min(1, n / edge, (total - 1 - n) / edge));
    };
    for (let n = n0; n < Math.min(n1, edge); n++) fade(n);
    for (let n = Math.max(n0, total - 1 - edge); n < n1; n++) fade(n);
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

const DECODE_SCRATCH = new ArrayBuffer(256 * 1024);
const DECODE_BYTES = Buffer.from(DECODE_SCRATCH);

/**
 * Decode base64 PCM16 into a shared scratch buffer: the result is valid only until the
 * next call (read it at once). Large input falls back to a fresh array.
 */
export function base64ToPcmScratch(b64: string): Int16Array {
  if (!LITTLE_ENDIAN || b64.length > (DECODE_SCRATCH.byteLength / 3) * 4) return base64ToPcm(b64);
  const bytes = DECODE_BYTES.write(b64, 'base64');
  return new Int16Array(DECODE_SCRATCH, 0, Math.floor(bytes / 2));
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
