import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { isDatabaseUnavailable, runAction, ok } from '@/lib/contracts/action-result';
import { createDatabase } from './client';

/** The database never makes a request hang: bounded waits and one typed error, on both drivers. */
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('PGlite: a bounded wait for its turn', () => {
  it('refuses a query that cannot start in time, never runs it, and serves the next one', async () => {
    const handle = createDatabase({ pgliteDir: 'memory://timeouts', timeouts: { statementTimeoutMs: 200, connectTimeoutMs: 200 } });
    await handle.db.execute(sql`create table t (v int)`);
    let release!: () => void;
    const held = handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1)`);
      await new Promise<void>((r) => (release = r));
    });
    await new Promise((r) => setTimeout(r, 20));
    const started = Date.now();
    const error = await errorOf(handle.db.execute(sql`insert into t values (2)`));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(((error as Error).cause as Error).message).toMatch(/not answering \(busy\)/);
    release();
    await held;
    const rows = (await handle.db.execute(sql`select v from t order by v`)) as unknown as { rows: { v: number }[] };
    expect(rows.rows.map((r) => r.v)).toEqual([1]);
    await handle.close();
  }, 90_000); // starting PGlite alone takes seconds on a busy machine
});

describe('node-postgres: connect timeout', () => {
  const sockets: Socket[] = [];
  let silent: Server;
  afterAll(() => {
    for (const s of sockets) s.destroy();
    silent?.close();
  });

  it('a server that accepts and never answers gives database_unavailable within the connect timeout', async () => {
    silent = createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const handle = createDatabase({ databaseUrl: `postgres://cue@127.0.0.1:${port}/cue`, pgliteDir: '', timeouts: { statementTimeoutMs: 500, connectTimeoutMs: 300 } });
    const started = Date.now();
    const error = await errorOf(handle.db.execute(sql`select 1`));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    const viaAction = await runAction(z.object({}), {}, async () => ok(await handle.db.execute(sql`select 1`)));
    expect(viaAction).toEqual({ ok: false, error: { code: 'database_unavailable', message: 'The database is not answering. Nothing on this page is lost; try again in a moment.' } });
    await handle.close();
  });
});

const url = process.env.TEST_DATABASE_URL;
describe.skipIf(!url)('PostgreSQL: statement timeout (TEST_DATABASE_URL)', () => {
  it('a statement running past the timeout is cancelled with database_unavailable', async () => {
    const handle = createDatabase({ databaseUrl: url!, pgliteDir: '', timeouts: { statementTimeoutMs: 300, connectTimeoutMs: 2000 } });
    const started = Date.now();
    const error = await errorOf(handle.db.execute(sql`select pg_sleep(5)`));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(((await handle.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] }).rows).toEqual([{ one: 1 }]);
    await handle.close();
  });
});
