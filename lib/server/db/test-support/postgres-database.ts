import { Pool } from 'pg';

/**
 * A PostgreSQL database of its own for one test file, on the server TEST_DATABASE_URL points at:
 * `<that database>_<name>`, dropped and created afresh. Test files run in parallel, and two files
 * that each wipe and migrate the same database would trip over each other.
 */
export async function isolatedPostgresUrl(baseUrl: string, name: string): Promise<string> {
  const url = new URL(baseUrl);
  const database = `${url.pathname.replace(/^\//, '') || 'postgres'}_${name}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const pool = new Pool({ connectionString: baseUrl, max: 1 });
  try {
    await pool.query(`drop database if exists "${database}" with (force)`);
    await pool.query(`create database "${database}"`);
  } finally {
    await pool.end();
  }
  url.pathname = `/${database}`;
  return url.toString();
}
