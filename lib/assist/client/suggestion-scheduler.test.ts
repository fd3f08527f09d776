import { afterEach, describe, expect, it, vi } from 'vitest';
import { SuggestionScheduler } from './suggestion-scheduler';

afterEach(() => vi.useRealTimers());

describe('SuggestionScheduler', () => {
  it('debounces utterances into one run and aborts a stale run when a newer one starts', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const s = new SuggestionScheduler(async (signal) => {
      signals.push(signal);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    }, 250);
    s.utterance();
    s.utterance();
    vi.advanceTimersByTime(249);
    expect(signals).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(signals).toHaveLength(1);
    expect(s.inFlight).toBe(true);
    s.utterance();
    vi.advanceTimersByTime(250);
    expect(signals).toHaveLength(2);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    s.ask('what is the refund policy?');
    expect(signals).toHaveLength(3);
    expect(signals[1]?.aborted).toBe(true);
    s.dispose();
    expect(signals[2]?.aborted).toBe(true);
  });

  it('passes the agent question through', async () => {
    const questions: (string | null)[] = [];
    const s = new SuggestionScheduler(async (_signal, q) => {
      questions.push(q);
    });
    s.ask('Quick answer');
    expect(questions).toEqual(['Quick answer']);
  });
});
