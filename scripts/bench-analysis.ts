/**
 * Pure analysis of what `npm run bench` recorded in the page (unit-tested, no browser).
 * Times are the page's performance.now() ms.
 */
import type { Cause, LongFrame, MarkRecord } from '../e2e/support/bench-page';

export type Window = { start: number; end: number };
export type InterruptVia = 'phrase' | 'click' | 'keydown';
export type InterruptSample = {
  via: InterruptVia;
  /** The input (key, click) or the interrupt phrase's transcription event arriving in the page. */
  origin: number;
  /** The app's handler silenced the player (a function returned). */
  handled: number;
  /** The output tap saw the sound stop for good, at the output device's clock. Null: it never stopped in the window. */
  silent: number | null;
  /** The output was already silent when the interrupt came (nothing to measure). */
  alreadySilent: boolean;
};

const isTranscription = (c: Cause | null | undefined) => Boolean(c?.data.includes('input_audio_transcription'));

function viaOf(m: MarkRecord): { via: InterruptVia; origin: number } | null {
  if (isTranscription(m.cause)) return { via: 'phrase', origin: m.cause!.ts };
  if (!m.cause && m.input?.type === 'click') return { via: 'click', origin: m.input.ts };
  if (!m.cause && m.input?.type === 'keydown') return { via: 'keydown', origin: m.input.ts };
  return null;
}

/**
 * One sample per interrupt (`playback-silent` mark) inside a window: from its origin to the
 * last `output-silent` transition in the rest of that window (if the sound came back, the
 * interrupt had not stopped it, and the later silence is what counts).
 */
export function interruptSamples(marks: readonly MarkRecord[], windows: readonly Window[]): InterruptSample[] {
  const output = marks.filter((m) => m.name === 'output-audible' || m.name === 'output-silent').sort((a, b) => a.t - b.t);
  const samples: InterruptSample[] = [];
  for (const m of marks) {
    if (m.name !== 'playback-silent') continue;
    const origin = viaOf(m);
    const window = windows.find((w) => m.t >= w.start && m.t <= w.end);
    if (!origin || !window) continue;
    const before = output.filter((o) => o.t <= origin.origin).at(-1);
    const after = output.filter((o) => o.t > origin.origin && o.t <= window.end);
    const audibleAtOrigin = before?.name === 'output-audible';
    const lastSilent = after.filter((o) => o.name === 'output-silent').at(-1);
    const endsSilent = after.length === 0 ? !audibleAtOrigin : after.at(-1)?.name === 'output-silent';
    samples.push({
      via: origin.via,
      origin: origin.origin,
      handled: m.t,
      silent: endsSilent ? (lastSilent?.t ?? null) : null,
      alreadySilent: !audibleAtOrigin && after.every((o) => o.name !== 'output-audible'),
    });
  }
  return samples;
}

/** Latencies (ms) of the samples that had sound to stop; a never-silenced one counts as Infinity. */
export function latencies(samples: readonly InterruptSample[], via?: InterruptVia): number[] {
  return samples
    .filter((s) => !s.alreadySilent && (via === undefined || s.via === via))
    .map((s) => (s.silent === null ? Number.POSITIVE_INFINITY : Math.max(0, s.silent - s.origin)));
}

function overlaps(start: number, duration: number, windows: readonly Window[]): boolean {
  return windows.some((w) => start < w.end && start + duration > w.start);
}

/** Long tasks split into those during the measured windows and the rest. */
export function splitByWindows<T extends { start: number; duration: number }>(tasks: readonly T[], windows: readonly Window[]): { inside: T[]; outside: T[] } {
  const inside: T[] = [];
  const outside: T[] = [];
  for (const t of tasks) (overlaps(t.start, t.duration, windows) ? inside : outside).push(t);
  return { inside, outside };
}

/** What ran in the long frames, heaviest first: "<invoker> <function> <file>" with total ms and count. */
export function attribution(frames: readonly LongFrame[], top = 5): { what: string; ms: number; count: number }[] {
  const byWhat = new Map<string, { ms: number; count: number }>();
  for (const f of frames) {
    const scripts = f.scripts.length ? f.scripts : [{ what: '(no script: style, layout, paint or GC)', duration: f.duration }];
    for (const s of scripts) {
      const entry = byWhat.get(s.what) ?? { ms: 0, count: 0 };
      entry.ms += s.duration;
      entry.count += 1;
      byWhat.set(s.what, entry);
    }
  }
  return [...byWhat.entries()]
    .map(([what, v]) => ({ what, ...v }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
