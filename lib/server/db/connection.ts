import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { env } from '@/lib/server/env';
import { databaseConfigFromEnv, getDatabase, type Database } from './client';

/** The app's database handle, and helpers for raw SQL: its rows, parameters and values (drivers differ). */

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

/** Rows of a raw SQL query; both drivers answer with { rows }. */
export async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result = (await db().execute(query)) as unknown as { rows?: T[] };
  if (!Array.isArray(result.rows)) throw new Error('the database driver returned no rows array');
  return result.rows;
}

export function positiveInt(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer, got ${n}`);
  return n;
}

/** `(values ($1::text, $2::int), …) as ids(scenario_id, total)` */
export const scenarioValues = (scenarios: readonly { scenarioId: string; scoredAttempts: number }[]) =>
  sql`(values ${sql.join(
    scenarios.map((s) => sql`(${s.scenarioId}::text, ${s.scoredAttempts}::int)`),
    sql`, `,
  )}) as ids(scenario_id, total)`;
