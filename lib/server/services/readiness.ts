import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/lib/server/db/connection';
import { env, realtimeBackend, type Env } from '@/lib/server/env';

/**
 * Readiness: can this instance serve a request now? The database answers `select 1`, and the
 * local engine (when it is the backend) answers /health. Cheap: one round trip each, both
 * bounded at CHECK_TIMEOUT_MS, run side by side. GET /api/ready serves it (200 or 503).
 */
type CheckResult = { ok: true; ms: number } | { ok: false; ms: number; error: string };
export type Readiness = {
  ok: boolean;
  database: CheckResult;
  engine: (CheckResult & { backend: 'local'; supervised: boolean }) | { ok: true; backend: 'openai' };
};

const CHECK_TIMEOUT_MS = 2_000;

async function timed(check: (signal: AbortSignal) => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  const started = Date.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(controller.signal),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new Error(`no answer within ${timeoutMs} ms`));
        }, timeoutMs);
      }),
    ]);
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    return { ok: false, ms: Date.now() - started, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessDeps = {
  env: Env;
  pingDatabase: () => Promise<unknown>;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
};

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? CHECK_TIMEOUT_MS;
  const local = realtimeBackend(deps.env) === 'local';
  const healthUrl = () => {
    const u = new URL(deps.env.CUE_ENGINE_URL);
    u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
    u.pathname = '/health';
    u.search = '';
    return u.toString();
  };
  const [database, engineCheck] = await Promise.all([
    timed(() => deps.pingDatabase(), timeoutMs),
    local
      ? timed(async (signal) => {
          const res = await (deps.fetchImpl ?? fetch)(healthUrl(), { signal, cache: 'no-store' });
          if (!res.ok) throw new Error(`engine /health answered HTTP ${res.status}`);
        }, timeoutMs)
      : null,
  ]);
  const engine = engineCheck ? { ...engineCheck, backend: 'local' as const, supervised: deps.env.CUE_ENGINE_SUPERVISED } : { ok: true as const, backend: 'openai' as const };
  return { ok: database.ok && engine.ok, database, engine };
}

export function defaultReadinessDeps(): ReadinessDeps {
  return { env: env(), pingDatabase: () => db().execute(sql`select 1`) };
}
