/**
 * In-page instrumentation for `npm run bench`. It exists only when the page was opened with
 * `?bench=1`: then `window.__cueBench` holds timestamped marks and the objects the benchmark
 * drives. In normal use every call below is one null check.
 */
type BenchMarkEntry = { name: string; t: number };
type BenchHook = { marks: BenchMarkEntry[]; targets: Record<string, unknown> };

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

/** Below this RMS (about -60 dBFS) a render quantum counts as silent; the engine's voice never dips that low mid-word. */
const SILENCE_RMS = 0.001;

/**
 * An AudioWorklet that watches a node's output one render quantum (128 frames) at a time and
 * reports each change between audible and silent, with the frame it happened at.
 */
const TAP_WORKLET = `
class CueSilenceTap extends AudioWorkletProcessor {
  constructor(options) { super(); this.threshold = options.processorOptions.threshold; this.audible = false; }
  process(inputs) {
    const ch = inputs[0] && inputs[0][0];
    let sum = 0;
    const n = ch ? ch.length : 0;
    for (let i = 0; i < n; i++) sum += ch[i] * ch[i];
    const audible = n > 0 && Math.sqrt(sum / n) >= this.threshold;
    if (audible !== this.audible) { this.audible = audible; this.port.postMessage({ audible, frame: currentFrame }); }
    return true;
  }
}
registerProcessor('cue-silence-tap', CueSilenceTap);
`;

/** Context time (s) -> performance.now() (ms) at which that sample leaves the output device. */
function outputPerfTime(ctx: AudioContext, contextSeconds: number): number {
  const ts = ctx.getOutputTimestamp?.();
  if (ts && typeof ts.performanceTime === 'number' && typeof ts.contextTime === 'number' && ts.performanceTime > 0) {
    return ts.performanceTime + (contextSeconds - ts.contextTime) * 1000;
  }
  return performance.now() + (contextSeconds - ctx.currentTime + (ctx.outputLatency || ctx.baseLatency || 0)) * 1000;
}

/**
 * Bench mode only: tap `node` (what the player sends to the speakers) and mark `output-audible`
 * / `output-silent` at the time the change reaches the output device, so an interrupt is timed
 * until the sound actually stops, not until a function returns.
 */
export function tapPlaybackOutput(ctx: AudioContext, node: AudioNode): void {
  const h = current();
  if (!h || typeof AudioWorkletNode === 'undefined' || !ctx.audioWorklet) return;
  const url = URL.createObjectURL(new Blob([TAP_WORKLET], { type: 'text/javascript' }));
  void ctx.audioWorklet
    .addModule(url)
    .then(() => {
      const tap = new AudioWorkletNode(ctx, 'cue-silence-tap', { numberOfOutputs: 1, processorOptions: { threshold: SILENCE_RMS } });
      tap.port.onmessage = (e: MessageEvent<{ audible: boolean; frame: number }>) => {
        h.marks.push({ name: e.data.audible ? 'output-audible' : 'output-silent', t: outputPerfTime(ctx, e.data.frame / ctx.sampleRate) });
      };
      node.connect(tap);
      // The tap writes nothing; connecting it keeps the graph pulling it.
      tap.connect(ctx.destination);
      h.targets.outputTap = { ready: true, sampleRate: ctx.sampleRate, baseLatency: ctx.baseLatency, outputLatency: ctx.outputLatency };
    })
    .catch((error: unknown) => {
      h.targets.outputTap = { ready: false, error: String(error) };
    })
    .finally(() => URL.revokeObjectURL(url));
}

