/**
 * Saves a call's utterances and turn tags one at a time, in order, as they complete.
 * A failed save is retried with backoff; a newer version of the same key replaces an
 * older one still waiting. `flush()` (ending the call) waits until everything is saved
 * or has given up, and says whether anything was lost. No React, no server imports:
 * the save functions are injected.
 */

export type SaveOutcome = { ok: true } | { ok: false; error: { code: string; message: string } };
export type SaveTask = { key: string; label: string; run: () => Promise<SaveOutcome> };
export type SaveStatus = { pending: number; failed: number; saved: number; lastError: string | null };

export type SaveQueueOptions = {
  onChange?: (status: SaveStatus) => void;
  /** Delays before each retry, ms. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
};

/** Codes a retry cannot fix. */
const PERMANENT = new Set(['invalid_input', 'not_found']);

export class SaveQueue {
  #queue: SaveTask[] = [];
  #failed = new Map<string, SaveTask>();
  #saved = 0;
  #lastError: string | null = null;
  #running: Promise<void> | null = null;
  readonly #opts: Required<Omit<SaveQueueOptions, 'onChange'>> & Pick<SaveQueueOptions, 'onChange'>;

  constructor(opts: SaveQueueOptions = {}) {
    this.#opts = {
      retryDelaysMs: [400, 1200, 3000],
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...opts,
    };
  }

  get status(): SaveStatus {
    return { pending: this.#queue.length + (this.#running ? 1 : 0), failed: this.#failed.size, saved: this.#saved, lastError: this.#lastError };
  }

  add(task: SaveTask): void {
    this.#failed.delete(task.key);
    const waiting = this.#queue.findIndex((t) => t.key === task.key);
    if (waiting >= 0) this.#queue[waiting] = task;
    else this.#queue.push(task);
    this.#notify();
    this.#kick();
  }

  /** Put failed saves back in line (the "Retry" button, and ending the call). */
  retryFailed(): void {
    const failed = [...this.#failed.values()];
    this.#failed.clear();
    for (const task of failed) if (!this.#queue.some((t) => t.key === task.key)) this.#queue.push(task);
    this.#notify();
    this.#kick();
  }

  /** Wait until nothing is waiting; true when nothing failed. */
  async flush(): Promise<boolean> {
    while (this.#running || this.#queue.length > 0) {
      this.#kick();
      await this.#running;
    }
    return this.#failed.size === 0;
  }

  #notify(): void {
    this.#opts.onChange?.(this.status);
  }

  #kick(): void {
    if (this.#running || this.#queue.length === 0) return;
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      this.#notify();
    });
  }

  async #drain(): Promise<void> {
    for (let task = this.#queue.shift(); task; task = this.#queue.shift()) {
      this.#notify();
      const result = await this.#attempt(task);
      if (result === null) continue;
      if (result.ok) {
        this.#saved += 1;
      } else {
        this.#lastError = `${task.label}: ${result.error.message}`;
        this.#failed.set(task.key, task);
      }
    }
  }

  async #attempt(task: SaveTask): Promise<SaveOutcome | null> {
    let last: SaveOutcome = { ok: false, error: { code: 'internal', message: 'not attempted' } };
    for (let attempt = 0; attempt <= this.#opts.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await this.#opts.sleep(this.#opts.retryDelaysMs[attempt - 1] ?? 0);
      // A newer version of this key arrived while we waited: let it go instead.
      if (attempt > 0 && this.#queue.some((t) => t.key === task.key)) return null;
      try {
        last = await task.run();
      } catch (error) {
        last = { ok: false, error: { code: 'network', message: error instanceof Error ? error.message : 'the server could not be reached' } };
      }
      if (last.ok || PERMANENT.has(last.error.code)) return last;
    }
    return last;
  }
}
