/**
 * `npm run dev` / `npm start`: one command, one Ctrl-C. Applies database migrations, starts
 * the local realtime engine when no OpenAI key is set (or CUE_REALTIME_BACKEND=local) as a
 * supervised child process (restarted with backoff if it dies), then runs the app server
 * (scripts/app-server.ts: Next.js through its custom-server API plus the phone line's /call
 * WebSocket, one process) with the same settings, listening on 127.0.0.1 unless CUE_HOST (or HOSTNAME, when it is an address)
 * says otherwise, and with scripts/peer-address.mjs preloaded so rate limits see the
 * connection's real address.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv, realtimeBackend, type Env } from '@/lib/server/env-schema';
import { supervise, type Supervisor } from './supervise';

const mode = process.argv[2] === 'start' ? 'start' : 'dev';

async function migrate(): Promise<void> {
  if (!existsSync('scripts/migrate.ts')) return;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], { stdio: 'inherit', env: process.env });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrations failed (exit ${code})`))));
  });
}

/** Where Next listens: CUE_HOST, else HOSTNAME when it is an address or "localhost" (container runtimes export the machine's name), else loopback. */
export function listenHost(e: Pick<Env, 'CUE_HOST'>, hostname: string | undefined): string {
  if (e.CUE_HOST) return e.CUE_HOST;
  const host = hostname?.trim() ?? '';
  const isAddress = /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f]*:[0-9a-f:]*\]?)$/i.test(host);
  return isAddress ? host : '127.0.0.1';
}

/** The app's own origins on this port, for the engine's Origin check. */
function appOrigins(host: string, port: number): string {
  const hosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (!['0.0.0.0', '::', '[::]'].includes(host)) hosts.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  return [...hosts].map((h) => `http://${h}:${port}`).join(',');
}

async function waitForEngine(httpUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${httpUrl}/health`, { signal: AbortSignal.timeout(1000) })).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function main(): Promise<void> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  childEnv.CUE_ENGINE_SECRET ||= randomBytes(32).toString('base64url');
  const env = parseEnv(childEnv);
  await migrate();

  const cli = process.argv.slice(3);
  const cliValue = (short: string, long: string) => {
    const eq = cli.find((a) => a.startsWith(`${long}=`));
    if (eq) return eq.slice(long.length + 1);
    const i = cli.findIndex((a) => a === short || a === long);
    return i >= 0 ? cli[i + 1] : undefined;
  };
  const host = cliValue('-H', '--hostname') ?? listenHost(env, process.env.HOSTNAME);
  const port = Number(cliValue('-p', '--port')) || env.PORT;
  const args = ['--import', 'tsx', 'scripts/app-server.ts', mode, '--hostname', host, '--port', String(port)];
  (childEnv as Record<string, string | undefined>).NODE_ENV ||= mode === 'start' ? 'production' : 'development';

  let engine: Supervisor | undefined;
  if (realtimeBackend(env) === 'local') {
    const engineUrl = new URL(env.CUE_ENGINE_URL);
    const ownsEngine = ['127.0.0.1', 'localhost', '[::1]'].includes(engineUrl.hostname) && Number(engineUrl.port) === env.CUE_ENGINE_PORT;
    if (ownsEngine) {
      childEnv.CUE_ALLOWED_ORIGINS ||= appOrigins(host, port);
      childEnv.CUE_ENGINE_SUPERVISED = '1';
      engine = supervise({
        name: 'engine',
        command: process.execPath,
        args: ['--import', 'tsx', 'scripts/engine.ts'],
        env: childEnv,
        minBackoffMs: env.CUE_ENGINE_RESTART_BACKOFF_MS,
        maxBackoffMs: Math.max(10_000, env.CUE_ENGINE_RESTART_BACKOFF_MS),
      });
      const httpUrl = `http://${engineUrl.host}`;
      if (!(await waitForEngine(httpUrl, 20_000))) console.warn(`The local engine did not answer on ${httpUrl}/health within 20 s; the app starts anyway and says so.`);
      console.log(`Local realtime engine (scripted, no AI) supervised on ${env.CUE_ENGINE_URL}${env.CUE_ENGINE_TEST_CONTROLS ? ' with test controls' : ''}`);
    } else {
      console.log(`Using the local realtime engine at ${env.CUE_ENGINE_URL} (started elsewhere)`);
    }
  } else {
    console.log('Realtime backend: OpenAI (OPENAI_API_KEY is set)');
  }

  // Every request gets the socket's address (see lib/server/model-access/client-ip.ts).
  const preload = pathToFileURL(path.resolve('scripts/peer-address.mjs')).href;
  childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --import=${preload}`.trim();
  console.log(`App listening on ${host} (set CUE_HOST=0.0.0.0 to accept other machines)`);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: childEnv });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  child.on('exit', async (code) => {
    await engine?.stop().catch(() => undefined);
    process.exit(code ?? 0);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('scripts/run.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
