/**
 * In-page instrumentation for `npm run bench` (scripts/bench.ts), installed with
 * `page.addInitScript(installBenchProbes)` before the app loads. It measures from outside
 * the app's code:
 *  - every WebSocket message: its event timeStamp (when it arrived in the page) is attached
 *    to whatever the SDK's handler sends while handling it (`response.create`), and to the
 *    app's `playback-silent` marks made during it (the interrupt handler ran);
 *  - every click / keydown: its timeStamp is attached to marks made while handling it;
 *  - long tasks (over 50 ms) and long animation frames (with the scripts that ran in them),
 *    and the measured windows (`beginWindow` / `endWindow`) they are judged in.
 * The app's own hook (`window.__cueBench`, lib/realtime/audio/bench-probe.ts) exists only on
 * `?bench=1`; this script pre-creates it so the marks carry their cause. The app adds
 * `output-audible` / `output-silent` marks from a tap on the player's output.
 */

export type Cause = { ts: number; start: number; data: string };
export type SendRecord = { t: number; head: string; cause: Cause | null; input: { type: string; ts: number } | null };
export type MarkRecord = { name: string; t: number; cause?: Cause | null; input?: { type: string; ts: number } | null };
export type LongFrame = { start: number; duration: number; blocking: number; scripts: { what: string; duration: number }[] };
export type BenchRecorder = {
  sends: SendRecord[];
  longtasks: { start: number; duration: number }[];
  /** Long animation frames (over 50 ms) with their scripts: what made a long task long. */
  frames: LongFrame[];
  windows: { start: number; end: number }[];
  current: Cause | null;
  input: { type: string; ts: number } | null;
};

export function installBenchProbes(): void {
  const rec: BenchRecorder = { sends: [], longtasks: [], frames: [], windows: [], current: null, input: null };
  (window as unknown as { __wsBench: BenchRecorder }).__wsBench = rec;

  const Native = window.WebSocket;
  class BenchSocket extends Native {
    override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
      if (type !== 'message' || typeof listener !== 'function') {
        super.addEventListener(type, listener as EventListener, options);
        return;
      }
      const wrapped = (ev: Event) => {
        const msg = ev as MessageEvent;
        const outer = rec.current;
        rec.current = { ts: msg.timeStamp, start: performance.now(), data: typeof msg.data === 'string' ? msg.data.slice(0, 300) : '' };
        try {
          listener.call(this, ev);
        } finally {
          rec.current = outer;
        }
      };
      super.addEventListener(type, wrapped, options);
    }
  }
  window.WebSocket = BenchSocket as unknown as typeof WebSocket;

  const send = Native.prototype.send;
  Native.prototype.send = function benchSend(this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
    const t = performance.now();
    if (typeof data === 'string' && data.length < 20_000 && data.slice(0, 80).includes('"response.create"')) {
      rec.sends.push({ t, head: data.slice(0, 200), cause: rec.current, input: rec.input });
    }
    return send.call(this, data);
  };

  for (const type of ['click', 'keydown'] as const) {
    window.addEventListener(
      type,
      (e) => {
        rec.input = { type, ts: e.timeStamp };
        setTimeout(() => {
          rec.input = null;
        }, 0);
      },
      true,
    );
  }

  const marks: MarkRecord[] = [];
  const push = marks.push.bind(marks);
  marks.push = (...entries: MarkRecord[]) => {
    for (const m of entries) {
      m.cause = rec.current;
      m.input = rec.input;
    }
    return push(...entries);
  };
  (window as unknown as { __cueBench: { marks: MarkRecord[]; targets: Record<string, unknown> } }).__cueBench = { marks, targets: {} };

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) rec.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: the bench reports none observed.
  }
  type Script = { invoker?: string; sourceURL?: string; sourceFunctionName?: string; duration: number };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { blockingDuration?: number; scripts?: Script[] })[]) {
        const scripts = (e.scripts ?? [])
          .map((sc) => ({ what: `${sc.invoker ?? '?'} ${sc.sourceFunctionName || ''} ${(sc.sourceURL ?? '').split('/').pop() ?? ''}`.trim(), duration: sc.duration }))
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3);
        rec.frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration ?? 0, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API: no attribution, long tasks are still counted.
  }
}

/** In the page: open / close a measured window (the interactions the long-task check judges). */
/** The user-timing marks also go to the trace (scripts/bench-trace.ts reads the same names). */
export function beginWindow(): number {
  const rec = (window as unknown as { __wsBench: BenchRecorder }).__wsBench;
  const start = performance.now();
  performance.mark('cue-bench-window-start');
  rec.windows.push({ start, end: Number.POSITIVE_INFINITY });
  return start;
}

export function endWindow(): number {
  const rec = (window as unknown as { __wsBench: BenchRecorder }).__wsBench;
  const end = performance.now();
  performance.mark('cue-bench-window-end');
  const last = rec.windows.at(-1);
  if (last && last.end === Number.POSITIVE_INFINITY) last.end = end;
  return end;
}

export type DeltaRunResult = { deltaCosts: number[]; historyCosts: number[]; longtasks: number[]; frames: LongFrame[]; rendered: number };

/**
 * In the page: show `items` transcript items, then stream `deltas` transcription deltas
 * into the newest in-progress item through the same store action the session uses (log
 * entry + transcript delta), each rendered synchronously (flushSync) and timed. Every
 * `perItem` deltas the item completes and a new one starts (a history update, timed apart).
 */
export async function runDeltaScenario({ items, deltas, perItem }: { items: number; deltas: number; perItem: number }): Promise<DeltaRunResult> {
  type Actions = {
    resetConversation(): void;
    applyHistory(h: unknown[]): void;
    ingestServerEvent(entry: unknown, delta: unknown): void;
  };
  const w = window as unknown as {
    __cueBench: { targets: { live: { store: { getState(): { actions: Actions } }; flushSync: (fn: () => void) => void } } };
    __wsBench: BenchRecorder;
  };
  const { store, flushSync } = w.__cueBench.targets.live;
  const actions = () => store.getState().actions;
  const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  const line = (i: number) => ({
    itemId: `s${i}`,
    type: 'message',
    role: i % 3 === 2 ? 'assistant' : 'user',
    status: 'completed',
    content: [{ type: i % 3 === 2 ? 'output_text' : 'input_text', text: `Seeded line ${i}: what was said in the meeting at this point, a sentence or two.` }],
  });
  const live = (k: number, status: 'in_progress' | 'completed', transcript: string | null) => ({
    itemId: `live${k}`,
    type: 'message',
    role: 'user',
    status,
    content: [{ type: 'input_audio', transcript }],
  });

  flushSync(() => actions().resetConversation());
  const history: unknown[] = [];
  for (let i = 0; i < items; i++) history.push(line(i));
  for (let n = Math.min(250, items); n <= items; n += 250) {
    flushSync(() => actions().applyHistory(history.slice(0, n)));
    await yieldTask();
  }
  let k = 0;
  let words: string[] = [];
  flushSync(() => actions().applyHistory([...history, live(k, 'in_progress', null)]));
  await new Promise((r) => setTimeout(r, 200));
  w.__wsBench.longtasks.length = 0;
  w.__wsBench.frames.length = 0;
  performance.mark('cue-bench-window-start');

  const deltaCosts: number[] = [];
  const historyCosts: number[] = [];
  for (let i = 0; i < deltas; i++) {
    const delta = `${words.length ? ' ' : ''}word${i}`;
    words.push(`word${i}`);
    const entry = { at: Date.now(), direction: 'server', type: 'conversation.item.input_audio_transcription.delta', payload: { type: 'conversation.item.input_audio_transcription.delta', item_id: `live${k}`, delta } };
    const t0 = performance.now();
    flushSync(() => actions().ingestServerEvent(entry, { itemId: `live${k}`, role: 'user', delta }));
    deltaCosts.push(performance.now() - t0);
    await yieldTask();
    if (words.length === perItem) {
      history.push(live(k, 'completed', words.join(' ')));
      k += 1;
      words = [];
      const snapshot = [...history, live(k, 'in_progress', null)];
      const h0 = performance.now();
      flushSync(() => actions().applyHistory(snapshot));
      historyCosts.push(performance.now() - h0);
      await yieldTask();
    }
  }
  performance.mark('cue-bench-window-end');
  await new Promise((r) => setTimeout(r, 300));
  return {
    deltaCosts,
    historyCosts,
    longtasks: w.__wsBench.longtasks.map((t) => t.duration),
    frames: w.__wsBench.frames.filter((f) => f.duration > 50),
    rendered: document.querySelectorAll('[data-testid="transcript-item"]').length,
  };
}
