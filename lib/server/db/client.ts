import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import * as schema from './schema';
import { boundedPglite, DEFAULT_DATABASE_TIMEOUTS, poolOptions, typedErrorsPool, type DatabaseTimeouts } from './timeouts';

/**
 * Side-effect-free database factory. Embedded PGlite (files under <CUE_DATA_DIR>/pglite)
 * by default; node-postgres when DATABASE_URL is set. Both give the same Drizzle type.
 * Nothing connects or migrates on import.
 */

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseConfig = {
  /** PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory://' for a throwaway in-memory database. */
  pgliteDir: string;
  /** Statement and connect timeouts (PGlite: the bounded wait for its turn); defaults in ./timeouts. */
  timeouts?: DatabaseTimeouts;
};

export type DatabaseHandle =
  | { driver: 'pglite'; db: Database; pglite: PgliteDatabase<typeof schema>; location: string; close(): Promise<void> }
  | { driver: 'postgres'; db: Database; postgres: NodePgDatabase<typeof schema>; location: string; close(): Promise<void> };

/** The config the app uses, from the parsed environment (lib/server/env.ts or parseEnv in scripts). */
export function databaseConfigFromEnv(e: { DATABASE_URL?: string; CUE_DATA_DIR: string; CUE_DB_STATEMENT_TIMEOUT_MS?: number; CUE_DB_CONNECT_TIMEOUT_MS?: number }): DatabaseConfig {
  const timeouts = {
    statementTimeoutMs: e.CUE_DB_STATEMENT_TIMEOUT_MS ?? DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs,
    connectTimeoutMs: e.CUE_DB_CONNECT_TIMEOUT_MS ?? DEFAULT_DATABASE_TIMEOUTS.connectTimeoutMs,
  };
  return { databaseUrl: e.DATABASE_URL, pgliteDir: path.resolve(e.CUE_DATA_DIR, 'pglite'), timeouts };
}

/** A connection string with the password masked, for logs. */
function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

/**
 * Session settings every connection starts with. pg_trgm's `%` takes its threshold from the
 * session: the assist name search asks for close matches first (a transaction of its own per
 * search would cost three more round trips); its looser fallback sets its own, locally.
 */
const SESSION_SETTINGS = "set pg_trgm.similarity_threshold = 0.5";

export function createDatabase(config: DatabaseConfig): DatabaseHandle {
  if (config.databaseUrl) {
    const pool = typedErrorsPool(new Pool({ connectionString: config.databaseUrl, max: 10, ...poolOptions(config.timeouts ?? DEFAULT_DATABASE_TIMEOUTS) }));
    // Queued on the new client before any query of ours; a failure shows on that first query.
    pool.on('connect', (client) => void client.query(SESSION_SETTINGS).catch(() => undefined));
    const postgres = drizzlePostgres({ client: pool, schema });
    return {
      driver: 'postgres',
      db: postgres,
      postgres,
      location: redactDatabaseUrl(config.databaseUrl),
      close: () => pool.end(),
    };
  }
  const memory = config.pgliteDir.startsWith('memory://');
  if (!memory) mkdirSync(config.pgliteDir, { recursive: true });
  // pg_trgm: the website knowledge base and the assist lookups match names and typos by trigram.
  const client = boundedPglite(new PGlite(config.pgliteDir, { extensions: { pg_trgm } }), (config.timeouts ?? DEFAULT_DATABASE_TIMEOUTS).statementTimeoutMs);
  void client.exec(SESSION_SETTINGS).catch(() => undefined);
  const pglite = drizzlePglite({ client, schema });
  return { driver: 'pglite', db: pglite, pglite, location: config.pgliteDir, close: () => client.close() };
}

type Cache = Map<string, DatabaseHandle>;
const globalForDb = globalThis as typeof globalThis & { __cueDatabases?: Cache };

function cacheKey(config: DatabaseConfig): string {
  return config.databaseUrl ? `pg:${config.databaseUrl}` : `pglite:${config.pgliteDir}`;
}

/**
 * One handle per config for the life of the process, kept on globalThis so dev
 * hot reloads do not open a second PGlite on the same directory.
 */
export function getDatabase(config: DatabaseConfig): DatabaseHandle {
  const cache = (globalForDb.__cueDatabases ??= new Map());
  const key = cacheKey(config);
  let handle = cache.get(key);
  if (!handle) {
    handle = createDatabase(config);
    cache.set(key, handle);
  }
  return handle;
}

/** Close and forget a cached handle (scripts and tests). */
export async function closeDatabase(config: DatabaseConfig): Promise<void> {
  const cache = globalForDb.__cueDatabases;
  const key = cacheKey(config);
  const handle = cache?.get(key);
  if (!handle) return;
  cache?.delete(key);
  await handle.close();
}
