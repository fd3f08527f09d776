import { describe, expect, it } from 'vitest';
import { RateLimits, REQUESTS_PER_MINUTE, TOKENS_PER_MINUTE } from './rate-limits';

describe('rate limits', () => {
  it('counts requests and tokens in one-minute windows, in the GA event shape', () => {
    let now = 0;
    const limits = new RateLimits(() => now);
    now = 15_000;
    expect(limits.record(120)).toEqual({
      type: 'rate_limits.updated',
      rate_limits: [
        { name: 'requests', limit: REQUESTS_PER_MINUTE, remaining: REQUESTS_PER_MINUTE - 1, reset_seconds: 45 },
        { name: 'tokens', limit: TOKENS_PER_MINUTE, remaining: TOKENS_PER_MINUTE - 120, reset_seconds: 45 },
      ],
    });
    expect(limits.record(80).rate_limits[1]?.remaining).toBe(TOKENS_PER_MINUTE - 200);
    now = 61_000;
    expect(limits.record(10).rate_limits).toMatchObject([{ remaining: REQUESTS_PER_MINUTE - 1, reset_seconds: 60 }, { remaining: TOKENS_PER_MINUTE - 10 }]);
  });
});
