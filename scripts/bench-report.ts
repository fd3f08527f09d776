/** The figures `npm run bench` prints. */
import type { DeltaRunResult, LongFrame, MarkRecord, SendRecord } from '../e2e/support/bench-page';
import { attribution, interruptSamples, latencies, splitByWindows, type Window } from './bench-analysis';
import { fmt, row, summarize } from './bench-stats';
import type { TraceTask } from './bench-trace';

export type TrialResult = {
  sends: SendRecord[];
  marks: MarkRecord[];
  longtasks: { start: number; duration: number }[];
  frames: LongFrame[];
  windows: Window[];
  tap: unknown;
};

export type BenchReportInput = {
  trials: TrialResult;
  small: DeltaRunResult;
  large: DeltaRunResult;
  warmup: number;
  /** Renderer main-thread tasks over 50 ms (wall) in the measured windows, from the Chromium trace. */
  traced: { trials: { tasks: TraceTask[]; windows: number }; deltas: { tasks: TraceTask[]; windows: number } };
  browser: string;
  load: { before: number; after: number; cores: number };
};

const verdict = (ok: boolean) => (ok ? 'OK' : 'OVER TARGET');
const isTranscription = (c: { data: string } | null | undefined) => Boolean(c?.data.includes('input_audio_transcription'));

function longText(tasks: readonly number[]): string {
  return tasks.length ? `${tasks.length} over 50 ms, longest ${fmt(Math.max(...tasks))}` : 'none over 50 ms';
}

function printAttribution(frames: readonly LongFrame[]): void {
  for (const a of attribution(frames)) console.log(`      ${fmt(a.ms).padStart(10)} in ${String(a.count).padStart(3)} frame(s): ${a.what}`);
}

function traceText({ tasks, windows }: { tasks: TraceTask[]; windows: number }): string {
  const cpuLong = tasks.filter((t) => t.cpuMs > 50);
  const wall = tasks.map((t) => `${Math.round(t.wallMs)}/${Math.round(t.cpuMs)}`).slice(0, 12).join(', ');
  return `${cpuLong.length} over 50 ms of CPU in ${windows} window(s)${cpuLong.length ? `, longest ${fmt(Math.max(...cpuLong.map((t) => t.cpuMs)))}` : ''}; over 50 ms of wall time: ${tasks.length}${tasks.length ? ` (wall/CPU ms: ${wall}${tasks.length > 12 ? ', …' : ''})` : ''}`;
}

export function reportBench({ trials, small, large, warmup, traced, browser, load }: BenchReportInput): void {
  // Warm-up trials open no window: every window is a measured trial.
  const measured = trials.windows;
  const phraseSends = trials.sends.filter((s) => isTranscription(s.cause) && measured.some((w) => s.t >= w.start && s.t <= w.end));
  const trigger = summarize(phraseSends.map((s) => s.t - s.cause!.ts));
  const triggerHandler = summarize(phraseSends.map((s) => s.t - s.cause!.start));
  const samples = interruptSamples(trials.marks, measured);
  const all = summarize(latencies(samples));
  const skipped = samples.filter((s) => s.alreadySilent).length;
  const never = samples.filter((s) => !s.alreadySilent && s.silent === null).length;

  console.log(`\nCue benchmark — ${browser}, local engine (WebSocket), ${measured.length} hint trials after ${warmup} warm-up`);
  console.log(`Machine: ${load.cores} cores, load average ${load.before.toFixed(1)} before / ${load.after.toFixed(1)} after (other processes share the CPU).\n`);
  console.log('Trigger latency: transcription event in -> response.create out');
  console.log(row('  phrase trigger', trigger, `target p95 < 5 ms: ${verdict(trigger.p95 < 5)}`));
  console.log(row('    (from the SDK handler start)', triggerHandler));
  console.log('\nInterrupt latency: interrupt event in -> output silent (worklet tap on the player output, at the device clock)');
  console.log(row('  by phrase ("got it")', summarize(latencies(samples, 'phrase'))));
  console.log(row('  by Interrupt button', summarize(latencies(samples, 'click'))));
  console.log(row('  by Esc', summarize(latencies(samples, 'keydown'))));
  console.log(row('  all', all, `target p95 < 30 ms: ${verdict(all.p95 < 30)}`));
  console.log(row('  of which in the page (event in -> player flushed)', summarize(samples.filter((s) => !s.alreadySilent).map((s) => s.handled - s.origin))));
  console.log(`  output tap: ${JSON.stringify(trials.tap)}; ${skipped} trial(s) already silent at the interrupt (not counted), ${never} never went silent`);

  console.log('\nTranscript: cost of one streamed delta (store update + synchronous render), 2 runs of 1,000 deltas per size');
  const s = summarize(small.deltaCosts);
  const l = summarize(large.deltaCosts);
  console.log(row('  with 25 items shown', s));
  console.log(row('  with 2,500 items shown', l));
  console.log(`  ratio 2,500 / 25: mean ${(l.mean / s.mean).toFixed(2)}x, p50 ${(l.p50 / s.p50).toFixed(2)}x   target < 1.5x: ${verdict(l.mean / s.mean < 1.5)}`);
  console.log(`  rows mounted: ${small.rendered} (25 items), ${large.rendered} (2,500 items)`);
  console.log(row('  history update per new item, 25 items', summarize(small.historyCosts)));
  console.log(row('  history update per new item, 2,500 items', summarize(large.historyCosts)));

  const { inside, outside } = splitByWindows(trials.longtasks, measured);
  const frames = splitByWindows(trials.frames.filter((f) => f.duration > 50), measured).inside;
  const deltaTasks = [...small.longtasks, ...large.longtasks];
  const ours = [...traced.trials.tasks, ...traced.deltas.tasks].filter((t) => t.cpuMs > 50);
  console.log('\nMain-thread long tasks during the measured interactions (not page load or warm-up)');
  console.log(`  page's own work (Chromium trace, CPU time of each task)   target none over 50 ms: ${verdict(ours.length === 0)}`);
  console.log(`    hint trials: ${traceText(traced.trials)}`);
  console.log(`    delta runs:  ${traceText(traced.deltas)}`);
  console.log('  as felt (Long Tasks API, wall time: includes time the machine gave to other processes)');
  console.log(`    hint trials: ${longText(inside.map((t) => t.duration))}`);
  if (frames.length) printAttribution(frames);
  console.log(`    delta runs: ${longText(deltaTasks)}; longest single delta: ${fmt(Math.max(l.max, s.max))}`);
  if (small.frames.length + large.frames.length) printAttribution([...small.frames, ...large.frames]);
  console.log(`    not measured (page load, warm-up, between trials): ${longText(outside.map((t) => t.duration))}`);
  console.log('Timer resolution in the page: 0.1 ms (performance.now() is coarsened without cross-origin isolation).\n');
}
