import { describe, it } from 'vitest';
import { createDatabase } from './client';
import { definePhoneCallQuerySuite } from './phone-call-queries.suite';
import { isolatedPostgresUrl } from './test-support/postgres-database';

/**
 * The same suite on a real PostgreSQL server, in a database of its own next to TEST_DATABASE_URL's
 * (CI: .ci/run starts one on loopback). Skipped when TEST_DATABASE_URL is unset.
 */
const url = process.env.TEST_DATABASE_URL;

if (url) {
  definePhoneCallQuerySuite('postgres', async () => createDatabase({ databaseUrl: await isolatedPostgresUrl(url, 'phone_calls'), pgliteDir: 'unused' }));
} else {
  describe.skip('phone call queries on PostgreSQL (set TEST_DATABASE_URL to run)', () => {
    it('needs TEST_DATABASE_URL', () => undefined);
  });
}
