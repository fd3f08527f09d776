/** Most utterances whose words-so-far are kept (older ones are dropped first). */
const MAX_LIVE_TEXTS = 32;
/** Longest text kept per utterance: a hint reads at most its tail. */
const MAX_CHARS = 4_000;

/**
 * The words heard so far for utterances still being transcribed, by item id. The SDK's
 * history carries a user turn's transcript only once it is complete, but a trigger fires in
 * the middle of it; the hint's context takes the words from here. Bounded in entries and
 * length, O(delta) per append.
 */
export class LiveText {
  readonly #texts = new Map<string, string>();

  append(itemId: string, delta: string): void {
    const prev = this.#texts.get(itemId);
    if (prev === undefined && this.#texts.size >= MAX_LIVE_TEXTS) {
      const oldest = this.#texts.keys().next().value;
      if (oldest !== undefined) this.#texts.delete(oldest);
    }
    const next = (prev ?? '') + delta;
    this.#texts.set(itemId, next.length > MAX_CHARS ? next.slice(-MAX_CHARS) : next);
  }

  get(itemId: string): string | undefined {
    return this.#texts.get(itemId);
  }

  delete(itemId: string): void {
    this.#texts.delete(itemId);
  }

  clear(): void {
    this.#texts.clear();
  }

  get size(): number {
    return this.#texts.size;
  }
}
