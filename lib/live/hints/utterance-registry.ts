/** Live utterances tracked at once; older ones (e.g. whose transcription never completed) are evicted. */
export const MAX_LIVE_UTTERANCES = 32;
/** Completed utterance ids remembered so a late delta cannot restart them. */
export const MAX_FINISHED_UTTERANCES = 64;

/**
 * Per-utterance state keyed by the transcription item id, bounded in size so a
 * long meeting never accumulates state: at most MAX_LIVE_UTTERANCES live
 * entries (oldest evicted first) and MAX_FINISHED_UTTERANCES tombstones.
 */
export class UtteranceRegistry<S> {
  private live = new Map<string, S>();
  private finished = new Set<string>();

  constructor(private readonly create: (itemId: string) => S) {}

  /** State for an utterance, created on first sight; undefined if it already finished. */
  acquire(itemId: string): S | undefined {
    const existing = this.live.get(itemId);
    if (existing !== undefined) return existing;
    if (this.finished.has(itemId)) return undefined;
    const state = this.create(itemId);
    this.live.set(itemId, state);
    if (this.live.size > MAX_LIVE_UTTERANCES) {
      const oldest = this.live.keys().next().value;
      if (oldest !== undefined) this.live.delete(oldest);
    }
    return state;
  }

  get(itemId: string): S | undefined {
    return this.live.get(itemId);
  }

  isFinished(itemId: string): boolean {
    return this.finished.has(itemId);
  }

  /** Forget the utterance and ignore anything that arrives for it later. */
  finish(itemId: string): void {
    this.live.delete(itemId);
    this.finished.add(itemId);
    if (this.finished.size > MAX_FINISHED_UTTERANCES) {
      const oldest = this.finished.values().next().value;
      if (oldest !== undefined) this.finished.delete(oldest);
    }
  }

  values(): IterableIterator<S> {
    return this.live.values();
  }

  get size(): number {
    return this.live.size;
  }

  clear(): void {
    this.live.clear();
    this.finished.clear();
  }
}
