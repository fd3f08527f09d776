import { describe, expect, it } from 'vitest';
import { SaveQueue, type SaveOutcome, type SaveStatus } from './save-queue';

const ok: SaveOutcome = { ok: true };
const down: SaveOutcome = { ok: false, error: { code: 'internal', message: 'db down' } };

describe('SaveQueue', () => {
  it('saves in order, one at a time', async () => {
    const order: string[] = [];
    const q = new SaveQueue({ sleep: async () => undefined });
    for (const k of ['a', 'b', 'c']) q.add({ key: k, label: k, run: async () => (order.push(k), ok) });
    expect(await q.flush()).toBe(true);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(q.status).toEqual({ pending: 0, failed: 0, saved: 3, lastError: null });
  });

  it('retries a failing save with backoff, then reports it and keeps it for a later retry', async () => {
    const waits: number[] = [];
    const statuses: SaveStatus[] = [];
    let attempts = 0;
    const q = new SaveQueue({ retryDelaysMs: [10, 20], sleep: async (ms) => void waits.push(ms), onChange: (s) => statuses.push(s) });
    q.add({ key: 'a', label: 'Your words', run: async () => (attempts++, down) });
    expect(await q.flush()).toBe(false);
    expect([attempts, waits]).toEqual([3, [10, 20]]);
    expect(q.status).toEqual({ pending: 0, failed: 1, saved: 0, lastError: 'Your words: db down' });
    expect(statuses.at(-1)?.failed).toBe(1);
    q.retryFailed();
    expect(await q.flush()).toBe(false);
    expect(attempts).toBe(6);
  });

  it('does not retry what a retry cannot fix, and treats a throw as a network failure', async () => {
    let attempts = 0;
    const q = new SaveQueue({ sleep: async () => undefined });
    q.add({ key: 'a', label: 'x', run: async () => (attempts++, { ok: false, error: { code: 'not_found', message: 'No practice session' } }) });
    q.add({ key: 'b', label: 'y', run: async () => Promise.reject(new Error('fetch failed')) });
    expect(await q.flush()).toBe(false);
    expect(attempts).toBe(1);
    expect(q.status.failed).toBe(2);
    expect(q.status.lastError).toBe('y: fetch failed');
  });

  it('replaces a waiting save with a newer version of the same key', async () => {
    const saved: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const q = new SaveQueue({ sleep: async () => undefined });
    q.add({ key: 'first', label: '', run: async () => (await gate, saved.push('first'), ok) });
    q.add({ key: 'item', label: '', run: async () => (saved.push('v1'), ok) });
    q.add({ key: 'item', label: '', run: async () => (saved.push('v2'), ok) });
    release();
    await q.flush();
    expect(saved).toEqual(['first', 'v2']);
  });
});
