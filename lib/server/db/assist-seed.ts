import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { DEMO_SEED, DEMO_SIZE, generateDemoData, type DemoData, type DemoSize } from '@/lib/assist/demo/generate';
import { ARTICLES, POLICIES } from '@/lib/assist/demo/knowledge';
import type { DatabaseHandle } from './client';
import { assistArticles, assistDemoSeed, assistPolicies } from './assist-schema';
import { bulkInsertPglite, bulkInsertPostgres, type BulkColumn } from './assist-bulk';

/**
 * The demo systems of record, generated on first use: if the marker row is missing the assist
 * tables are emptied (a half-finished earlier seed) and filled again from the seeded generator.
 * Concurrent callers in one process share one run.
 */

const DEMO_SEED_ID = `demo-v1-${DEMO_SEED}`;
export type SeedReport = { seeded: boolean; millis: number; counts: Record<string, number> };

function tables(data: DemoData): [string, BulkColumn[]][] {
  const { customers: c, orders: o, lines: l, tickets: t } = data;
  return [
    ['assist_customers', [
      { name: 'id', type: 'int', values: c.id }, { name: 'full_name', type: 'text', values: c.fullName },
      { name: 'email', type: 'text', values: c.email }, { name: 'phone', type: 'text', values: c.phone },
      { name: 'tier', type: 'text', values: c.tier }, { name: 'status', type: 'text', values: c.status },
      { name: 'city', type: 'text', values: c.city }, { name: 'country', type: 'text', values: c.country },
      { name: 'created_at', type: 'timestamptz', values: c.createdAt },
    ]],
    ['assist_orders', [
      { name: 'id', type: 'int', values: o.id }, { name: 'order_number', type: 'text', values: o.orderNumber },
      { name: 'customer_id', type: 'int', values: o.customerId }, { name: 'status', type: 'text', values: o.status },
      { name: 'placed_at', type: 'timestamptz', values: o.placedAt }, { name: 'total_cents', type: 'int', values: o.totalCents },
      { name: 'carrier', type: 'text', values: o.carrier }, { name: 'tracking_number', type: 'text', values: o.trackingNumber },
      { name: 'note', type: 'text', values: o.note },
    ]],
    ['assist_order_lines', [
      { name: 'order_id', type: 'int', values: l.orderId }, { name: 'sku', type: 'text', values: l.sku },
      { name: 'product_name', type: 'text', values: l.productName }, { name: 'quantity', type: 'int', values: l.quantity },
      { name: 'unit_price_cents', type: 'int', values: l.unitPriceCents },
    ]],
    ['assist_tickets', [
      { name: 'customer_id', type: 'int', values: t.customerId }, { name: 'order_number', type: 'text', values: t.orderNumber },
      { name: 'subject', type: 'text', values: t.subject }, { name: 'status', type: 'text', values: t.status },
      { name: 'priority', type: 'text', values: t.priority }, { name: 'created_at', type: 'timestamptz', values: t.createdAt },
    ]],
  ];
}

async function rowsOfHandle<T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await handle.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function seed(handle: DatabaseHandle, size: DemoSize): Promise<SeedReport> {
  const { db } = handle;
  const done = await db.select({ id: assistDemoSeed.id }).from(assistDemoSeed).limit(1);
  if (done.length > 0) return { seeded: false, millis: 0, counts: {} };
  const started = performance.now();
  await db.execute(sql`truncate assist_order_lines, assist_tickets, assist_orders, assist_customers, assist_policies, assist_articles restart identity cascade`);
  const data = generateDemoData(size);
  const counts: Record<string, number> = {};
  const names = tables(data).map(([t]) => t);
  // Bulk-load the classic way: secondary indexes dropped and rebuilt once after the load, and the
  // foreign-key triggers skipped (the generator's rows are consistent by construction).
  const indexes = await rowsOfHandle<{ indexname: string; indexdef: string }>(
    handle,
    sql`select i.indexname, i.indexdef from pg_indexes i where i.schemaname = current_schema() and i.tablename in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  for (const i of indexes) await db.execute(sql.raw(`drop index if exists "${i.indexname}"`));
  const skipTriggers = await db.execute(sql`set session_replication_role = replica`).then(() => true, () => false);
  try {
    for (const [table, columns] of tables(data)) {
      counts[table] = handle.driver === 'pglite'
        ? await bulkInsertPglite((handle.pglite as unknown as { $client: PGlite }).$client, table, columns)
        : await bulkInsertPostgres((handle.postgres as unknown as { $client: Pool }).$client, table, columns);
    }
  } finally {
    if (skipTriggers) await db.execute(sql`set session_replication_role = origin`);
    for (const i of indexes) await db.execute(sql.raw(i.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')));
  }
  for (const table of ['assist_customers', 'assist_orders']) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
  }
  await db.insert(assistPolicies).values([...POLICIES]);
  await db.insert(assistArticles).values([...ARTICLES]);
  await db.execute(sql`analyze assist_customers, assist_orders, assist_order_lines, assist_tickets`);
  const millis = Math.round(performance.now() - started);
  await db.insert(assistDemoSeed).values({ id: DEMO_SEED_ID, counts, millis }).onConflictDoNothing();
  return { seeded: true, millis, counts };
}

/**
 * Embedded PGlite reads each page through its emulated file system the first time: a lookup on a
 * cold page costs about twice a warm one. Read the lookup tables and their btree indexes into
 * the buffer cache once (about 40 MB of the 128 MB shared buffers). PostgreSQL keeps its own
 * cache across app restarts, so only PGlite is warmed.
 */
async function warmLookups(handle: DatabaseHandle): Promise<void> {
  if (handle.driver !== 'pglite') return;
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`select count(c.id) from assist_customers c where c.email >= ''`);
    await tx.execute(sql`select count(c.id) from assist_customers c where c.phone >= ''`);
    await tx.execute(sql`select count(o.id) from assist_orders o where o.order_number >= ''`);
    await tx.execute(sql`select count(o.id) from assist_orders o where o.customer_id > 0`);
    await tx.execute(sql`select count(c.id) from assist_customers c where c.id > 0`);
  });
}

const globalForSeed = globalThis as typeof globalThis & { __cueAssistSeed?: Map<DatabaseHandle, Promise<SeedReport>> };

/** Fill the demo data set once per database (a no-op after the first time). */
export function ensureAssistDemoData(handle: DatabaseHandle, size: DemoSize = DEMO_SIZE): Promise<SeedReport> {
  const runs = (globalForSeed.__cueAssistSeed ??= new Map());
  let run = runs.get(handle);
  if (!run) {
    run = seed(handle, size).then(async (report) => {
      await warmLookups(handle).catch(() => undefined);
      return report;
    }).catch((error: unknown) => {
      runs.delete(handle);
      throw error;
    });
    runs.set(handle, run);
  }
  return run;
}
