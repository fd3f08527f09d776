/**
 * Per-minute counters for the widget's per-IP and per-site limits: fixed one-minute windows in
 * this process's memory. Helper A2's DB-backed shared limiter replaces the store at merge
 * (implement `WindowCounter` on it); the budget is already in the database (usage.ts).
 */
type CounterVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };
export type WindowCounter = { take(key: string, limit: number, now?: number): CounterVerdict };

export function createWindowCounter(windowMs = 60_000): WindowCounter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(key, limit, now = Date.now()) {
      const w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        if (windows.size > 20_000) for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
        return { allowed: true };
      }
      if (w.count >= limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
      w.count += 1;
      return { allowed: true };
    },
  };
}

const globalForCounters = globalThis as typeof globalThis & { __cueWidgetCounter?: WindowCounter };

/** The app's counter, one per process (kept across dev reloads). */
export function widgetCounter(): WindowCounter {
  return (globalForCounters.__cueWidgetCounter ??= createWindowCounter());
}
