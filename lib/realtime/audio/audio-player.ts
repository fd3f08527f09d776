/**
 * Plays the session's `audio` events (PCM16 mono, 24 kHz) gaplessly with Web Audio.
 * Chunks are scheduled back to back on the context clock; `flush()` stops everything that
 * is scheduled at once and drops late chunks of the response it cut off.
 */

import { tapPlaybackOutput } from './bench-probe';

export type PlayerEvent = 'started' | 'stopped';

export interface AudioOutput {
  /** Create/resume the audio context. Call from a user gesture (the Connect click). */
  unlock(): void;
  enqueue(pcm: ArrayBuffer, responseId?: string): void;
  /** Silence now. Returns the ms of the current response the user actually heard. */
  flush(): number;
  readonly isPlaying: boolean;
  /** Ms of the current response heard so far (frozen at the flush point after a flush). */
  readonly playedMs: number;
  on(event: PlayerEvent, listener: () => void): () => void;
  close(): void;
}

const PLAYBACK_SAMPLE_RATE = 24_000;

/**
 * The output buffer asked of the browser, seconds: as small as the device allows. What is
 * already buffered keeps playing after an interrupt, so this bounds how fast "stop" is heard:
 * Chromium's 'interactive' gave 10 ms + 32 ms of output latency here (an interrupt heard after
 * ~40 ms), 0.005 gives 5 + 16 ms. The browser rounds it up to what the device supports.
 */
const OUTPUT_LATENCY_HINT_SECONDS = 0.005;

type Scheduled = { source: AudioBufferSourceNode; start: number; duration: number; responseId: string | undefined };

export type AudioPlayerOptions = {
  createContext?: () => AudioContext;
  /** Head start for the first chunk after silence, seconds: room for network jitter. */
  leadSeconds?: number;
};

/** Little-endian PCM16 bytes to float samples in [-1, 1). */
export function pcm16ToFloat32(bytes: Uint8Array): Float32Array {
  const count = bytes.length >> 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset, count * 2);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getInt16(i * 2, true) / 0x8000;
  return out;
}

export class AudioPlayer implements AudioOutput {
  #ctx: AudioContext | null = null;
  #gain: GainNode | null = null;
  #createContext: () => AudioContext;
  #lead: number;
  #active = new Set<Scheduled>();
  #nextStart = 0;
  #responseId: string | undefined;
  #completedMs = 0;
  #frozenMs: number | null = null;
  #dropResponseId: string | undefined;
  #carry: number | null = null;
  #playing = false;
  #listeners = new Map<PlayerEvent, Set<() => void>>();

  constructor({ createContext, leadSeconds = 0.06 }: AudioPlayerOptions = {}) {
    this.#createContext = createContext ?? (() => new AudioContext({ sampleRate: PLAYBACK_SAMPLE_RATE, latencyHint: OUTPUT_LATENCY_HINT_SECONDS }));
    this.#lead = leadSeconds;
  }

  get isPlaying(): boolean {
    return this.#playing;
  }

  get playedMs(): number {
    if (this.#frozenMs !== null) return this.#frozenMs;
    const now = this.#ctx?.currentTime ?? 0;
    let ms = this.#completedMs;
    for (const chunk of this.#active) {
      if (chunk.responseId !== this.#responseId) continue;
      ms += Math.min(Math.max(now - chunk.start, 0), chunk.duration) * 1000;
    }
    return Math.round(ms);
  }

  on(event: PlayerEvent, listener: () => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  unlock(): void {
    if (!this.#ctx || this.#ctx.state === 'closed') {
      this.#ctx = this.#createContext();
      this.#gain = this.#ctx.createGain();
      this.#gain.connect(this.#ctx.destination);
      // `npm run bench` only (one null check otherwise): time the moment the output goes silent.
      tapPlaybackOutput(this.#ctx, this.#gain);
    }
    if (this.#ctx.state === 'suspended') void this.#ctx.resume().catch(() => undefined);
  }

  enqueue(pcm: ArrayBuffer, responseId?: string): void {
    if (responseId !== undefined && responseId === this.#dropResponseId) return;
    this.unlock();
    const ctx = this.#ctx;
    const gain = this.#gain;
    if (!ctx || !gain) return;
    if (responseId !== this.#responseId) {
      this.#responseId = responseId;
      this.#completedMs = 0;
      this.#carry = null;
    }
    this.#frozenMs = null;

    let bytes = new Uint8Array(pcm);
    if (this.#carry !== null) {
      const joined = new Uint8Array(bytes.length + 1);
      joined[0] = this.#carry;
      joined.set(bytes, 1);
      bytes = joined;
      this.#carry = null;
    }
    if (bytes.length % 2 === 1) {
      this.#carry = bytes[bytes.length - 1] ?? 0;
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    const samples = pcm16ToFloat32(bytes);
    if (samples.length === 0) return;

    const buffer = ctx.createBuffer(1, samples.length, PLAYBACK_SAMPLE_RATE);
    buffer.getChannelData(0).set(samples);
    const source = ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(gain);
    const start = Math.max(this.#nextStart, ctx.currentTime + (this.#active.size === 0 ? this.#lead : 0));
    const chunk: Scheduled = { source, start, duration: samples.length / PLAYBACK_SAMPLE_RATE, responseId };
    source.onended = () => this.#ended(chunk);
    source.start(start);
    this.#nextStart = start + chunk.duration;
    this.#active.add(chunk);
    this.#setPlaying(true);
  }

  flush(): number {
    const heard = this.playedMs;
    for (const chunk of this.#active) {
      chunk.source.onended = null;
      try {
        chunk.source.stop();
      } catch {
        // already stopped
      }
      chunk.source.disconnect();
    }
    this.#active.clear();
    this.#nextStart = 0;
    this.#carry = null;
    this.#frozenMs = heard;
    if (this.#responseId !== undefined) this.#dropResponseId = this.#responseId;
    this.#setPlaying(false);
    return heard;
  }

  close(): void {
    this.flush();
    const ctx = this.#ctx;
    this.#ctx = null;
    this.#gain = null;
    if (ctx && ctx.state !== 'closed') void ctx.close().catch(() => undefined);
  }

  #ended(chunk: Scheduled): void {
    if (!this.#active.delete(chunk)) return;
    if (chunk.responseId === this.#responseId) this.#completedMs += chunk.duration * 1000;
    chunk.source.disconnect();
    if (this.#active.size === 0) {
      this.#nextStart = 0;
      this.#setPlaying(false);
    }
  }

  #setPlaying(playing: boolean): void {
    if (this.#playing === playing) return;
    this.#playing = playing;
    for (const listener of this.#listeners.get(playing ? 'started' : 'stopped') ?? []) listener();
  }
}
