/** The figures `npm run bench` prints. */
import type { DeltaRunResult, LongFrame, MarkRecord, SendRecord } from '../e2e/support/bench-page';
import { attribution, interruptSamples, latencies, splitByWindows, type Window } from './bench-analysis';
import { fmt, row, summarize } from './bench-stats';

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

export function reportBench({ trials, small, large, warmup, browser, load }: BenchReportInput): void {
  const measured = trials.windows.slice(warmup);
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
  const ok = inside.length === 0 && deltaTasks.length === 0;
  console.log(`\nMain-thread long tasks during the measured interactions (Long Tasks API: tasks over 50 ms)   target none: ${verdict(ok)}`);
  console.log(`  during the hint trials: ${longText(inside.map((t) => t.duration))}`);
  if (frames.length) printAttribution(frames);
  console.log(`  during the delta runs: ${longText(deltaTasks)}; longest single delta: ${fmt(Math.max(l.max, s.max))}`);
  if (small.frames.length + large.frames.length) printAttribution([...small.frames, ...large.frames]);
  console.log(`  not measured (page load, warm-up, between trials): ${longText(outside.map((t) => t.duration))}`);
  console.log('Timer resolution in the page: 0.1 ms (performance.now() is coarsened without cross-origin isolation).\n');
}
