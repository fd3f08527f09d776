import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { FakePlayer } from '@/lib/realtime/test-support/harness';
import type { PracticeCallActions } from './practice-call-controller';

/** The persona's config and the tag schema come with the call runtime, loaded on demand: pin Start when it cannot load. */

afterEach(() => {
  vi.doUnmock('./call-runtime');
  vi.resetModules();
});

function actions(mints: unknown[]): PracticeCallActions {
  return {
    mint: async (input) => {
      mints.push(input);
      return { ok: false, error: { code: 'engine_unavailable', message: 'The local realtime engine is not running.' } };
    },
    appendTranscriptItem: async () => ({ ok: true, data: {} }),
    recordTurnTag: async () => ({ ok: true, data: {} }),
    endPracticeSession: async () => ({ ok: false, error: { code: 'not_found', message: 'no' } }),
    getSession: async () => ({ ok: false, error: { code: 'not_found', message: 'no' } }),
  };
}

describe('a practice call whose runtime does not download', () => {
  it('says so and mints nothing; the next Start loads it again', async () => {
    vi.resetModules();
    vi.doMock('./call-runtime', () => {
      throw new Error('Failed to load chunk');
    });
    const { PracticeCallController } = await import('./practice-call-controller');
    const mints: unknown[] = [];
    const call = new PracticeCallController(
      { sessionId: '5b0e6f3e-9a51-4f7e-8a35-0c6a3a0f7d11', scenario: defaultScenario(), difficulty: 'medium', timeLimitSeconds: 600 },
      actions(mints),
      { realtimeDeps: { createPlayer: () => new FakePlayer([]) }, clockTickMs: 0 },
    );
    try {
      await expect(call.start('none')).resolves.toBe(false);
      expect(mints).toEqual([]);
      expect(call.realtimeStore.getState().error?.code).toBe('app_load_failed');
      expect(call.realtimeStore.getState().error?.message).toMatch(/^The call could not start: part of the app did not download/);

      vi.doUnmock('./call-runtime');
      expect(call.store.getState().phase).toBe('ready');
      await call.start('none');
      expect(mints).toHaveLength(1);
      expect(call.realtimeStore.getState().error?.code).toBe('engine_unavailable');
    } finally {
      call.dispose();
    }
  });
});
