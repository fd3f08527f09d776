import { describe, expect, it } from 'vitest';
import { PoolError, ProcessPool } from './process-pool';

const later = <T>(value: T, ms: number) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('ProcessPool', () => {
  it('runs at most `concurrency` jobs at once, in order', async () => {
    const pool = new ProcessPool({ concurrency: 2, maxQueued: 10, timeoutMs: 1000 });
    let peak = 0;
    const job = (v: number) => async () => {
      peak = Math.max(peak, pool.running);
      return later(v, 10);
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map((v) => pool.run(job(v))))).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect([pool.running, pool.queued]).toEqual([0, 0]);
  });

  it('refuses past the queue, times out a slow job (aborting it) and drops an abandoned one', async () => {
    const pool = new ProcessPool({ concurrency: 1, maxQueued: 1, timeoutMs: 50 });
    let aborted = false;
    const slow = pool.run((signal) => new Promise((_, reject) => signal.addEventListener('abort', () => ((aborted = true), reject(signal.reason)))));
    const waiting = new AbortController();
    const queued = pool.run(() => later(1, 1), waiting.signal);
    await expect(pool.run(() => later(2, 1))).rejects.toMatchObject({ code: 'synthesis_queue_full' });
    waiting.abort();
    await expect(queued).rejects.toMatchObject({ code: 'synthesis_aborted' });
    await expect(slow).rejects.toBeInstanceOf(PoolError);
    await expect(slow).rejects.toMatchObject({ code: 'synthesis_timeout' });
    expect(aborted).toBe(true);
    expect(await pool.run(() => later(3, 1))).toBe(3);
  });

  it("puts urgent jobs (a reply's first piece) ahead of queued ones, in their own order", async () => {
    const pool = new ProcessPool({ concurrency: 1, maxQueued: 10, timeoutMs: 1000 });
    const order: string[] = [];
    const job = (name: string) => async () => {
      order.push(name);
      return later(name, 5);
    };
    const all = [pool.run(job('busy')), pool.run(job('later-1')), pool.run(job('later-2')), pool.run(job('first-a'), undefined, true), pool.run(job('first-b'), undefined, true)];
    await Promise.all(all);
    expect(order).toEqual(['busy', 'first-a', 'first-b', 'later-1', 'later-2']);
  });
});
