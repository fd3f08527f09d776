/**
 * The `rate_limits.updated` event the service sends after each `response.done`
 * (GA shape: `rate_limits: [{ name: 'requests' | 'tokens', limit, remaining,
 * reset_seconds }]`). The engine limits nothing by it: it counts requests and
 * tokens per session in one-minute windows so clients see plausible figures.
 */
export const REQUESTS_PER_MINUTE = 5_000;
export const TOKENS_PER_MINUTE = 400_000;
const WINDOW_MS = 60_000;

export class RateLimits {
  #windowStart: number;
  #requests = 0;
  #tokens = 0;

  constructor(private readonly now: () => number = Date.now) {
    this.#windowStart = now();
  }

  /** Count one finished response and its total tokens; returns the event to send. */
  record(tokens: number): { type: 'rate_limits.updated'; rate_limits: { name: 'requests' | 'tokens'; limit: number; remaining: number; reset_seconds: number }[] } {
    const now = this.now();
    if (now - this.#windowStart >= WINDOW_MS) {
      this.#windowStart = now;
      this.#requests = 0;
      this.#tokens = 0;
    }
    this.#requests += 1;
    this.#tokens += tokens;
    const reset = Math.max(0, Math.round((this.#windowStart + WINDOW_MS - now) / 10) / 100);
    return {
      type: 'rate_limits.updated',
      rate_limits: [
        { name: 'requests', limit: REQUESTS_PER_MINUTE, remaining: Math.max(0, REQUESTS_PER_MINUTE - this.#requests), reset_seconds: reset },
        { name: 'tokens', limit: TOKENS_PER_MINUTE, remaining: Math.max(0, TOKENS_PER_MINUTE - this.#tokens), reset_seconds: reset },
      ],
    };
  }
}
