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

/** Synthesise `durationMs` of voice-like tone; `words` sets where the inter-word dips fall. */
export function synthesizeVoice(durationMs: number, words = Math.max(1, Math.round(durationMs / MS_PER_WORD))): Int16Array {
  const total = samplesForMs(durationMs);
  const out = new Int16Array(total);
  if (total === 0) return out;
  const wordSamples = total / Math.max(1, words);
  const syllableSamples = SAMPLE_RATE * 0.2; // ~5 syllables a second
  const edge = Math.min(samplesForMs(10), Math.floor(total / 2));
  let phase = 0;
  for (let n = 0; n < total; n++) {
    const t = n / SAMPLE_RATE;
    const word = Math.floor(n / wordSamples);
    const f0 = 140 + 18 * Math.sin(2 * Math.PI * 0.6 * t) + 12 * (((word * 7) % 5) - 2);
    phase += (2 * Math.PI * f0) / SAMPLE_RATE;
    const voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase) + 0.12 * Math.sin(4 * phase);
    const syllable = Math.sin((Math.PI * (n % syllableSamples)) / syllableSamples);
    const inWord = (n % wordSamples) / wordSamples;
    const wordGate = inWord > 0.9 ? 0.35 : 1; // a short dip between words
    const fade = Math.min(1, n / Math.max(1, edge), (total - 1 - n) / Math.max(1, edge));
    const envelope = (0.35 + 0.65 * syllable * syllable) * wordGate * fade;
    out[n] = Math.round((PEAK * voiced * envelope) / 1.87);
  }
  return out;
}

/** Voice for a text: duration from its word count. */
export function synthesizeSpeech(text: string): Int16Array {
  return synthesizeVoice(speechDurationMs(text), countWords(text));
}

/** Split PCM into ~`chunkMs` slices (the last may be shorter). */
export function chunkPcm(pcm: Int16Array, chunkMs = CHUNK_MS): Int16Array[] {
  const size = samplesForMs(chunkMs);
  const chunks: Int16Array[] = [];
  for (let i = 0; i < pcm.length; i += size) chunks.push(pcm.subarray(i, Math.min(pcm.length, i + size)));
  return chunks;
}

export function pcmToBase64(pcm: Int16Array): string {
  const buf = Buffer.alloc(pcm.length * 2);
  for (let i = 0; i < pcm.length; i++) buf.writeInt16LE(pcm[i] ?? 0, i * 2);
  return buf.toString('base64');
}

/** Decode base64 little-endian PCM16; a trailing odd byte is ignored. */
export function base64ToPcm(b64: string): Int16Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Int16Array(Math.floor(buf.length / 2));
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
