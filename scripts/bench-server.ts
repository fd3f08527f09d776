/**
 * The app and local engine that `npm run bench` measures: always its own, started here on
 * free ports with a secret made for this run. It never measures a server it did not start:
 *  - the ports are checked free right before the start (so nothing else can answer on them);
 *  - the child must stay alive while it is measured (a port clash makes it exit, not share);
 *  - the engine must have no session before the page connects, and the page's session must
 *    appear in it (`assertOwnEngineSession`), so the app talks to this engine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';

export type BenchServer = { app: string; controls: string; appPort: number; enginePort: number; alive: () => boolean; stop: () => Promise<void> };

/** A port nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** True if something accepts connections on the port. */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

async function isUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

export async function startBenchServer({ build }: { build: boolean }): Promise<BenchServer> {
  const [appPort, enginePort] = [await freePort(), await freePort()];
  if (appPort === enginePort || (await portTaken(appPort)) || (await portTaken(enginePort))) {
    throw new Error(`Ports ${appPort}/${enginePort} are not free; refusing to measure a server this bench did not start.`);
  }
  const app = `http://127.0.0.1:${appPort}`;
  const controls = `http://127.0.0.1:${enginePort}/__test`;
  const run = randomBytes(4).toString('hex');
  mkdirSync('.data', { recursive: true });
  const log = createWriteStream('.data/bench-server.log');
  console.log(`Starting the app on ${appPort} and the engine on ${enginePort} (${build ? 'next build, then ' : ''}npm start); output in .data/bench-server.log …`);
  const child: ChildProcess = spawn('bash', ['-c', `rm -rf .data/bench-run-* && ${build ? 'npm run build && ' : ''}npm start`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(appPort),
      HOSTNAME: '127.0.0.1',
      OPENAI_API_KEY: '',
      CUE_REALTIME_BACKEND: 'local',
      CUE_ENGINE_PORT: String(enginePort),
      CUE_ENGINE_URL: `ws://127.0.0.1:${enginePort}/v1/realtime`,
      CUE_ENGINE_SECRET: `bench-${run}-${randomBytes(16).toString('hex')}`,
      CUE_ENGINE_TEST_CONTROLS: '1',
      CUE_MINT_RATE_LIMIT_PER_MINUTE: '1000',
      CUE_DATA_DIR: `.data/bench-run-${run}`,
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!alive() || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`The app exited (code ${child.exitCode}); see .data/bench-server.log`);
    if ((await isUp(`${app}/`)) && (await isUp(`${controls}/sessions`))) {
      const sessions = (await (await fetch(`${controls}/sessions`)).json()) as unknown[];
      if (sessions.length > 0) {
        await stop();
        throw new Error(`The engine on ${enginePort} already has sessions: not the one this bench started.`);
      }
      return { app, controls, appPort, enginePort, alive, stop };
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error('The app did not come up within 10 minutes; see .data/bench-server.log');
}

/** The page's session must be in this bench's engine (else the app is someone else's). Returns its id. */
export async function assertOwnEngineSession(server: BenchServer): Promise<string> {
  if (!server.alive()) throw new Error('The bench app exited while being measured; see .data/bench-server.log');
  const sessions = (await (await fetch(`${server.controls}/sessions`)).json()) as { id: string; agent: string; open: boolean }[];
  const open = sessions.filter((s) => s.open);
  if (open.length !== 1) throw new Error(`Expected exactly one open session in the bench's engine, found ${open.length}: refusing to measure.`);
  return open[0]!.id;
}
