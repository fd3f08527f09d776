import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('allows up to the limit per window, then says when to retry', () => {
    const rl = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(rl.take('k', 0).allowed).toBe(true);
    expect(rl.take('k', 1_000).allowed).toBe(true);
    expect(rl.take('k', 2_000)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect(rl.take('k', 60_000).allowed).toBe(true);
  });
});
