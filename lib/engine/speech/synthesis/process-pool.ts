/**
 * A bounded pool for synthesiser processes, shared by every session of an engine:
 * at most `concurrency` run at once, at most `maxQueued` wait, and a job that has
 * not finished `timeoutMs` after it was asked for is given up (its process killed).
 * A refused or timed-out job rejects with a coded error, so the caller can fall back.
 */
export type PoolErrorCode = 'synthesis_queue_full' | 'synthesis_timeout' | 'synthesis_aborted';

export class PoolError extends Error {
  constructor(
    readonly code: PoolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A job gets a signal that aborts when it times out or its caller gives up. */
export type PoolJob<T> = (signal: AbortSignal) => Promise<T>;

export type PoolOptions = { concurrency: number; maxQueued: number; timeoutMs: number };

type Waiting = { start: () => void; fail: (e: PoolError) => void; urgent: boolean };

export class ProcessPool {
  #running = 0;
  readonly #queue: Waiting[] = [];

  constructor(readonly opts: PoolOptions) {}

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#queue.length;
  }

  /** Run `job` when a slot is free; an `urgent` job (a reply's first piece) waits ahead of the others. */
  run<T>(job: PoolJob<T>, callerSignal?: AbortSignal, urgent = false): Promise<T> {
    if (this.#queue.length >= this.opts.maxQueued && this.#running >= this.opts.concurrency) {
      return Promise.reject(new PoolError('synthesis_queue_full', `${this.opts.maxQueued} synthesis jobs are already waiting`));
    }
    return new Promise<T>((resolve, reject) => {
      const controller = new AbortController();
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        callerSignal?.removeEventListener('abort', onAbort);
        fn();
      };
      const fail = (error: PoolError) => {
        controller.abort(error);
        const at = this.#queue.indexOf(waiting);
        if (at !== -1) this.#queue.splice(at, 1);
        settle(() => reject(error));
      };
      const timer = setTimeout(() => fail(new PoolError('synthesis_timeout', `synthesis took over ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
      const onAbort = () => fail(new PoolError('synthesis_aborted', 'synthesis no longer needed'));
      callerSignal?.addEventListener('abort', onAbort, { once: true });
      const waiting: Waiting = {
        fail,
        urgent,
        start: () => {
          this.#running++;
          job(controller.signal)
            .then(
              (value) => settle(() => resolve(value)),
              (error: unknown) => settle(() => reject(error)),
            )
            .finally(() => {
              this.#running--;
              this.#next();
            });
        },
      };
      if (callerSignal?.aborted) return onAbort();
      if (this.#running < this.opts.concurrency) waiting.start();
      else if (urgent) this.#queue.splice(this.#queue.filter((w) => w.urgent).length, 0, waiting);
      else this.#queue.push(waiting);
    });
  }

  #next(): void {
    while (this.#running < this.opts.concurrency && this.#queue.length > 0) this.#queue.shift()?.start();
  }
}
