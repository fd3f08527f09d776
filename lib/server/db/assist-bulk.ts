import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';

/**
 * Bulk inserts of column arrays: COPY from an in-memory CSV on PGlite (its `/dev/blob`), and
 * `insert … select from unnest($1::type[], …)` in batches on PostgreSQL (one parameter per column,
 * so a batch of 20,000 rows is one round trip).
 */

export type BulkColumn = { name: string; type: 'int' | 'bigint' | 'text' | 'timestamptz'; values: readonly (string | number | null)[] };

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s;
}

function toCsv(columns: readonly BulkColumn[], from = 0, to = columns[0]?.values.length ?? 0): string {
  const parts: string[] = [];
  for (let r = from; r < to; r++) {
    let line = '';
    for (let c = 0; c < columns.length; c++) line += (c ? ',' : '') + csvField(columns[c]!.values[r] ?? null);
    parts.push(line);
  }
  return parts.join('\n') + '\n';
}

const COPY_CHUNK = 100_000;
const UNNEST_CHUNK = 20_000;

export async function bulkInsertPglite(client: PGlite, table: string, columns: readonly BulkColumn[]): Promise<number> {
  const total = columns[0]?.values.length ?? 0;
  const names = columns.map((c) => c.name).join(', ');
  for (let from = 0; from < total; from += COPY_CHUNK) {
    const csv = toCsv(columns, from, Math.min(total, from + COPY_CHUNK));
    await client.query(`copy ${table} (${names}) from '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
  }
  return total;
}

export async function bulkInsertPostgres(pool: Pool, table: string, columns: readonly BulkColumn[]): Promise<number> {
  const total = columns[0]?.values.length ?? 0;
  const names = columns.map((c) => c.name).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  for (let from = 0; from < total; from += UNNEST_CHUNK) {
    const to = Math.min(total, from + UNNEST_CHUNK);
    await pool.query(`insert into ${table} (${names}) select * from unnest(${unnest})`, columns.map((c) => c.values.slice(from, to)));
  }
  return total;
}
