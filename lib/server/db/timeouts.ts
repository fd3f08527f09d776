import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/**
 * Bounded waits on the database, with one typed error for "the database is not answering":
 * node-postgres gets a connect timeout, a server-side statement_timeout and a client-side
 * query_timeout; embedded PGlite (one query at a time, in process) gets a bounded wait for its
 * turn: an operation that could not start in time is refused before it runs, so a refusal
 * never half-applies anything. runAction (lib/contracts/action-result) turns the error into
 * the `database_unavailable` failure the UI shows as a banner.
 */
export type DatabaseTimeouts = { statementTimeoutMs: number; connectTimeoutMs: number };

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 };

class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  readonly code = 'database_unavailable';
  constructor(
    readonly reason: 'connect_timeout' | 'statement_timeout' | 'busy' | 'connection_lost',
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`The database is not answering (${reason}): ${detail}`, options);
  }
}

/** SQLSTATEs and driver messages that mean "not answering", not "your query is wrong". */
function classifyPgError(error: unknown): DatabaseUnavailableError | null {
  if (error instanceof DatabaseUnavailableError) return error;
  const e = error as { code?: string; message?: string } | null;
  const message = e?.message ?? '';
  if (e?.code === '57014') return new DatabaseUnavailableError('statement_timeout', message, { cause: error });
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) return new DatabaseUnavailableError('connect_timeout', message, { cause: error });
  if (/Query read timeout/i.test(message)) return new DatabaseUnavailableError('statement_timeout', message, { cause: error });
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P03', '08000', '08001', '08003', '08006'].includes(e?.code ?? '') || /Connection terminated/i.test(message)) {
    return new DatabaseUnavailableError('connection_lost', message, { cause: error });
  }
  return null;
}

export function poolOptions(t: DatabaseTimeouts) {
  return {
    connectionTimeoutMillis: t.connectTimeoutMs,
    statement_timeout: t.statementTimeoutMs,
    // The server may not even answer a cancel: give up on our side shortly after.
    query_timeout: t.statementTimeoutMs + 2_000,
    idle_in_transaction_session_timeout: t.statementTimeoutMs * 3,
  };
}

type AnyQuery = (...args: never[]) => Promise<unknown>;

function rethrowing<F extends AnyQuery>(fn: F): F {
  return (async (...args: never[]) => {
    try {
      return await fn(...args);
    } catch (error) {
      throw classifyPgError(error) ?? error;
    }
  }) as F;
}

/** A pool whose queries and connects throw DatabaseUnavailableError when the server does not answer. */
export function typedErrorsPool(pool: Pool): Pool {
  pool.query = rethrowing(pool.query.bind(pool) as AnyQuery) as Pool['query'];
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<PoolClient> | undefined;
  // pool.query itself connects with a callback: leave that form alone (its errors reach the wrapped query).
  pool.connect = ((callback?: unknown) => {
    if (typeof callback === 'function') return connect(callback);
    return connect()!.then(
      (client) => {
        client.query = rethrowing(client.query.bind(client) as AnyQuery) as PoolClient['query'];
        return client;
      },
      (error: unknown) => {
        throw classifyPgError(error) ?? error;
      },
    );
  }) as Pool['connect'];
  return pool;
}

/** PGlite with a bounded wait for its turn (query, exec and transaction share one queue). */
export function boundedPglite(client: PGlite, waitMs: number): PGlite {
  let tail: Promise<void> = Promise.resolve();
  // Starting PGlite may take seconds on a busy machine (and runs queries of its own): not a stall, not queued.
  const inTurn = async <T>(op: () => Promise<T>): Promise<T> => {
    if (!client.ready) return op();
    return new Promise<T>((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(new DatabaseUnavailableError('busy', `the embedded database did not take the query within ${waitMs} ms`));
      }, waitMs);
      const previous = tail;
      let release!: () => void;
      tail = new Promise<void>((r) => (release = r));
      void previous.then(async () => {
        if (gaveUp) return release();
        clearTimeout(timer);
        try {
          resolve(await op());
        } catch (error) {
          reject(error);
        } finally {
          release();
        }
      });
    });
  };
  const wrap = <K extends 'query' | 'exec' | 'transaction'>(name: K) => {
    const original = (client[name] as AnyQuery).bind(client);
    (client as unknown as Record<K, AnyQuery>)[name] = ((...args: never[]) => inTurn(() => original(...args))) as AnyQuery;
  };
  wrap('query');
  wrap('exec');
  wrap('transaction');
  return client;
}
