import { describe, expect, it } from 'vitest';
import { createHintStore } from './hint-store';

describe('hint store', () => {
  it('puts hint cards by item and follows the unfinished one as the active hint', () => {
    const store = createHintStore();
    const actions = store.getState();
    const card = {
      requestId: 'r1',
      kind: 'quick' as const,
      trigger: 'good question',
      source: 'phrase' as const,
      requestedAt: 1,
      contextMessages: 3,
      responseId: null,
      itemId: null,
      status: 'requested' as const,
      interruptedBy: null,
    };
    actions.putHint(card);
    expect(store.getState()).toMatchObject({ activeHint: { requestId: 'r1' }, hints: {} });
    actions.putHint({ ...card, itemId: 'h1', status: 'speaking' });
    expect(store.getState().hints.h1?.status).toBe('speaking');
    actions.putHint({ ...card, itemId: 'h1', status: 'interrupted', interruptedBy: 'got it' });
    expect(store.getState()).toMatchObject({ activeHint: null, hints: { h1: { status: 'interrupted', interruptedBy: 'got it' } } });
    actions.reset();
    expect(store.getState().hints).toEqual({});
  });
});
