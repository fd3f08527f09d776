/**
 * `npm run bench:engine` (also run by `npm run bench`): load on the local realtime engine.
 * Starts its own engine on a free port in a child process (scripts/bench-engine-child.ts),
 * then, level by level (10, 50, 100, 200 sessions by default), connects N raw WebSocket
 * clients that stream 20 ms mic frames in real time and ask for one out-of-band hint a
 * second each (scripts/bench-engine-client.ts), for `--seconds=S` (default 15) after a
 * 3 s warm-up. Per level it prints:
 *  - late audio, two ways, each % of all output audio deltas (see lateChunks):
 *    "late (play)": later than its real-time play position (first delta + k × 100 ms) by
 *    more than one chunk (100 ms): a player that started at the first chunk would run dry;
 *    "late (pace)": later than the engine's own pacing slot (first + k × 100 ms / pace,
 *    25 ms at the default pace 4) by more than one slot: the strict, jitter-sensitive view;
 *  - response.created latency (response.create sent -> response.created received) p50/p95;
 *  - the engine's CPU % (of one core) and RSS at start, peak, and after every session
 *    closed, a short wait and a forced GC;
 *  - sessions refused at connect (with the reason) and errors answered to hint requests.
 * Options: `--levels=10,50,100,200`, `--seconds=15`, `--pace=4`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hintAssistant } from '../agents/hint-assistant';
import { mintEngineToken } from '../lib/engine/token';
import { buildRealtimeSessionBody } from '../lib/server/model-access/session-config';
import { summarize } from './bench-stats';
import type { ChildStats } from './bench-engine-child';
import { lateChunks, SimSession } from './bench-engine-client';
import { type LevelResult, report } from './bench-engine-report';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const LEVELS = opt('levels', '10,50,100,200').split(',').map(Number);
const SECONDS = Number(opt('seconds', '15'));
const PACE = Number(opt('pace', '4'));
const WARMUP_MS = 3000;
const SECRET = 'bench-engine-secret-not-for-production';
const TICK_MS = 5;
const WARMUP_SESSIONS = 20;
/** Tokens carry the hint assistant's session config, as the app mints them. */
const SESSION = buildRealtimeSessionBody(hintAssistant);

type Engine = { child: ChildProcess; url: string; ask(cmd: 'stats' | 'gc' | 'stop'): Promise<ChildStats> };

async function startChild(): Promise<Engine> {
  const child = fork(new URL('./bench-engine-child.ts', import.meta.url).pathname, [], {
    // CUE_BENCH_ENGINE_NODE_ARGS: extra node flags for the engine, e.g. "--cpu-prof --cpu-prof-dir=.data/prof".
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.CUE_BENCH_ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: { ...process.env, CUE_BENCH_ENGINE_SECRET: SECRET, CUE_BENCH_ENGINE_PACE: String(PACE) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiters = new Map<number, (s: ChildStats) => void>();
  let nextId = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`engine child exited (${code})`)));
    child.on('message', (raw) => {
      const msg = raw as { ready?: boolean; url?: string; id?: number; stats?: ChildStats };
      if (msg.ready && msg.url) return resolve(msg.url);
      if (msg.id !== undefined) waiters.get(msg.id)?.(msg.stats as ChildStats);
    });
  });
  const ask = (cmd: 'stats' | 'gc' | 'stop') =>
    new Promise<ChildStats>((resolve) => {
      const id = ++nextId;
      waiters.set(id, (s) => {
        waiters.delete(id);
        resolve(s);
      });
      child.send({ id, cmd });
    });
  return { child, url, ask };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuUs = (s: ChildStats) => s.cpuUserUs + s.cpuSystemUs;


async function runLevel(engine: Engine, n: number, seconds = SECONDS): Promise<LevelResult> {
  await engine.ask('gc');
  const start = await engine.ask('stats');
  const sessions = Array.from({ length: n }, (_, i) => new SimSession(i, (i * 997) % 1000));
  const refused = new Map<string, number>();
  const ticker = setInterval(() => {
    const now = performance.now();
    for (const s of sessions) s.tick(now);
  }, TICK_MS);
  // Connect in waves of 10, like people joining, not one thundering herd.
  for (let i = 0; i < n; i += 10) {
    const wave = sessions.slice(i, i + 10);
    const results = await Promise.all(wave.map((s) => s.connect(engine.url, mintEngineToken({ secret: SECRET, agentId: 'hint-assistant', ttlSeconds: 120, session: SESSION }).value)));
    for (const r of results) if (r !== 'ok') refused.set(r, (refused.get(r) ?? 0) + 1);
    await sleep(20);
  }
  const admitted = sessions.filter((s) => s.open);
  const from = performance.now() + WARMUP_MS;
  const to = from + seconds * 1000;
  for (const s of admitted) s.setWindow(from, to);
  const lag = monitorEventLoopDelay({ resolution: 10 });
  let peak = start.rss;
  await sleep(WARMUP_MS);
  lag.enable();
  const atFrom = await engine.ask('stats');
  const clientFrom = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() < to) {
    await sleep(500);
    peak = Math.max(peak, (await engine.ask('stats')).rss);
  }
  const atTo = await engine.ask('stats');
  const elapsed = performance.now() - t0;
  const cpuPct = ((cpuUs(atTo) - cpuUs(atFrom)) / 1000 / elapsed) * 100;
  const clientCpu = process.cpuUsage(clientFrom);
  const clientCpuPct = ((clientCpu.user + clientCpu.system) / 1000 / elapsed) * 100;
  const load = loadavg()[0] ?? 0;
  lag.disable();
  await sleep(1500); // let the last responses finish streaming
  clearInterval(ticker);
  await Promise.all(sessions.map((s) => s.close()));
  await sleep(Number(process.env.CUE_BENCH_AFTER_WAIT_MS ?? 2000));
  await engine.ask('gc');
  const after = await engine.ask('stats');

  const interval = 100 / PACE;
  let chunks = 0;
  let late = 0;
  let latePlay = 0;
  const latencies: number[] = [];
  const hintErrors = new Map<string, number>();
  let hintsSent = 0;
  for (const s of admitted) {
    latencies.push(...s.record.createdLatencies);
    hintsSent += s.record.sent;
    for (const [code, count] of s.record.errors) hintErrors.set(code, (hintErrors.get(code) ?? 0) + count);
    for (const arrivals of s.record.audio.values()) {
      chunks += arrivals.length;
      late += lateChunks(arrivals, interval);
      latePlay += lateChunks(arrivals, 100);
    }
  }
  return {
    n,
    admitted: admitted.length,
    refused,
    chunks,
    late,
    latePlay,
    created: summarize(latencies),
    hintsSent,
    hintErrors,
    cpuPct,
    rssStart: start.rss,
    rssPeak: peak,
    rssAfter: after.rss,
    heap: { start, after },
    clientLagP99: lag.percentile(99) / 1e6,
    clientCpuPct,
    load,
  };
}

async function main(): Promise<number> {
  const engine = await startChild();
  try {
    const cold = await engine.ask('stats');
    // A short unmeasured round first: JIT, pools and V8's young generation settle, so each
    // level's "RSS start" is a warm engine and "RSS after" shows what sessions leave behind.
    process.stdout.write(`warm-up (${WARMUP_SESSIONS} sessions, not reported) …\n`);
    await runLevel(engine, WARMUP_SESSIONS, 2);
    const results: LevelResult[] = [];
    for (const n of LEVELS) {
      process.stdout.write(`level ${n} sessions …\n`);
      results.push(await runLevel(engine, n));
    }
    report(results, cold, { seconds: SECONDS, warmupMs: WARMUP_MS, pace: PACE });
    return 0;
  } finally {
    const exited = new Promise((r) => engine.child.once('exit', r));
    await Promise.race([engine.ask('stop').then(() => exited), sleep(5000)]);
    if (engine.child.exitCode === null) engine.child.kill();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
