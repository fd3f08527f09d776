import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from './when-idle';

type IdleCb = () => void;

describe('whenIdle', () => {
  let idle: { cb: IdleCb; timeout?: number }[];
  beforeEach(() => {
    vi.useFakeTimers();
    idle = [];
    vi.stubGlobal('window', {
      setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
      clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
      requestIdleCallback: (cb: IdleCb, opts?: { timeout: number }) => idle.push({ cb, timeout: opts?.timeout }),
      cancelIdleCallback: (id: number) => {
        idle[id - 1] = { cb: () => undefined };
      },
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('waits past the page load, then for an idle moment', () => {
    const task = vi.fn();
    whenIdle(task, { afterMs: 1000, timeoutMs: 3000 });
    vi.advanceTimersByTime(999);
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(idle).toEqual([{ cb: task, timeout: 3000 }]);
    expect(task).not.toHaveBeenCalled();
    idle[0]!.cb();
    expect(task).toHaveBeenCalledOnce();
  });

  it('cancels before and after the wait', () => {
    const early = vi.fn();
    whenIdle(early, { afterMs: 1000 })();
    vi.advanceTimersByTime(2000);
    expect(idle).toHaveLength(0);
    const late = vi.fn();
    const cancel = whenIdle(late, { afterMs: 10 });
    vi.advanceTimersByTime(10);
    cancel();
    idle[0]!.cb();
    expect(late).not.toHaveBeenCalled();
  });

  it('falls back to a timer where there is no requestIdleCallback (Safari)', () => {
    vi.stubGlobal('window', { setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms), clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id) });
    const task = vi.fn();
    whenIdle(task, { afterMs: 100 });
    vi.advanceTimersByTime(100);
    expect(task).not.toHaveBeenCalled();
    vi.runOnlyPendingTimers();
    expect(task).toHaveBeenCalledOnce();
  });
});
