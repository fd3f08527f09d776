import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HERO } from '@/lib/assist/demo/generate';
import { createDatabase, type DatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { ensureAssistDemoData } from './assist-seed';
import { customerByEmail, customerByOrderNumber, customerByPhone, customerContext, customersByName, orderDetails } from './assist-lookup-queries';
import { importCustomersCsv } from './assist-import';
import { policiesOfKind, searchArticles } from './assist-knowledge-queries';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = createDatabase({ pgliteDir: 'memory://' });
  await migrateDatabase(handle);
  const report = await ensureAssistDemoData(handle, { customers: 2000, orders: 8000 });
  expect(report.counts.assist_customers).toBe(2000);
}, 180_000);
afterAll(() => handle?.close());

describe('assist systems of record on PGlite', () => {
  it('seeds once: a second call is a no-op', async () => {
    expect(await ensureAssistDemoData(handle, { customers: 2000, orders: 8000 })).toMatchObject({ seeded: true });
    const again = await import('./assist-seed');
    // A new run (not the shared promise) sees the marker row.
    (globalThis as { __cueAssistSeed?: Map<unknown, unknown> }).__cueAssistSeed?.clear();
    expect(await again.ensureAssistDemoData(handle, { customers: 2000, orders: 8000 })).toEqual({ seeded: false, millis: 0, counts: {} });
  });

  it('finds the rehearsal customer by order number, email, phone and a misspelt name', async () => {
    const db = handle.db;
    expect(await customerByOrderNumber(db, HERO.orderNumber)).toMatchObject({ id: 1, fullName: HERO.fullName, matchedOn: 'order' });
    expect(await customerByEmail(db, 'Dana.Whitfield@Example.com')).toMatchObject({ id: 1 });
    expect(await customerByPhone(db, '(415) 555-0123')).toMatchObject({ id: 1 });
    const byName = await customersByName(db, 'Dana Whitfeld');
    expect(byName[0]).toMatchObject({ id: 1, matchedOn: 'name' });
    expect(byName[0]?.score).toBeGreaterThan(0.5);
    expect(await customerByOrderNumber(db, '0000-0000')).toBeNull();
  });

  it('asks for close names first and falls back to looser ones only when none is close', async () => {
    const db = handle.db;
    const threshold = async () => ((await db.execute(sql`select current_setting('pg_trgm.similarity_threshold') as t`)) as unknown as { rows: { t: string }[] }).rows[0]?.t;
    expect(await threshold()).toBe('0.5');
    // Three letters lost: under 0.5 against the stored name (0.42), still above 0.3.
    const [far] = await customersByName(db, 'Dana Whtfld');
    expect(far).toMatchObject({ id: 1, matchedOn: 'name' });
    expect(far!.score).toBeLessThan(0.5);
    expect(far!.score).toBeGreaterThanOrEqual(0.3);
    // The looser threshold was local to the fallback's transaction.
    expect(await threshold()).toBe('0.5');
    expect(await customersByName(db, 'Zzyzx Qwrtpl')).toEqual([]);
  });

  it('gives the panel context: the order in question with its lines, recent orders, open tickets', async () => {
    const ctx = await customerContext(handle.db, 1, HERO.orderNumber);
    expect(ctx?.focusOrder).toMatchObject({ orderNumber: HERO.orderNumber, status: 'shipped', carrier: 'UPS' });
    expect(ctx?.focusOrder?.lines).toHaveLength(2);
    expect(ctx?.orders.map((o) => o.orderNumber)).toContain(HERO.orderNumber);
    expect(ctx?.tickets[0]).toMatchObject({ subject: 'Package delayed', status: 'open' });
    expect(await orderDetails(handle.db, '1234-5678x')).toBeNull();
  });

  it('imports a CSV, reporting rows that clash with existing customers', async () => {
    const r = await importCustomersCsv(handle.db, `full_name,email\nNew Person,new.person@example.com\nDup,${HERO.email}\nX,bad`);
    expect(r).toMatchObject({ ok: true, inserted: 1 });
    if (!r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([[3, 'email'], [4, 'full_name'], [4, 'email']]);
    expect(r.errors[0]?.message).toBe(`${HERO.email} is already a customer; the row was not imported.`);
    expect((await customerByEmail(handle.db, 'new.person@example.com'))?.id).toBeGreaterThan(2000);
  });

  it('finds policies by kind and articles by a long spoken question', async () => {
    expect((await policiesOfKind(handle.db, 'shipping')).map((p) => p.id)).toContain('shipping-lost-parcel');
    const hits = await searchArticles(handle.db, 'how do I know if my parcel is stuck or lost, the tracking has not moved');
    expect(hits[0]?.id).toBe('track-a-parcel');
    // A short article comes back whole (a reply quoting it does not start mid-sentence).
    const [reset] = await searchArticles(handle.db, 'my headphones will not pair, the light flashes');
    expect(reset?.id).toBe('reset-headphones');
    expect(reset?.snippet.replace(/<\/?b>/g, '')).toBe('Hold the power button for 10 seconds until the light flashes, then pair again. Fixes most connection problems.');
  });
});
