import { closeDatabase, createDatabase, type DatabaseHandle } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { defineLimitsSuite } from './limits.suite';

/** The shared limits on embedded PGlite (one process: both "instances" share the handle). */
let handle: DatabaseHandle;
defineLimitsSuite('pglite', {
  async setup() {
    handle = createDatabase({ pgliteDir: 'memory://limits' });
    await migrateDatabase(handle);
    return { a: handle.db, b: handle.db };
  },
  teardown: async () => {
    await handle.close();
    await closeDatabase({ pgliteDir: 'memory://limits' });
  },
});
