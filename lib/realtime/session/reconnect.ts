import type { ReconnectState } from '../store/store-types';

export type ReconnectHooks = {
  /** One attempt; resolves true when the call is back (or nothing is left to do). */
  attempt: () => Promise<boolean>;
  /** The attempt about to run (number, of how many), or null when the sequence ended. */
  onSchedule: (state: ReconnectState | null) => void;
};

/**
 * Automatic reconnects after a drop: one attempt after each delay in turn until one works or
 * the delays run out. A new sequence or `cancel()` stops an older one, including an attempt
 * already in flight (its result is ignored).
 */
export class ReconnectScheduler {
  readonly #delays: readonly number[];
  readonly #hooks: ReconnectHooks;
  #generation = 0;
  #attempts = 0;
  #active = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #holdOffMs = 0;

  constructor(delaysMs: readonly number[], hooks: ReconnectHooks) {
    this.#delays = delaysMs;
    this.#hooks = hooks;
  }

  get enabled(): boolean {
    return this.#delays.length > 0;
  }

  get active(): boolean {
    return this.#active;
  }

  /** Attempts made (or running) in the current sequence. */
  get attempts(): number {
    return this.#attempts;
  }

  get exhausted(): boolean {
    return this.#attempts >= this.#delays.length;
  }

  /** Begin a sequence. `firstDelayMs` (e.g. 0 for a planned rollover) replaces the first delay. */
  start(firstDelayMs = -1): void {
    this.cancel();
    if (!this.enabled) return;
    this.#active = true;
    this.#attempts = 0;
    this.#next(this.#generation, firstDelayMs);
  }

  /** The service asked to wait (Retry-After): the next attempt waits at least this long. */
  holdOff(ms: number): void {
    if (Number.isFinite(ms) && ms > this.#holdOffMs) this.#holdOffMs = ms;
  }

  cancel(): void {
    this.#holdOffMs = 0;
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#active) {
      this.#active = false;
      this.#hooks.onSchedule(null);
    }
  }

  #next(generation: number, overrideDelay = -1): void {
    if (this.exhausted) return this.#finish(generation);
    const planned = overrideDelay >= 0 ? overrideDelay : (this.#delays[this.#attempts] ?? 0);
    const delay = Math.max(planned, this.#holdOffMs);
    this.#holdOffMs = 0;
    this.#attempts += 1;
    this.#hooks.onSchedule({ attempt: this.#attempts, maxAttempts: this.#delays.length });
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#hooks.attempt().then(
        (ok) => (ok ? this.#finish(generation) : this.#afterFailure(generation)),
        () => this.#afterFailure(generation),
      );
    }, delay);
  }

  #afterFailure(generation: number): void {
    if (generation !== this.#generation) return;
    this.#next(generation);
  }

  #finish(generation: number): void {
    if (generation !== this.#generation || !this.#active) return;
    this.#active = false;
    this.#hooks.onSchedule(null);
  }
}

/** Ends a session a little before the service's maximum duration, but never while `busy()` (the assistant speaking). */
export class RolloverTimer {
  readonly #ms: number;
  readonly #busy: () => boolean;
  readonly #onDue: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number, busy: () => boolean, onDue: () => void) {
    this.#ms = ms;
    this.#busy = busy;
    this.#onDue = onDue;
  }

  start(): void {
    this.cancel();
    if (!(this.#ms > 0 && Number.isFinite(this.#ms))) return;
    const check = () => {
      if (this.#busy()) this.#timer = setTimeout(check, 2000);
      else {
        this.#timer = undefined;
        this.#onDue();
      }
    };
    this.#timer = setTimeout(check, this.#ms);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
