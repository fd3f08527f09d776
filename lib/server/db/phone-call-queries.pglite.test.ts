import { createDatabase } from './client';
import { definePhoneCallQuerySuite } from './phone-call-queries.suite';

/** Phone call logs and the call's lookups on an in-memory PGlite (the suite migrates it). */
definePhoneCallQuerySuite('pglite', async () => createDatabase({ pgliteDir: 'memory://' }));
