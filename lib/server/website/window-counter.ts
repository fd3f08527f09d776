import 'server-only';
import type { Database } from '@/lib/server/db/client';
import { db } from '@/lib/server/db/connection';
import { createDatabaseRateLimiter } from '@/lib/server/limits/fixed-window';

/**
 * Per-minute counters for the widget's per-IP and per-site limits, on the shared fixed-window
 * limiter in the database (lib/server/limits): every app instance counts into the same window,
 * so N instances still allow each limit once, not N times. The limit is the site's own (it may
 * change between calls), so the limiter is built per call; it holds no state of its own.
 */
type CounterVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type WindowCounter = { take(key: string, limit: number, now?: number): Promise<CounterVerdict> };

const WINDOW_MS = 60_000;

export function createDatabaseWindowCounter(database: () => Database): WindowCounter {
  return {
    async take(key, limit, now = Date.now()) {
      const verdict = await createDatabaseRateLimiter(database, { name: 'widget', limit, windowMs: WINDOW_MS }).take(key, now);
      return verdict.allowed ? { allowed: true } : { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds };
    },
  };
}

/** The app's counter, in the app's database. */
export function widgetCounter(): WindowCounter {
  return createDatabaseWindowCounter(db);
}
