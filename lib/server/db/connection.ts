import 'server-only';
import { env } from '@/lib/server/env';
import { databaseConfigFromEnv, getDatabase, type Database } from './client';

/** The app's database handle, and the conversions raw SQL values need (drivers differ). */

export function db(): Database {
  return getDatabase(databaseConfigFromEnv(env())).db;
}

/** timestamptz from raw SQL: node-postgres (through Drizzle) gives a string, PGlite a Date. */
export function toDate(v: Date | string | null | undefined): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(v);
}

/** count() is bigint and avg() numeric: strings on the wire. */
export function toNumber(v: string | number | bigint | null | undefined): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new TypeError(`expected a number from the database, got ${String(v)}`);
  return n;
}
