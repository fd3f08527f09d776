/**
 * When to ask for a suggestion: after each final customer utterance, debounced (a customer who
 * says three things in a row gets one suggestion, for the last), at most one request in flight,
 * and a newer request aborts the older (its answer would be stale).
 */

export type SuggestRun = (signal: AbortSignal, question: string | null) => Promise<void>;

export class SuggestionScheduler {
  #timer: ReturnType<typeof setTimeout> | null = null;
  #current: AbortController | null = null;
  #disposed = false;

  constructor(
    private readonly run: SuggestRun,
    private readonly debounceMs = 250,
    // Called as methods of this object: wrapped, because the browser's setTimeout refuses any other `this`.
    private readonly timers: { set: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>; clear: (t: ReturnType<typeof setTimeout>) => void } = {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (t) => clearTimeout(t),
    },
  ) {}

  /** A final customer utterance arrived. */
  utterance(): void {
    if (this.#disposed) return;
    if (this.#timer) this.timers.clear(this.#timer);
    this.#timer = this.timers.set(() => {
      this.#timer = null;
      this.#start(null);
    }, this.debounceMs);
  }

  /** The agent asked (a button or a typed question): at once, no debounce. */
  ask(question: string): void {
    if (this.#disposed) return;
    if (this.#timer) this.timers.clear(this.#timer);
    this.#timer = null;
    this.#start(question);
  }

  get inFlight(): boolean {
    return this.#current !== null;
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer) this.timers.clear(this.#timer);
    this.#current?.abort();
    this.#current = null;
  }

  #start(question: string | null): void {
    this.#current?.abort();
    const controller = new AbortController();
    this.#current = controller;
    void this.run(controller.signal, question).finally(() => {
      if (this.#current === controller) this.#current = null;
    });
  }
}
