import { ProcessPool, type PoolOptions } from './process-pool';
import type { Pcm } from './pcm';
import { synthesize, type SynthEngine } from './synth-process';
import type { VoiceGender } from './voices';

/**
 * The engine's one speech synthesiser: flite (or espeak-ng) processes run through
 * a bounded pool shared by every session. It counts what it did, for the health
 * check and the bench.
 */
const DEFAULT_POOL: PoolOptions = { concurrency: 2, maxQueued: 32, timeoutMs: 4000 };

export type SynthStats = { pieces: number; failures: number; audioMs: number; lastError: string | null };

export class Synthesizer {
  readonly pool: ProcessPool;
  readonly stats: SynthStats = { pieces: 0, failures: 0, audioMs: 0, lastError: null };

  constructor(
    readonly engine: SynthEngine,
    pool: Partial<PoolOptions> = {},
  ) {
    this.pool = new ProcessPool({ ...DEFAULT_POOL, ...pool });
  }

  /** Speak `text`; `urgent` (a reply's first piece) goes ahead of queued later pieces. */
  async speak(text: string, gender: VoiceGender, speed: number, signal?: AbortSignal, urgent = false): Promise<Pcm> {
    try {
      const pcm = await this.pool.run((jobSignal) => synthesize(this.engine, { text, gender, speed }, jobSignal), signal, urgent);
      this.stats.pieces++;
      this.stats.audioMs += (pcm.samples.length * 1000) / pcm.rate;
      return pcm;
    } catch (error) {
      if (!signal?.aborted) {
        this.stats.failures++;
        this.stats.lastError = error instanceof Error ? error.message : String(error);
      }
      throw error;
    }
  }
}
