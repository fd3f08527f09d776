import { msForSamples, rms, SAMPLE_RATE } from './audio-synth';

/**
 * Energy voice-activity detection over PCM16 24 kHz mono, in 20 ms frames.
 * The service's `threshold` (0..1, a probability there) maps to an RMS level:
 * 0.5 -> 0.02 of full scale (about -34 dBFS), which passes normal speech and
 * ignores room noise and digital silence.
 */
export type VadConfig = {
  threshold: number;
  prefixPaddingMs: number;
  silenceDurationMs: number;
  /** Voiced time needed before speech counts as started (debounces clicks). */
  minSpeechMs?: number;
};

export type VadEvent =
  | { type: 'speech_started'; audioStartMs: number }
  | { type: 'speech_stopped'; audioStartMs: number; audioEndMs: number; speechMs: number };

const FRAME_MS = 20;
const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000;

export function rmsThreshold(threshold: number): number {
  return Math.max(0.001, Math.min(1, threshold) * 0.04);
}

export class EnergyVad {
  #config: Required<VadConfig>;
  /** Samples of a frame not complete yet. */
  readonly #pending = new Int16Array(FRAME_SAMPLES);
  #pendingLength = 0;
  #clockSamples = 0;
  #voicedRunMs = 0;
  #runStartMs = 0;
  #speech: { startMs: number; firstVoicedMs: number; lastVoicedEndMs: number } | null = null;

  constructor(config: VadConfig) {
    this.#config = { minSpeechMs: 60, ...config };
  }

  /** Audio time consumed so far, ms. */
  get clockMs(): number {
    return msForSamples(this.#clockSamples + this.#pendingLength);
  }

  get inSpeech(): boolean {
    return this.#speech !== null;
  }

  configure(config: VadConfig): void {
    this.#config = { minSpeechMs: this.#config.minSpeechMs, ...config };
  }

  /** Feed audio (read now, not kept); returns the boundaries it crossed, in order. */
  push(samples: Int16Array): VadEvent[] {
    const events: VadEvent[] = [];
    const step = (event: VadEvent | null) => {
      if (event) events.push(event);
    };
    let at = 0;
    if (this.#pendingLength > 0) {
      at = Math.min(FRAME_SAMPLES - this.#pendingLength, samples.length);
      this.#pending.set(samples.subarray(0, at), this.#pendingLength);
      this.#pendingLength += at;
      if (this.#pendingLength < FRAME_SAMPLES) return events;
      this.#pendingLength = 0;
      step(this.#frame(rms(this.#pending, 0, FRAME_SAMPLES)));
    }
    for (; at + FRAME_SAMPLES <= samples.length; at += FRAME_SAMPLES) step(this.#frame(rms(samples, at, at + FRAME_SAMPLES)));
    this.#pending.set(samples.subarray(at));
    this.#pendingLength = samples.length - at;
    return events;
  }

  /** Forget any speech in progress (buffer cleared or committed by hand); the clock keeps running. */
  reset(): void {
    this.#speech = null;
    this.#voicedRunMs = 0;
  }

  #frame(level: number): VadEvent | null {
    const frameStartMs = msForSamples(this.#clockSamples);
    this.#clockSamples += FRAME_SAMPLES;
    const endMs = msForSamples(this.#clockSamples);
    const voiced = level >= rmsThreshold(this.#config.threshold);
    if (!this.#speech) {
      if (!voiced) {
        this.#voicedRunMs = 0;
        return null;
      }
      if (this.#voicedRunMs === 0) this.#runStartMs = frameStartMs;
      this.#voicedRunMs += FRAME_MS;
      if (this.#voicedRunMs < this.#config.minSpeechMs) return null;
      const audioStartMs = Math.max(0, this.#runStartMs - this.#config.prefixPaddingMs);
      this.#speech = { startMs: audioStartMs, firstVoicedMs: this.#runStartMs, lastVoicedEndMs: endMs };
      return { type: 'speech_started', audioStartMs };
    }
    if (voiced) {
      this.#speech.lastVoicedEndMs = endMs;
      return null;
    }
    if (endMs - this.#speech.lastVoicedEndMs < this.#config.silenceDurationMs) return null;
    const { startMs, firstVoicedMs, lastVoicedEndMs } = this.#speech;
    this.#speech = null;
    this.#voicedRunMs = 0;
    return { type: 'speech_stopped', audioStartMs: startMs, audioEndMs: endMs, speechMs: lastVoicedEndMs - firstVoicedMs };
  }
}
