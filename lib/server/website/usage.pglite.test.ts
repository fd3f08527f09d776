import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { websiteSites } from '@/lib/server/db/schema';
import { DEFAULT_SITE_LIMITS } from '@/lib/contracts/website';
import { reserveSessionSeconds, usageDays } from './usage';

describe('daily budget in the database', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(h);
    await h.db.insert(websiteSites).values({ id: 'b', name: 'B', allowedOrigins: ['self'], agentId: 'website-concierge', goal: 'support', theme: { color: '#112233', label: 'Ask', position: 'bottom-right' }, limits: DEFAULT_SITE_LIMITS });
  }, 60_000);
  afterAll(() => h.close());

  it('reserves each session\'s maximum until the budget is spent, then refuses and counts the refusal', async () => {
    const day = new Date('2026-12-01T10:00:00Z');
    expect(await reserveSessionSeconds('b', 480, 1000, day, h.db)).toEqual({ ok: true, usedSeconds: 480 });
    expect(await reserveSessionSeconds('b', 480, 1000, day, h.db)).toEqual({ ok: true, usedSeconds: 960 });
    expect(await reserveSessionSeconds('b', 480, 1000, day, h.db)).toEqual({ ok: false, usedSeconds: 960 });
    // Concurrent reservations never overshoot: the check and the add are one statement.
    const next = new Date('2026-12-02T10:00:00Z');
    const results = await Promise.all(Array.from({ length: 5 }, () => reserveSessionSeconds('b', 300, 1000, next, h.db)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(await usageDays('b', 14, h.db)).toEqual([
      { day: '2026-12-02', secondsReserved: 900, sessions: 3, refusals: 2 },
      { day: '2026-12-01', secondsReserved: 960, sessions: 2, refusals: 1 },
    ]);
  }, 60_000);
});
