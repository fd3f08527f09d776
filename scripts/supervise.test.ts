import { describe, expect, it } from 'vitest';
import { supervise } from './supervise';

/** The engine supervisor with a child that dies at once, then one that keeps running. */
describe('supervise', () => {
  it('restarts a dying child with a doubling backoff and logs each restart', async () => {
    const lines: string[] = [];
    const waits: number[] = [];
    const s = supervise({
      name: 'dier',
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      log: (l) => lines.push(l),
      minBackoffMs: 10,
      maxBackoffMs: 40,
      onEvent: (e) => void (e.type === 'exited' && waits.push(e.restartInMs)),
    });
    await expect.poll(() => s.restarts(), { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(4);
    await s.stop();
    expect(waits.slice(0, 4)).toEqual([10, 20, 40, 40]);
    expect(lines[0]).toBe('[dier] stopped unexpectedly (exit code 3); restarting in 10 ms');
  });

  it('a killed child comes back with a new pid; stop() ends it for good', async () => {
    const pids: number[] = [];
    const s = supervise({ name: 'sleeper', command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], log: () => undefined, minBackoffMs: 10, onEvent: (e) => void (e.type === 'started' && pids.push(e.pid)) });
    await expect.poll(() => pids.length).toBe(1);
    process.kill(pids[0]!, 'SIGKILL');
    await expect.poll(() => pids.length, { timeout: 10_000 }).toBe(2);
    expect(pids[1]).not.toBe(pids[0]);
    await s.stop();
    expect(s.restarts()).toBe(1);
    expect(() => process.kill(pids[1]!, 0)).toThrow();
  });
});
