/**
 * Fixed-window counter per client key. In memory, per app instance: with N
 * stateless instances behind a balancer the effective limit is N times this
 * (see README, "Scaling out").
 */
export type RateLimiter = { take(key: string, now?: number): { allowed: boolean; retryAfterSeconds: number } };

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, now = Date.now()) {
      const w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
        }
        return { allowed: true, retryAfterSeconds: 0 };
      }
      if (w.count >= limit) return { allowed: false, retryAfterSeconds: Math.ceil((w.start + windowMs - now) / 1000) };
      w.count += 1;
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}
