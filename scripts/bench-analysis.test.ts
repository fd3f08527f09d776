import { describe, expect, it } from 'vitest';
import type { MarkRecord } from '../e2e/support/bench-page';
import { attribution, interruptSamples, latencies, splitByWindows } from './bench-analysis';
import { WINDOW_END, WINDOW_START, windowTasks } from './bench-trace';

const key = (ts: number) => ({ type: 'keydown', ts });
const phrase = (ts: number) => ({ ts, start: ts + 1, data: '{"type":"conversation.item.input_audio_transcription.delta","delta":"got it"}' });
const out = (name: 'output-audible' | 'output-silent', t: number): MarkRecord => ({ name, t });

describe('interruptSamples', () => {
  it('times an interrupt from its input to the output going silent, not to the handler returning', () => {
    const marks: MarkRecord[] = [out('output-audible', 100), { name: 'playback-silent', t: 502, input: key(500), cause: null }, out('output-silent', 521)];
    const samples = interruptSamples(marks, [{ start: 0, end: 1000 }]);
    expect(samples).toEqual([{ via: 'keydown', origin: 500, handled: 502, silent: 521, alreadySilent: false }]);
    expect(latencies(samples)).toEqual([21]);
  });

  it('if the sound comes back after the interrupt, the later silence counts', () => {
    const marks: MarkRecord[] = [
      out('output-audible', 100),
      { name: 'playback-silent', t: 505, cause: phrase(500) },
      out('output-silent', 510),
      out('output-audible', 560),
      out('output-silent', 900),
    ];
    expect(latencies(interruptSamples(marks, [{ start: 0, end: 1000 }]), 'phrase')).toEqual([400]);
  });

  it('a sound that never stops in its window is Infinity; one already silent is left out', () => {
    const never: MarkRecord[] = [out('output-audible', 100), { name: 'playback-silent', t: 505, input: key(500), cause: null }];
    expect(latencies(interruptSamples(never, [{ start: 0, end: 1000 }]))).toEqual([Number.POSITIVE_INFINITY]);
    const quiet: MarkRecord[] = [out('output-audible', 100), out('output-silent', 400), { name: 'playback-silent', t: 505, input: key(500), cause: null }];
    const samples = interruptSamples(quiet, [{ start: 0, end: 1000 }]);
    expect(samples[0]?.alreadySilent).toBe(true);
    expect(latencies(samples)).toEqual([]);
  });

  it('ignores interrupts outside the measured windows (warm-up)', () => {
    const marks: MarkRecord[] = [out('output-audible', 100), { name: 'playback-silent', t: 505, input: key(500), cause: null }, out('output-silent', 520)];
    expect(interruptSamples(marks, [{ start: 600, end: 1000 }])).toEqual([]);
  });
});

describe('long tasks', () => {
  it('are split by whether they overlap a measured window', () => {
    const tasks = [
      { start: 10, duration: 60 },
      { start: 95, duration: 60 },
      { start: 300, duration: 70 },
    ];
    expect(splitByWindows(tasks, [{ start: 100, end: 200 }])).toEqual({ inside: [tasks[1]], outside: [tasks[0], tasks[2]] });
  });

  it('are attributed to the scripts that ran in them, heaviest first', () => {
    const frames = [
      { start: 0, duration: 80, blocking: 30, scripts: [{ what: 'event-listener onmessage sdk.js', duration: 60 }] },
      { start: 200, duration: 70, blocking: 20, scripts: [{ what: 'event-listener onmessage sdk.js', duration: 30 }] },
      { start: 400, duration: 90, blocking: 40, scripts: [] },
    ];
    expect(attribution(frames)).toEqual([
      { what: 'event-listener onmessage sdk.js', ms: 90, count: 2 },
      { what: '(no script: style, layout, paint or GC)', ms: 90, count: 1 },
    ]);
  });
});

describe('trace tasks', () => {
  it('counts renderer main-thread tasks in the marked windows, with wall and CPU time', () => {
    const main = { pid: 1, tid: 2 };
    const trace = {
      traceEvents: [
        { ph: 'M', name: 'thread_name', ...main, args: { name: 'CrRendererMain' } },
        { ph: 'M', name: 'thread_name', pid: 1, tid: 3, args: { name: 'Compositor' } },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', ...main, ts: 500, dur: 90_000, tdur: 80_000 },
        { ph: 'R', name: WINDOW_START, ...main, ts: 1_000_000 },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', ...main, ts: 1_100_000, dur: 200_000, tdur: 2_000 },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', ...main, ts: 1_400_000, dur: 60_000, tdur: 55_000 },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', ...main, ts: 1_500_000, dur: 10_000, tdur: 10_000 },
        { ph: 'X', name: 'ThreadControllerImpl::RunTask', pid: 1, tid: 3, ts: 1_500_000, dur: 90_000, tdur: 90_000 },
        { ph: 'R', name: WINDOW_END, ...main, ts: 2_000_000 },
      ],
    };
    expect(windowTasks(trace)).toEqual({ tasks: [{ wallMs: 200, cpuMs: 2 }, { wallMs: 60, cpuMs: 55 }], windows: 1 });
  });
});
