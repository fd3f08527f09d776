import 'server-only';
import { databaseConfigFromEnv, getDatabase } from '@/lib/server/db/client';
import { env } from '@/lib/server/env';
import { createStudioAgentSource, listenerFor, type StudioAgentSource } from './agent-source';

const globalForSource = globalThis as typeof globalThis & { __cueStudioAgentSource?: StudioAgentSource };

/** The process's one agent source on the app's database (LISTEN on PostgreSQL and PGlite, plus the version poll). */
export function studioAgentSource(): StudioAgentSource {
  if (!globalForSource.__cueStudioAgentSource) {
    const handle = getDatabase(databaseConfigFromEnv(env()));
    globalForSource.__cueStudioAgentSource = createStudioAgentSource({ db: handle.db, listen: listenerFor(handle) });
  }
  return globalForSource.__cueStudioAgentSource;
}
