/**
 * `npm run bench`: the live hint assistant's speed, measured in Chromium against the local
 * engine over WebSocket, printed as figures (not a pass/fail test):
 *  - trigger latency: the transcription event that completes a trigger phrase arriving in
 *    the page -> the `response.create` leaving it;
 *  - interrupt latency: the interrupt phrase's transcription event, the Interrupt click or
 *    the Esc key -> the player's output actually silent (an AudioWorklet tap on its output,
 *    RMS under -60 dBFS, at the output device's clock), and apart from it the handler time;
 *  - transcript: per-delta cost (store + render) with 25 vs 2,500 items shown, the ratio;
 *  - main-thread long tasks during the measured interactions (not page load or warm-up): by
 *    CPU time from a Chromium trace (the page's own work), by wall time from the Long Tasks
 *    API (what the user felt, including time the machine gave to other processes), with the
 *    scripts that ran in them (Long Animation Frames).
 * It always starts its own app and engine on free ports (scripts/bench-server.ts) and refuses
 * to measure anything else. `--no-build` starts the existing build; `--trials=N` sets the
 * number of hint trials (default 45).
 */
import { loadavg, cpus } from 'node:os';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { beginWindow, endWindow, installBenchProbes, runDeltaScenario, type BenchRecorder, type DeltaRunResult, type LongFrame, type MarkRecord } from '../e2e/support/bench-page';
import { silentWavPath } from '../e2e/support/fake-audio';
import { cloneDefaultSettings } from '../lib/live/settings/schema';
import { assertOwnEngineSession, startBenchServer, type BenchServer } from './bench-server';
import { reportBench, type TrialResult } from './bench-report';
import { TRACE_CATEGORIES, windowTasks } from './bench-trace';

const args = process.argv.slice(2);
const TRIALS = Number(args.find((a) => a.startsWith('--trials='))?.split('=')[1] ?? 45);
const WARMUP = 3;
/** After the sound stops, watch this long that it stays stopped before the next trial. */
const SETTLE_MS = 300;

type W = { __wsBench: BenchRecorder; __cueBench: { marks: MarkRecord[]; targets: Record<string, unknown> } };

async function control(server: BenchServer, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${server.controls}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function waitStatus(page: Page, status: string, timeout = 20_000): Promise<void> {
  await page.waitForSelector(`[data-testid="status"][data-status="${status}"]`, { timeout });
}

/** Wait for an output mark of `name` later than `after` (page ms). */
async function waitOutput(page: Page, name: 'output-audible' | 'output-silent', after: number): Promise<void> {
  await page.waitForFunction(
    ({ name, after }) => (window as unknown as W).__cueBench.marks.some((m) => m.name === name && m.t > after),
    { name, after },
    { timeout: 20_000 },
  );
}

async function hintTrials(context: BrowserContext, server: BenchServer, trials: number): Promise<TrialResult> {
  const page = await context.newPage();
  await page.goto(`${server.app}/live?bench=1`);
  await page.getByTestId('connect-button').click();
  await waitStatus(page, 'listening');
  const session = await assertOwnEngineSession(server);
  const tap = await page.waitForFunction(() => (window as unknown as W).__cueBench.targets.outputTap, undefined, { timeout: 10_000 }).then((h) => h.jsonValue());
  if (!(tap as { ready?: boolean }).ready) throw new Error(`The output tap could not start (${JSON.stringify(tap)}): cannot time the sound stopping.`);
  for (let i = 0; i < trials + WARMUP; i++) {
    // Warm-up trials (JIT, first audio) are not measured windows.
    const start = i < WARMUP ? await page.evaluate(() => performance.now()) : await page.evaluate(beginWindow);
    const sends = await page.evaluate(() => (window as unknown as W).__wsBench.sends.length);
    await control(server, `/sessions/${session}/utterance`, { text: `Topic ${i} is still open, good question` });
    await page.waitForFunction((b) => (window as unknown as W).__wsBench.sends.length > b, sends);
    await waitStatus(page, 'speaking');
    await waitOutput(page, 'output-audible', start);
    const before = await page.evaluate(() => performance.now());
    const mode = i % 3;
    if (mode === 0) await control(server, `/sessions/${session}/utterance`, { text: 'okay got it' });
    else if (mode === 1) await page.getByTestId('interrupt-button').click();
    else await page.keyboard.press('Escape');
    await waitStatus(page, 'listening');
    await waitOutput(page, 'output-silent', before);
    await page.waitForTimeout(SETTLE_MS);
    if (i >= WARMUP) await page.evaluate(endWindow);
    if ((i + 1) % 10 === 0) process.stdout.write(`  ${i + 1}/${trials + WARMUP} hint trials\n`);
  }
  const result: TrialResult = await page.evaluate(() => {
    const w = window as unknown as W;
    return { sends: w.__wsBench.sends, marks: w.__cueBench.marks, longtasks: w.__wsBench.longtasks, frames: w.__wsBench.frames, windows: w.__wsBench.windows, tap: w.__cueBench.targets.outputTap };
  });
  await page.getByTestId('disconnect-button').click();
  await page.close();
  return result;
}

async function deltaRun(context: BrowserContext, server: BenchServer, items: number, deltas = 1000): Promise<DeltaRunResult> {
  const page = await context.newPage();
  await page.goto(`${server.app}/live?bench=1`);
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
    frames: runs.flatMap((r): LongFrame[] => r.frames),
    rendered: Math.max(...runs.map((r) => r.rendered)),
  };
}

/** A warm-up run (JIT), then 25 and 2,500 items twice each, interleaved, so neither size gets the warm engine alone. */
async function deltaRuns(context: BrowserContext, server: BenchServer): Promise<{ small: DeltaRunResult; large: DeltaRunResult }> {
  await deltaRun(context, server, 25, 300);
  const small: DeltaRunResult[] = [];
  const large: DeltaRunResult[] = [];
  for (let round = 0; round < 2; round++) {
    small.push(await deltaRun(context, server, 25));
    large.push(await deltaRun(context, server, 2500));
  }
  return { small: merge(small), large: merge(large) };
}

async function main(): Promise<number> {
  const server = await startBenchServer({ build: !args.includes('--no-build') });
  const loadBefore = loadavg()[0] ?? 0;
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
    const settings = { ...cloneDefaultSettings(), cooldownSeconds: 0, perCallCap: 0, transport: 'websocket' as const };
    await context.addInitScript((value) => localStorage.setItem('cue.settings.v1', value), JSON.stringify({ state: { settings }, version: 1 }));
    // A fresh data dir: create the owner account (first-run setup), so the pages measured are the app, not the sign-in.
    const setup = await context.newPage();
    await setup.goto(`${server.app}/setup`);
    await setup.getByTestId('field-name').fill('Bench Owner');
    await setup.getByTestId('field-email').fill('bench@bench.cue');
    await setup.getByTestId('field-password').fill('bench-owner-password');
    await setup.getByTestId('setup-submit').click();
    await setup.getByTestId('nav-account').waitFor({ timeout: 60_000 });
    await setup.close();
    console.log(`Hint trials (${TRIALS + WARMUP}) …`);
    await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
    const trials = await hintTrials(context, server, TRIALS);
    const trialTrace = windowTasks(JSON.parse((await browser.stopTracing()).toString('utf8')));
    console.log('Transcript delta runs …');
    await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
    const { small, large } = await deltaRuns(context, server);
    const deltaTrace = windowTasks(JSON.parse((await browser.stopTracing()).toString('utf8')));
    reportBench({
      trials,
      small,
      large,
      warmup: WARMUP,
      traced: { trials: trialTrace, deltas: deltaTrace },
      browser: `Chromium ${browser.version()}`,
      load: { before: loadBefore, after: loadavg()[0] ?? 0, cores: cpus().length },
    });
    return 0;
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
