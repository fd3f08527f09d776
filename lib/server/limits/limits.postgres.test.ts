import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { MIGRATIONS_FOLDER } from '@/lib/server/db/migrate';
import { defineLimitsSuite } from './limits.suite';

/**
 * The shared limits on a real PostgreSQL server (TEST_DATABASE_URL), as two app instances with
 * two connection pools. Its own schema, so it runs beside the query suite that resets `public`.
 */
const url = process.env.TEST_DATABASE_URL;
const SCHEMA = 'cue_limits_test';

if (url) {
  const handles: DatabaseHandle[] = [];
  const scoped = () => {
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${SCHEMA}`);
    return u.toString();
  };
  defineLimitsSuite('postgres', {
    async setup() {
      const admin = createDatabase({ databaseUrl: url, pgliteDir: '' });
      await admin.db.execute(sql.raw(`drop schema if exists ${SCHEMA} cascade; create schema ${SCHEMA}`));
      await admin.close();
      const a = createDatabase({ databaseUrl: scoped(), pgliteDir: '' });
      const b = createDatabase({ databaseUrl: scoped(), pgliteDir: '' });
      handles.push(a, b);
      const ddl = readFileSync(path.join(MIGRATIONS_FOLDER, '0006_shared_limits.sql'), 'utf8');
      for (const statement of ddl.split('--> statement-breakpoint')) await a.db.execute(sql.raw(statement));
      return { a: a.db, b: b.db };
    },
    teardown: async () => {
      for (const h of handles) await h.close();
    },
  });
} else {
  describe.skip('shared limits on PostgreSQL (set TEST_DATABASE_URL to run)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}
