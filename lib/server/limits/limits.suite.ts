import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/server/db/client';
import { createDatabaseRateLimiter, deleteExpiredCounters } from './fixed-window';
import { createRealtimeMinutes, deleteOldUsage, settleRealtimeUsage, usedSeconds } from './realtime-minutes';

/**
 * The shared limits, run once per driver (limits.pglite.test.ts, limits.postgres.test.ts).
 * `instances` gives two handles on the same database, as two app instances would have.
 */
export type LimitsFixture = { setup(): Promise<{ a: Database; b: Database }>; teardown(): Promise<void> };

const T0 = Date.UTC(2026, 11, 1, 10, 0, 30); // 30 s into a minute, 10:00 UTC

export function defineLimitsSuite(driver: string, fixture: LimitsFixture) {
  let a: Database;
  let b: Database;
  beforeAll(async () => ({ a, b } = await fixture.setup()), 60_000);
  afterAll(() => fixture.teardown());
  beforeEach(async () => {
    await a.execute(sql`truncate table rate_limit_counters, realtime_usage`);
  });

  describe(`fixed-window limiter in the database (${driver})`, () => {
    it('allows up to the limit per window, then says when the window ends', async () => {
      const rl = createDatabaseRateLimiter(() => a, { name: 't', limit: 2, windowMs: 60_000 });
      expect(await rl.take('k', T0)).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect((await rl.take('k', T0 + 1000)).allowed).toBe(true);
      expect(await rl.take('k', T0 + 2000)).toEqual({ allowed: false, retryAfterSeconds: 28 });
      expect((await rl.take('other', T0 + 2000)).allowed).toBe(true);
      expect((await rl.take('k', T0 + 30_000)).allowed).toBe(true); // the next minute
    });

    it('is shared: two instances together get the limit once, not twice, even all at once', async () => {
      const opts = { name: 't', limit: 10, windowMs: 60_000 };
      const one = createDatabaseRateLimiter(() => a, opts);
      const two = createDatabaseRateLimiter(() => b, opts);
      const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).take('k', T0)));
      expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    });

    it('counts a refused attempt as nothing, takes costs, and refuses a cost above the limit', async () => {
      const rl = createDatabaseRateLimiter(() => a, { name: 't', limit: 5, windowMs: 60_000 });
      expect((await rl.take('k', T0, 4)).allowed).toBe(true);
      expect((await rl.take('k', T0, 2)).allowed).toBe(false);
      expect((await rl.take('k', T0, 1)).allowed).toBe(true);
      expect((await rl.take('x', T0, 6)).allowed).toBe(false);
    });

    it('an instance with a lagging clock counts into the current window instead of resetting it', async () => {
      const rl = createDatabaseRateLimiter(() => a, { name: 't', limit: 1, windowMs: 60_000 });
      expect((await rl.take('k', T0 + 60_000)).allowed).toBe(true);
      expect((await rl.take('k', T0)).allowed).toBe(false);
    });

    it('the sweep forgets ended windows only', async () => {
      const rl = createDatabaseRateLimiter(() => a, { name: 't', limit: 1, windowMs: 60_000 });
      await rl.take('old', T0 - 3_600_000);
      await rl.take('new', T0);
      expect(await deleteExpiredCounters(a, new Date(T0 - 60_000))).toBe(1);
      expect((await rl.take('new', T0)).allowed).toBe(false);
    });
  });

  describe(`realtime minutes per day (${driver})`, () => {
    const minutes = () => createRealtimeMinutes(() => a, { limitSeconds: 600 });

    const since = new Date(T0 - 1000);

    it('grants what remains, counts a running session as its grant, a settled one as its length', async () => {
      const grant = await minutes().reserve({ subject: 'u1', agentId: 'hint-assistant', maxSeconds: 3600, now: T0 });
      expect(grant).toMatchObject({ allowed: true, grantedSeconds: 600 });
      expect(await usedSeconds(a, 'u1', since)).toBe(600);
      expect((await minutes().reserve({ subject: 'u1', agentId: 'practice-partner', ref: 's0', maxSeconds: 60, now: T0 + 1000 })).allowed).toBe(false);
      await settleRealtimeUsage(a, { subject: 'u1', agentId: 'hint-assistant' }, new Date(T0 + 180_000));
      expect(await usedSeconds(a, 'u1', since)).toBe(180);
      const next = await minutes().reserve({ subject: 'u1', agentId: 'practice-partner', ref: 's1', maxSeconds: 3600, now: T0 + 200_000 });
      expect(next).toMatchObject({ allowed: true, grantedSeconds: 420 });
    });

    it('refuses with the seconds until the next UTC day once less than a minute remains', async () => {
      const m = minutes();
      await m.reserve({ subject: 'u1', agentId: 'a', ref: 's1', maxSeconds: 570, now: T0 });
      const refused = await m.reserve({ subject: 'u1', agentId: 'a', maxSeconds: 600, now: T0 + 600_000 });
      expect(refused).toEqual({ allowed: false, usedSeconds: 570, limitSeconds: 600, retryAfterSeconds: 14 * 3600 - 30 - 600 });
      expect((await m.reserve({ subject: 'u2', agentId: 'a', maxSeconds: 600, now: T0 })).allowed).toBe(true);
      // the next day starts afresh
      expect((await m.reserve({ subject: 'u1', agentId: 'a', maxSeconds: 600, now: T0 + 86_400_000 })).allowed).toBe(true);
    });

    it('a tab that never says goodbye costs its whole grant, not more; a new mint for the same call settles the old one', async () => {
      const m = minutes();
      await m.reserve({ subject: 'u1', agentId: 'a', maxSeconds: 300, now: T0 });
      expect(await usedSeconds(a, 'u1', since)).toBe(300);
      await m.reserve({ subject: 'u1', agentId: 'p', ref: 's1', maxSeconds: 200, now: T0 });
      await m.reserve({ subject: 'u1', agentId: 'p', ref: 's1', maxSeconds: 200, now: T0 + 50_000 }); // reconnect after 50 s
      expect(await usedSeconds(a, 'u1', since)).toBe(300 + 50 + 200);
    });

    it('settles by practice session, never before the start nor past the grant; cancel undoes a reservation', async () => {
      const m = minutes();
      await m.reserve({ subject: 'u1', agentId: 'p', ref: 's1', maxSeconds: 100, now: T0 });
      expect(await settleRealtimeUsage(a, { ref: 's1' }, new Date(T0 + 500_000))).toBe(1);
      expect(await settleRealtimeUsage(a, { ref: 's1' }, new Date(T0 + 600_000))).toBe(0);
      expect(await usedSeconds(a, 'u1', since)).toBe(100);
      const g = await m.reserve({ subject: 'u1', agentId: 'p', ref: 's2', maxSeconds: 100, now: T0 });
      if (!g.allowed) throw new Error('expected a grant');
      await m.cancel(g.usageId);
      expect(await usedSeconds(a, 'u1', since)).toBe(100);
      expect(await deleteOldUsage(a, new Date(T0 + 1))).toBe(1);
    });

    it('two instances reserving at once cannot both spend the last minutes', async () => {
      const one = createRealtimeMinutes(() => a, { limitSeconds: 600 });
      const two = createRealtimeMinutes(() => b, { limitSeconds: 600 });
      const grants = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).reserve({ subject: 'u1', agentId: 'a', ref: `s${i}`, maxSeconds: 600, now: T0 })));
      expect(grants.filter((g) => g.allowed)).toHaveLength(1);
    });
  });
}
