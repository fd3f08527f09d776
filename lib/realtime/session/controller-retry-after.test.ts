import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { localSecret, makeHarness } from '../test-support/harness';
import type { MintResult } from './controller';
import type { RealtimeError } from '../store/types';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const limited = (retryAfterSeconds?: number): MintResult => ({
  ok: false,
  error: { code: 'upstream_rate_limited', message: 'OpenAI is rate-limiting this account. Wait a moment and try again, or check your usage limits.', retryAfterSeconds },
});

/** A mint that answers from a script, then succeeds. */
function scripted(answers: MintResult[]) {
  const calls: number[] = [];
  const mint = async (): Promise<MintResult> => {
    calls.push(Date.now());
    return answers.shift() ?? { ok: true, data: localSecret };
  };
  return { mint, calls };
}

function errorsSeen(h: ReturnType<typeof makeHarness>): (RealtimeError | null)[] {
  const seen: (RealtimeError | null)[] = [];
  h.store.subscribe((s, prev) => {
    if (s.error !== prev.error) seen.push(s.error);
  });
  return seen;
}

describe('RealtimeController: Retry-After on the mint', () => {
  it('waits as long as the service asked, says so, then connects', async () => {
    const { mint, calls } = scripted([limited(3)]);
    const h = makeHarness({ mint });
    const seen = errorsSeen(h);
    const connecting = h.controller.connect({ agentId: 'practice-partner' });
    await vi.advanceTimersByTimeAsync(2_900);
    expect(calls).toHaveLength(1);
    expect(h.store.getState()).toMatchObject({ connection: 'connecting', error: { code: 'upstream_rate_limited', message: 'OpenAI is rate limiting this account.' } });
    expect(h.store.getState().error?.retryAt).toBe(calls[0]! + 3_000);
    await vi.advanceTimersByTimeAsync(200);
    await expect(connecting).resolves.toBe(true);
    expect(calls).toHaveLength(2);
    expect(calls[1]! - calls[0]!).toBe(3_000);
    expect(h.store.getState()).toMatchObject({ status: 'listening', error: null });
    expect(seen.map((e) => e?.code ?? null)).toEqual(['upstream_rate_limited', null]);
  });

  it('a wait longer than it sits out comes back as the error, with when Retry makes sense', async () => {
    const { mint, calls } = scripted([limited(120)]);
    const h = makeHarness({ mint });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(calls).toHaveLength(1);
    expect(h.store.getState()).toMatchObject({ connection: 'disconnected', error: { code: 'upstream_rate_limited', retryAt: calls[0]! + 120_000 } });
    expect(h.store.getState().error?.message).toContain('OpenAI is rate-limiting this account');
  });

  it('gives up after two waits; an error without Retry-After is not retried', async () => {
    const waits = scripted([limited(1), limited(1), limited(1)]);
    const h = makeHarness({ mint: waits.mint });
    const connecting = h.controller.connect({ agentId: 'practice-partner' });
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(connecting).resolves.toBe(false);
    expect(waits.calls).toHaveLength(3);
    expect(h.store.getState().error?.code).toBe('upstream_rate_limited');

    const plain = scripted([limited(undefined)]);
    const p = makeHarness({ mint: plain.mint });
    await expect(p.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(plain.calls).toHaveLength(1);
    expect(p.store.getState().error?.retryAt).toBeUndefined();
  });

  it('disconnecting during the wait abandons it: no second mint, no late error', async () => {
    const { mint, calls } = scripted([limited(5)]);
    const h = makeHarness({ mint });
    const connecting = h.controller.connect({ agentId: 'practice-partner' });
    await vi.advanceTimersByTimeAsync(1_000);
    h.controller.disconnect();
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(connecting).resolves.toBe(false);
    expect(calls).toHaveLength(1);
    expect(h.store.getState().connection).toBe('disconnected');
  });

  it('a reconnect after a drop waits out a long Retry-After before its next attempt', async () => {
    const answers: MintResult[] = [];
    const { mint, calls } = scripted(answers);
    const h = makeHarness({ mint, deps: { reconnectDelaysMs: [50, 100, 100] } });
    await h.controller.connect({ agentId: 'practice-partner' });
    answers.push(limited(60));
    h.transport.disconnect();
    await vi.advanceTimersByTimeAsync(50);
    expect(calls).toHaveLength(2);
    // Not after the planned 100 ms: after the 60 s the service asked for.
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(calls).toHaveLength(3);
    expect(h.store.getState()).toMatchObject({ status: 'listening', reconnecting: null, error: null });
  });
});
