/**
 * `npm run bench:history`: does /history cost grow with the history? Seeds two fresh PGlite
 * databases (temporary CUE_DATA_DIRs) with 10 and 1,000 saved sessions (transcripts, tags,
 * metrics, debriefs), starts the built app (`next start`) on each, on free ports, and measures
 * real HTTP GETs: server time (the median of N requests after a warm-up, request sent -> last
 * byte, on loopback) and the HTML size. Requests to the two apps alternate, so a busy machine
 * slows both alike. Prints a table with the 1,000 / 10 ratios; the target is 1.5x or less for
 * /history.
 * `--no-build` uses the existing .next build; `--runs=N` sets N (default 25).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { databaseConfigFromEnv } from '@/lib/server/db/client';
import { seedHistory } from './bench-history-seed';
import { summarize } from './bench-stats';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 25);
const WARMUP = 3;
const SIZES = [10, 1000] as const;
const TARGET = 1.5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(command: string, argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${argv.join(' ')} exited with ${code}`))));
  });
}

async function isUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/** `next start` on the seeded data; resolves with a stop function once / answers. */
async function startApp(dataDir: string, port: number, logFile: string): Promise<() => Promise<void>> {
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_ENV: 'production', CUE_DATA_DIR: dataDir, DATABASE_URL: '', OPENAI_API_KEY: '', CUE_REALTIME_BACKEND: 'local' },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (code ${child.exitCode}); see ${logFile}`);
    if (await isUp(`http://127.0.0.1:${port}/`)) return stop;
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`next start did not answer within 2 minutes; see ${logFile}`);
}

type Measure = { ms: number; bytes: number; minMs?: number };

/** The session cookies of the first-run owner (created through /setup, which also takes over the seeded sessions). */
async function ownerCookies(base: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/setup`);
    await page.getByTestId('field-name').fill('Bench Owner');
    await page.getByTestId('field-email').fill('bench@bench.cue');
    await page.getByTestId('field-password').fill('bench-owner-password');
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('nav-account').waitFor({ timeout: 60_000 });
    return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  } finally {
    await browser.close();
  }
}

const cookies = new Map<string, string>();

async function get(url: string): Promise<Measure> {
  const t = performance.now();
  // Signed in as the owner; a redirect (to /sign-in) would measure the wrong page, so it fails the run.
  const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookies.get(new URL(url).origin) ?? '' } });
  const body = await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}`);
  return { ms, bytes: body.byteLength };
}

/** GETs alternating between the URLs; per URL the median time and the (last) size. */
async function measureAlternating(urls: readonly string[]): Promise<Measure[]> {
  const times: number[][] = urls.map(() => []);
  const bytes: number[] = urls.map(() => 0);
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [k, url] of urls.entries()) {
      const m = await get(url);
      bytes[k] = m.bytes;
      if (i >= WARMUP) times[k]!.push(m.ms);
    }
  }
  return urls.map((_, k) => ({ ms: summarize(times[k]!).p50, minMs: Math.min(...times[k]!), bytes: bytes[k]! }));
}

type Page = { label: string; path: (top: string) => string };
const PAGES: Page[] = [
  { label: '/history', path: () => '/history' },
  { label: '/history?scenario=<most practised>', path: (top) => `/history?scenario=${top}` },
];

type App = { count: number; base: string; top: string; stop: () => Promise<void> };

async function startSeeded(count: number, dataDir: string): Promise<App> {
  const started = Date.now();
  const seed = await seedHistory(databaseConfigFromEnv({ CUE_DATA_DIR: dataDir }), count);
  console.log(`  seeded ${seed.sessions} sessions (${seed.items} utterances) in ${Date.now() - started} ms`);
  const port = await freePort();
  const stop = await startApp(dataDir, port, `.data/bench-history-${count}.log`);
  cookies.set(`http://127.0.0.1:${port}`, await ownerCookies(`http://127.0.0.1:${port}`));
  return { count, base: `http://127.0.0.1:${port}`, top: seed.topScenarioId, stop };
}

const kb = (b: number) => `${(b / 1024).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  if (!args.includes('--no-build')) await run('npx', ['next', 'build']);
  mkdirSync('.data', { recursive: true });
  const dirs = SIZES.map(() => mkdtempSync(path.join(tmpdir(), 'cue-bench-history-')));
  const apps: App[] = [];
  try {
    for (const [i, count] of SIZES.entries()) {
      console.log(`${count} sessions …`);
      apps.push(await startSeeded(count, dirs[i]!));
    }
    const rows = [];
    for (const p of PAGES) rows.push({ label: p.label, m: await measureAlternating(apps.map((a) => `${a.base}${p.path(a.top)}`)) });
    report(rows);
  } finally {
    for (const a of apps) await a.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

function report(rows: { label: string; m: Measure[] }[]): void {
  console.log(`\n/history cost against the saved history: median of ${RUNS} GETs after ${WARMUP} warm-up, alternating, next start, PGlite\n`);
  const head = ['page'.padEnd(36), 'time @10'.padStart(10), 'time @1000'.padStart(11), 'ratio'.padStart(7), 'HTML @10'.padStart(10), 'HTML @1000'.padStart(11), 'ratio'.padStart(7)];
  console.log(head.join('  '));
  let within = true;
  rows.forEach(({ label, m }, i) => {
    const [a, b] = m as [Measure, Measure];
    const rt = b.ms / a.ms;
    const rb = b.bytes / a.bytes;
    if (i === 0) within = rt <= TARGET && rb <= TARGET;
    const rmin = (b.minMs ?? b.ms) / (a.minMs ?? a.ms);
    console.log(
      [
        label.padEnd(36),
        ms(a.ms).padStart(10),
        ms(b.ms).padStart(11),
        `${rt.toFixed(2)}x`.padStart(7),
        kb(a.bytes).padStart(10),
        kb(b.bytes).padStart(11),
        `${rb.toFixed(2)}x`.padStart(7),
        `   fastest: ${ms(a.minMs ?? a.ms)} / ${ms(b.minMs ?? b.ms)} = ${rmin.toFixed(2)}x`,
      ].join('  '),
    );
  });
  console.log(`\n/history target: time and HTML at 1,000 sessions within ${TARGET}x of 10: ${within ? 'OK' : 'OVER TARGET'}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
