import 'server-only';
import { env } from '@/lib/server/env';
import { databaseConfigFromEnv, getDatabase, type Database } from '@/lib/server/db/client';
import { ensureAssistDemoData } from '@/lib/server/db/assist-seed';

const logged = new WeakSet<object>();

/** The app's database with the assist demo data set in place (seeded on first use). */
export async function assistDb(): Promise<Database> {
  const handle = getDatabase(databaseConfigFromEnv(env()));
  const report = await ensureAssistDemoData(handle);
  if (report.seeded && !logged.has(handle)) {
    logged.add(handle);
    console.log(`[assist] demo data set generated in ${(report.millis / 1000).toFixed(1)} s`, report.counts);
  }
  return handle.db;
}
