import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';

describe('migration 0007 (website) on PGlite', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = createDatabase({ pgliteDir: 'memory://' });
    await migrateDatabase(handle);
  }, 60_000);
  afterAll(() => handle.close());

  it('has pg_trgm and the generated tsvector column', async () => {
    const ext = (await handle.db.execute(sql`select extname from pg_extension where extname = 'pg_trgm'`)) as unknown as { rows: unknown[] };
    expect(ext.rows).toHaveLength(1);
    const col = (await handle.db.execute(sql`select data_type from information_schema.columns where table_name = 'website_knowledge_chunks' and column_name = 'tsv'`)) as unknown as { rows: { data_type: string }[] };
    expect(col.rows[0]?.data_type).toBe('tsvector');
  });
});
