import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/server/db/client';
import { rateLimitCounters } from '@/lib/server/db/limits-schema';

/**
 * A fixed-window counter in the database, so every app instance shares it: one atomic
 * `insert … on conflict do update … where` per attempt. The update only happens while the
 * window still has room (or a new window starts), so a refused attempt changes nothing and
 * two instances can never both take the last unit. Works the same on PGlite and PostgreSQL.
 */
type Verdict = { allowed: boolean; retryAfterSeconds: number };

export type RateLimiter = {
  /** Take `cost` units (default 1) for `key` at `now` (ms). */
  take(key: string, now?: number, cost?: number): Promise<Verdict>;
};

export type FixedWindowOptions = {
  /** Prefix of every key this limiter writes, e.g. "mint-subject". */
  name: string;
  limit: number;
  windowMs: number;
};

function windowStartOf(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

export function createDatabaseRateLimiter(database: () => Database, opts: FixedWindowOptions): RateLimiter {
  const { name, limit, windowMs } = opts;
  return {
    async take(key, now = Date.now(), cost = 1) {
      const start = windowStartOf(now, windowMs);
      const retryAfterSeconds = Math.max(1, Math.ceil((start + windowMs - now) / 1000));
      if (cost > limit) return { allowed: false, retryAfterSeconds };
      const windowStart = new Date(start);
      const t = rateLimitCounters;
      const rows = await database()
        .insert(t)
        .values({ key: `${name}:${key}`, windowStart, used: cost })
        .onConflictDoUpdate({
          target: t.key,
          set: {
            // A later window starts afresh; an instance whose clock lags counts into the current one.
            used: sql`case when excluded.window_start > ${t.windowStart} then excluded.used else ${t.used} + excluded.used end`,
            windowStart: sql`greatest(${t.windowStart}, excluded.window_start)`,
          },
          setWhere: sql`excluded.window_start > ${t.windowStart} or ${t.used} + excluded.used <= ${limit}`,
        })
        .returning({ used: t.used });
      return rows.length > 0 ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds };
    },
  };
}

/** Forget windows that ended before `before` (the hourly sweep). */
export async function deleteExpiredCounters(database: Database, before: Date): Promise<number> {
  const rows = await database
    .delete(rateLimitCounters)
    .where(sql`${rateLimitCounters.windowStart} < ${before}`)
    .returning({ key: rateLimitCounters.key });
  return rows.length;
}
