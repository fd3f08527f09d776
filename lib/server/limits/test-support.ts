import type { RateLimiter } from './fixed-window';
import type { MintLimits } from './mint-limits';
import type { RealtimeMinutes } from './realtime-minutes';

/** Unit tests only: the mint's limits without a database (the real ones are tested in limits.suite.ts). */
function countingLimiter(limit: number): RateLimiter & { keys: string[] } {
  const counts = new Map<string, number>();
  const keys: string[] = [];
  return {
    keys,
    async take(key) {
      keys.push(key);
      const n = (counts.get(key) ?? 0) + 1;
      if (n > limit) return { allowed: false, retryAfterSeconds: 42 };
      counts.set(key, n);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}

export function fakeMinutes(limitSeconds = 3600 * 24): RealtimeMinutes & { granted: number; cancelled: string[] } {
  let used = 0;
  const state = {
    granted: 0,
    cancelled: [] as string[],
    async reserve({ maxSeconds }: { maxSeconds: number }) {
      const remaining = limitSeconds - used;
      if (remaining < 60) return { allowed: false as const, usedSeconds: used, limitSeconds, retryAfterSeconds: 3600 };
      const grantedSeconds = Math.min(maxSeconds, remaining);
      used += grantedSeconds;
      state.granted = grantedSeconds;
      return { allowed: true as const, usageId: `u${used}`, grantedSeconds };
    },
    async cancel(id: string) {
      state.cancelled.push(id);
    },
  };
  return state;
}

export function testMintLimits(opts: { perSubject?: number; perIp?: number; minutesPerDay?: number } = {}): MintLimits {
  return {
    perSubject: countingLimiter(opts.perSubject ?? 100),
    perIp: countingLimiter(opts.perIp ?? 100),
    minutes: fakeMinutes((opts.minutesPerDay ?? 24 * 60) * 60),
  };
}
