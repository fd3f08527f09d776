/**
 * Main-thread tasks from a Chromium trace ('toplevel' + 'blink.user_timing'): each task's wall
 * time AND its thread (CPU) time. On a shared machine a task can take 200 ms of wall time
 * while the renderer ran 2 ms of it (descheduled by other processes): the Long Tasks API
 * counts that as long; only its CPU time says whether the page's own work was long.
 * Measured windows are user-timing marks `cue-bench-window-start` / `-end` in the page.
 */
export const TRACE_CATEGORIES = ['toplevel', 'blink.user_timing'];
export const WINDOW_START = 'cue-bench-window-start';
export const WINDOW_END = 'cue-bench-window-end';

type TraceEvent = { name?: string; ph?: string; pid?: number; tid?: number; ts?: number; dur?: number; tdur?: number; args?: { name?: string } };
export type TraceTask = { wallMs: number; cpuMs: number };

function eventsOf(trace: unknown): TraceEvent[] {
  if (Array.isArray(trace)) return trace as TraceEvent[];
  const events = (trace as { traceEvents?: unknown } | null)?.traceEvents;
  return Array.isArray(events) ? (events as TraceEvent[]) : [];
}

/** Tasks on renderer main threads that overlap a measured window, over `minMs` of wall time. */
export function windowTasks(trace: unknown, minMs = 50): { tasks: TraceTask[]; windows: number } {
  const events = eventsOf(trace);
  const mains = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const marks = events.filter((e) => (e.name === WINDOW_START || e.name === WINDOW_END) && typeof e.ts === 'number').sort((a, b) => a.ts! - b.ts!);
  const windows: { start: number; end: number }[] = [];
  for (const m of marks) {
    if (m.name === WINDOW_START) windows.push({ start: m.ts!, end: Number.POSITIVE_INFINITY });
    else if (windows.at(-1)?.end === Number.POSITIVE_INFINITY) windows.at(-1)!.end = m.ts!;
  }
  const tasks: TraceTask[] = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const start = e.ts ?? 0;
    const dur = e.dur ?? 0;
    if (dur <= minMs * 1000) continue;
    if (!windows.some((w) => start < w.end && start + dur > w.start)) continue;
    tasks.push({ wallMs: dur / 1000, cpuMs: (e.tdur ?? dur) / 1000 });
  }
  return { tasks, windows: windows.length };
}
