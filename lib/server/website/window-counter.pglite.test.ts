import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { createDatabaseWindowCounter } from './window-counter';

/** The widget's per-IP and per-site counters live in the database: two app instances share one window. */
describe('createDatabaseWindowCounter', () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(h);
  }, 60_000);
  afterAll(() => h.close());
  const T0 = Date.UTC(2026, 11, 1, 10, 0, 15); // 15 s into a minute

  it('allows `limit` per minute per key, then says how long to wait', async () => {
    const c = createDatabaseWindowCounter(() => h.db);
    expect(await c.take('a', 2, T0)).toEqual({ allowed: true });
    expect(await c.take('a', 2, T0 + 1000)).toEqual({ allowed: true });
    expect(await c.take('a', 2, T0 + 2000)).toEqual({ allowed: false, retryAfterSeconds: 43 });
    expect(await c.take('b', 2, T0 + 2000)).toEqual({ allowed: true });
    expect(await c.take('a', 2, T0 + 45_000)).toEqual({ allowed: true }); // the next minute
  });

  it('is shared between instances: two counters together allow the limit once, even all at once', async () => {
    const one = createDatabaseWindowCounter(() => h.db);
    const two = createDatabaseWindowCounter(() => h.db);
    const verdicts = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? one : two).take('site:acme', 5, T0)));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(await one.take('site:acme', 5, T0 + 100)).toMatchObject({ allowed: false });
  });
});
