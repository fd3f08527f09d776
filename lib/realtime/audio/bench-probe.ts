/**
 * In-page instrumentation for `npm run bench`. It exists only when the page was opened with
 * `?bench=1`: then `window.__cueBench` holds timestamped marks and the objects the benchmark
 * drives. In normal use every call below is one null check.
 */
export type BenchMarkEntry = { name: string; t: number };
export type BenchHook = { marks: BenchMarkEntry[]; targets: Record<string, unknown> };

type BenchWindow = { __cueBench?: BenchHook };

let hook: BenchHook | null | undefined;

function resolveHook(): BenchHook | null {
  if (typeof window === 'undefined') return null;
  try {
    if (new URLSearchParams(window.location.search).get('bench') !== '1') return null;
  } catch {
    return null;
  }
  const w = window as unknown as BenchWindow;
  w.__cueBench ??= { marks: [], targets: {} };
  return w.__cueBench;
}

function current(): BenchHook | null {
  if (hook === undefined) hook = resolveHook();
  return hook;
}

/** Record `performance.now()` under `name` (bench mode only). */
export function benchMark(name: string): void {
  const h = current();
  if (h) h.marks.push({ name, t: performance.now() });
}

/** Expose an object to the benchmark (bench mode only). */
export function registerBenchTarget(name: string, target: unknown): void {
  const h = current();
  if (h) h.targets[name] = target;
}

/** For tests: forget the cached decision. */
export function resetBenchProbe(): void {
  hook = undefined;
}
