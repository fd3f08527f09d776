import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReconnectScheduler } from './reconnect';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function make(results: boolean[], delays = [100, 200, 400]) {
  const states: unknown[] = [];
  const times: number[] = [];
  const start = Date.now();
  const s = new ReconnectScheduler(delays, {
    attempt: async () => {
      times.push(Date.now() - start);
      return results.shift() ?? false;
    },
    onSchedule: (state) => states.push(state),
  });
  return { s, states, times };
}

describe('ReconnectScheduler', () => {
  it('waits each delay in turn and stops at the first success', async () => {
    const { s, states, times } = make([false, true]);
    s.start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(times).toEqual([100, 300]);
    expect(states).toEqual([{ attempt: 1, maxAttempts: 3 }, { attempt: 2, maxAttempts: 3 }, null]);
    expect(s.active).toBe(false);
  });

  it('a Retry-After hold-off stretches the next delay once, never shortens one', async () => {
    const results = [false, false, true];
    const times: number[] = [];
    const start = Date.now();
    const s: ReconnectScheduler = new ReconnectScheduler([100, 200, 400], {
      attempt: async () => {
        times.push(Date.now() - start);
        if (times.length === 1) s.holdOff(5_000);
        if (times.length === 2) s.holdOff(10);
        return results.shift() ?? false;
      },
      onSchedule: () => undefined,
    });
    s.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([100, 5_100, 5_500]);
  });

  it('a first delay of 0 reconnects at once (planned rollover)', async () => {
    const { s, times } = make([true]);
    s.start(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(times).toEqual([0]);
  });

  it('runs out after the last delay', async () => {
    const { s, times } = make([false, false, false, true]);
    s.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(times).toHaveLength(3);
    expect(s.exhausted).toBe(true);
    expect(s.active).toBe(false);
  });

  it('cancel stops the sequence, including an attempt in flight', async () => {
    let release: (ok: boolean) => void = () => undefined;
    const calls: number[] = [];
    const s = new ReconnectScheduler([10, 10, 10], {
      attempt: () => {
        calls.push(1);
        return new Promise<boolean>((r) => (release = r));
      },
      onSchedule: () => undefined,
    });
    s.start();
    await vi.advanceTimersByTimeAsync(10);
    s.cancel();
    release(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toHaveLength(1);
  });

  it('no delays: never enabled', () => {
    const { s } = make([], []);
    s.start();
    expect([s.enabled, s.active]).toEqual([false, false]);
  });
});
