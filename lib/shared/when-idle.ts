type IdleWindow = {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/** How long after mount warm-up work waits before it looks for an idle moment: past the page's own load. */
const WARM_UP_AFTER_MS = 1200;

/**
 * Run `task` once the page has loaded and the browser is idle: first wait `afterMs`, then
 * for an idle moment (at the latest `timeoutMs` later). The place to warm up code the page
 * will need soon (the realtime SDK, the settings panel) without competing with its first
 * render and hydration. Returns a cancel function. A no-op outside the browser.
 */
export function whenIdle(task: () => void, { afterMs = WARM_UP_AFTER_MS, timeoutMs = 2000 }: { afterMs?: number; timeoutMs?: number } = {}): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const idle = window as unknown as IdleWindow;
  let idleId: number | null = null;
  let timer: number | null = window.setTimeout(() => {
    timer = null;
    if (idle.requestIdleCallback) idleId = idle.requestIdleCallback(task, { timeout: timeoutMs });
    else timer = window.setTimeout(task, 0);
  }, afterMs);
  return () => {
    if (timer !== null) window.clearTimeout(timer);
    if (idleId !== null) idle.cancelIdleCallback?.(idleId);
  };
}
