type IdleWindow = {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/**
 * Run `task` once the browser is idle (at the latest after `timeoutMs`): the place to warm
 * up code the page will need soon (the realtime SDK, the settings panel) without competing
 * with the first render. Returns a cancel function. A no-op outside the browser.
 */
export function whenIdle(task: () => void, timeoutMs = 2000): () => void {
  if (typeof window === 'undefined') return () => undefined;
  const idle = window as unknown as IdleWindow;
  if (idle.requestIdleCallback && idle.cancelIdleCallback) {
    const id = idle.requestIdleCallback(task, { timeout: timeoutMs });
    return () => idle.cancelIdleCallback?.(id);
  }
  const id = window.setTimeout(task, Math.min(timeoutMs, 500));
  return () => window.clearTimeout(id);
}
