/**
 * `npm run bench`: the live hint assistant's speed, measured in Chromium against the local
 * engine, printed as figures (not a pass/fail test):
 *  - trigger latency: the transcription event that completes a trigger phrase arriving in
 *    the page -> the `response.create` leaving it;
 *  - interrupt latency: the interrupt phrase's transcription event, the Interrupt click or
 *    the Esc key -> playback silent;
 *  - transcript: per-delta cost (store + render) with 25 vs 2,500 items shown, the ratio,
 *    and the longest main-thread task.
 * It builds and starts the app like Playwright does (or reuses one already running on the
 * e2e ports), under the shared e2e lock. `--no-build` starts the existing build;
 * `--trials=N` sets the number of hint trials (default 45).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { installBenchProbes, runDeltaScenario, type BenchRecorder, type DeltaRunResult, type MarkRecord, type SendRecord } from '../e2e/support/bench-page';
import { silentWavPath } from '../e2e/support/fake-audio';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { row, summarize, fmt } from './bench-stats';

const LOCK = '/tmp/cue-e2e.lock';
const APP_PORT = 3107;
const ENGINE_PORT = 8797;
const APP = `http://127.0.0.1:${APP_PORT}`;
const CONTROLS = `http://127.0.0.1:${ENGINE_PORT}/__test`;
const args = process.argv.slice(2);
const TRIALS = Number(args.find((a) => a.startsWith('--trials='))?.split('=')[1] ?? 45);
const WARMUP = 3;

// ---- lock, server ------------------------------------------------------------------------

function relaunchUnderLock(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn('flock', [LOCK, process.execPath, '--import', 'tsx', 'scripts/bench.ts', ...args], {
      stdio: 'inherit',
      env: { ...process.env, CUE_BENCH_LOCKED: '1' },
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function isUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

async function ensureApp(): Promise<() => Promise<void>> {
  const [app, engine] = await Promise.all([isUp(`${APP}/`), isUp(`${CONTROLS}/sessions`)]);
  if (app && engine) {
    console.log(`Reusing the app on ${APP} and the engine's test controls on ${ENGINE_PORT}.`);
    return async () => undefined;
  }
  if (app || engine) throw new Error(`Port ${app ? APP_PORT : ENGINE_PORT} is in use by something that is not the e2e app + engine.`);
  const build = args.includes('--no-build') ? '' : 'npm run build && ';
  mkdirSync('.data', { recursive: true });
  const log = createWriteStream('.data/bench-server.log');
  console.log(`Starting the app (${build ? 'next build, then ' : ''}npm start); output in .data/bench-server.log …`);
  const child: ChildProcess = spawn('bash', ['-c', `rm -rf .data/bench && ${build}npm start`], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(APP_PORT),
      HOSTNAME: '127.0.0.1',
      OPENAI_API_KEY: '',
      CUE_REALTIME_BACKEND: 'local',
      CUE_ENGINE_PORT: String(ENGINE_PORT),
      CUE_ENGINE_URL: `ws://127.0.0.1:${ENGINE_PORT}/v1/realtime`,
      CUE_ENGINE_SECRET: 'bench-engine-secret-not-for-production',
      CUE_ENGINE_TEST_CONTROLS: '1',
      CUE_MINT_RATE_LIMIT_PER_MINUTE: '1000',
      CUE_DATA_DIR: '.data/bench',
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (code ${child.exitCode}); see .data/bench-server.log`);
    if ((await isUp(`${APP}/`)) && (await isUp(`${CONTROLS}/sessions`))) return stop;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await stop();
  throw new Error('The app did not come up within 10 minutes; see .data/bench-server.log');
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${CONTROLS}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

// ---- scenarios ---------------------------------------------------------------------------

type TrialResult = { sends: SendRecord[]; marks: MarkRecord[]; longtasks: number[]; loadLongtasks: number[] };

async function waitStatus(page: Page, status: string, timeout = 20_000): Promise<void> {
  await page.waitForSelector(`[data-testid="status"][data-status="${status}"]`, { timeout });
}

async function hintTrials(context: BrowserContext, trials: number): Promise<TrialResult> {
  const page = await context.newPage();
  await page.goto(`${APP}/live?bench=1`);
  await page.getByTestId('connect-button').click();
  await waitStatus(page, 'listening');
  const sessions = (await control('/sessions')) as { id: string; open: boolean }[];
  const session = sessions.filter((s) => s.open).at(-1)?.id;
  if (!session) throw new Error('No open engine session after connecting');
  // Long tasks so far belong to loading the page (bundle, hydration), reported apart.
  const loadLongtasks = await page.evaluate(() => {
    const rec = (window as unknown as { __wsBench: BenchRecorder }).__wsBench;
    return rec.longtasks.splice(0).map((t) => t.duration);
  });
  for (let i = 0; i < trials + WARMUP; i++) {
    const before = await page.evaluate(() => (window as unknown as { __wsBench: BenchRecorder }).__wsBench.sends.length);
    await control(`/sessions/${session}/utterance`, { text: `Topic ${i} is still open, good question` });
    await page.waitForFunction((b) => (window as unknown as { __wsBench: BenchRecorder }).__wsBench.sends.length > b, before);
    await waitStatus(page, 'speaking');
    const mode = i % 3;
    if (mode === 0) await control(`/sessions/${session}/utterance`, { text: 'okay got it' });
    else if (mode === 1) await page.getByTestId('interrupt-button').click();
    else await page.keyboard.press('Escape');
    await waitStatus(page, 'listening');
    if ((i + 1) % 10 === 0) process.stdout.write(`  ${i + 1}/${trials + WARMUP} hint trials\n`);
  }
  const result: TrialResult = await page.evaluate(() => {
    const w = window as unknown as { __wsBench: BenchRecorder; __cueBench: { marks: MarkRecord[] } };
    return { sends: w.__wsBench.sends, marks: w.__cueBench.marks, longtasks: w.__wsBench.longtasks.map((t) => t.duration), loadLongtasks: [] as number[] };
  });
  result.loadLongtasks = loadLongtasks;
  await page.getByTestId('disconnect-button').click();
  await page.close();
  return result;
}

async function deltaRun(context: BrowserContext, items: number, deltas = 1000): Promise<DeltaRunResult> {
  const page = await context.newPage();
  await page.goto(`${APP}/live?bench=1`);
  await page.waitForFunction(() => Boolean((window as unknown as { __cueBench?: { targets: { live?: unknown } } }).__cueBench?.targets.live));
  const result = await page.evaluate(runDeltaScenario, { items, deltas, perItem: 20 });
  await page.close();
  return result;
}

function merge(runs: DeltaRunResult[]): DeltaRunResult {
  return {
    deltaCosts: runs.flatMap((r) => r.deltaCosts),
    historyCosts: runs.flatMap((r) => r.historyCosts),
    longtasks: runs.flatMap((r) => r.longtasks),
    rendered: Math.max(...runs.map((r) => r.rendered)),
  };
}

/** A warm-up run (JIT), then 25 and 2,500 items twice each, interleaved, so neither size gets the warm engine alone. */
async function deltaRuns(context: BrowserContext): Promise<{ small: DeltaRunResult; large: DeltaRunResult }> {
  await deltaRun(context, 25, 300);
  const small: DeltaRunResult[] = [];
  const large: DeltaRunResult[] = [];
  for (let round = 0; round < 2; round++) {
    small.push(await deltaRun(context, 25));
    large.push(await deltaRun(context, 2500));
  }
  return { small: merge(small), large: merge(large) };
}

// ---- report ------------------------------------------------------------------------------

const isTranscription = (c: { data: string } | null | undefined) => Boolean(c?.data.includes('input_audio_transcription'));

function report(trials: TrialResult, small: DeltaRunResult, large: DeltaRunResult, browser: string): void {
  const skip = WARMUP;
  const phraseSends = trials.sends.filter((s) => isTranscription(s.cause)).slice(skip);
  const trigger = summarize(phraseSends.map((s) => s.t - s.cause!.ts));
  const triggerHandler = summarize(phraseSends.map((s) => s.t - s.cause!.start));
  const silent = trials.marks.filter((m) => m.name === 'playback-silent').slice(skip);
  const byPhrase = silent.filter((m) => isTranscription(m.cause)).map((m) => m.t - m.cause!.ts);
  const byClick = silent.filter((m) => !m.cause && m.input?.type === 'click').map((m) => m.t - m.input!.ts);
  const byKey = silent.filter((m) => !m.cause && m.input?.type === 'keydown').map((m) => m.t - m.input!.ts);
  const interrupt = summarize([...byPhrase, ...byClick, ...byKey]);
  const s = summarize(small.deltaCosts);
  const l = summarize(large.deltaCosts);
  const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER TARGET');

  console.log(`\nCue benchmark — ${browser}, local engine (WebSocket), ${phraseSends.length} hint trials after ${skip} warm-up\n`);
  console.log('Trigger latency: transcription event in -> response.create out');
  console.log(row('  phrase trigger', trigger, `target p95 < 5 ms: ${verdict(trigger.p95 < 5)}`));
  console.log(row('    (from the SDK handler start)', triggerHandler));
  console.log('\nInterrupt latency: interrupt event in -> playback silent');
  console.log(row('  by phrase ("got it")', summarize(byPhrase)));
  console.log(row('  by Interrupt button', summarize(byClick)));
  console.log(row('  by Esc', summarize(byKey)));
  console.log(row('  all', interrupt, `target p95 < 30 ms: ${verdict(interrupt.p95 < 30)}`));
  console.log('\nTranscript: cost of one streamed delta (store update + synchronous render), 2 runs of 1,000 deltas per size');
  console.log(row('  with 25 items shown', s));
  console.log(row('  with 2,500 items shown', l));
  const ratioMean = l.mean / s.mean;
  const ratioP50 = l.p50 / s.p50;
  console.log(`  ratio 2,500 / 25: mean ${ratioMean.toFixed(2)}x, p50 ${ratioP50.toFixed(2)}x   target < 1.5x: ${verdict(ratioMean < 1.5)}`);
  console.log(`  rows mounted: ${small.rendered} (25 items), ${large.rendered} (2,500 items)`);
  console.log(row('  history update per new item, 25 items', summarize(small.historyCosts)));
  console.log(row('  history update per new item, 2,500 items', summarize(large.historyCosts)));
  const longText = (tasks: number[]) => (tasks.length ? `${tasks.length} over 50 ms, longest ${fmt(Math.max(...tasks))}` : 'none over 50 ms');
  const deltaTasks = [...small.longtasks, ...large.longtasks];
  console.log(`\nMain-thread long tasks (Long Tasks API, reports tasks over 50 ms)   target: none over 50 ms: ${verdict(deltaTasks.length === 0 && trials.longtasks.length === 0)}`);
  console.log(`  during the delta runs: ${longText(deltaTasks)}; longest single delta: ${fmt(Math.max(l.max, s.max))}`);
  console.log(`  during the hint trials: ${longText(trials.longtasks)}`);
  console.log(`  loading the page (bundle + hydration, before connecting; not part of a meeting): ${longText(trials.loadLongtasks)}`);
  console.log('Timer resolution in the page: 0.1 ms (performance.now() is coarsened without cross-origin isolation).\n');
}

async function main(): Promise<number> {
  if (!process.env.CUE_BENCH_LOCKED) return relaunchUnderLock();
  const stop = await ensureApp();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${silentWavPath()}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const context = await browser.newContext({ permissions: ['microphone'], viewport: { width: 1280, height: 900 } });
    // tsx keeps function names with a helper the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
    await context.addInitScript(installBenchProbes);
    const settings = { ...cloneDefaultSettings(), cooldownSeconds: 0, perCallCap: 0 };
    await context.addInitScript((value) => localStorage.setItem('cue.settings.v1', value), JSON.stringify({ state: { settings }, version: 1 }));
    console.log(`Hint trials (${TRIALS + WARMUP}) …`);
    const trials = await hintTrials(context, TRIALS);
    console.log('Transcript delta runs …');
    const { small, large } = await deltaRuns(context);
    report(trials, small, large, `Chromium ${browser.version()}`);
    return 0;
  } finally {
    await browser.close();
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
