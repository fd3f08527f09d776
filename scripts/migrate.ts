/**
 * Apply the committed database migrations: `npx tsx scripts/migrate.ts`.
 * `npm run dev` / `npm start` run it first (scripts/run.ts). Reads the same .env files
 * as Next.js, so it migrates the database the app will open: PostgreSQL when
 * DATABASE_URL is set, else PGlite under <CUE_DATA_DIR>/pglite.
 */
import nextEnv from '@next/env';
import { parseEnv } from '@/lib/server/env-schema';
import { createDatabase, databaseConfigFromEnv } from '@/lib/server/db/client';
import { migrateDatabase } from '@/lib/server/db/migrate';

async function main(): Promise<void> {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => undefined, error: console.error });
  const env = parseEnv(process.env);
  const handle = createDatabase(databaseConfigFromEnv(env));
  const started = Date.now();
  try {
    await migrateDatabase(handle);
    console.log(`Database migrated (${handle.driver}: ${handle.location}) in ${Date.now() - started} ms`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('Database migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
