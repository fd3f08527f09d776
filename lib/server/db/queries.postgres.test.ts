import { describe, it, vi } from 'vitest';
import { parseEnv } from '@/lib/server/env-schema';
import { databaseConfigFromEnv } from './client';
import { defineQuerySuite } from './queries.suite';

/**
 * The same query suite on a real PostgreSQL server. Runs when TEST_DATABASE_URL is
 * set (CI: .ci/run starts one on loopback). The database is wiped and migrated first.
 */
const url = process.env.TEST_DATABASE_URL;

if (url) {
  vi.stubEnv('DATABASE_URL', url);
  defineQuerySuite('postgres', { resetSchema: true, config: () => databaseConfigFromEnv(parseEnv(process.env)) });
} else {
  describe.skip('query suite on PostgreSQL (set TEST_DATABASE_URL to run)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}
