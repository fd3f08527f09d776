import { createDatabase } from '@/lib/server/db/client';
import { defineStudioSuite } from './studio.suite';

/** The agent studio on an in-memory PGlite (the suite migrates it). */
defineStudioSuite('pglite', async () => createDatabase({ pgliteDir: 'memory://' }));
