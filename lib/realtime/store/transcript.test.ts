import type { RealtimeItem } from '@openai/agents-realtime';
import { describe, expect, it } from 'vitest';
import { applyDelta, applyHistory, displayText, EMPTY_TRANSCRIPT } from './transcript';

const userAudio = (id: string, transcript: string | null, status: 'in_progress' | 'completed' | 'incomplete' = 'completed'): RealtimeItem => ({
  itemId: id,
  type: 'message',
  role: 'user',
  status,
  content: [{ type: 'input_audio', transcript }],
});
const userText = (id: string, text: string): RealtimeItem => ({
  itemId: id,
  type: 'message',
  role: 'user',
  status: 'completed',
  content: [{ type: 'input_text', text }],
});
const assistant = (id: string, transcript: string | null, status: 'in_progress' | 'completed' | 'incomplete'): RealtimeItem => ({
  itemId: id,
  type: 'message',
  role: 'assistant',
  status,
  content: [{ type: 'output_audio', transcript }],
});

describe('applyHistory', () => {
  it('maps user and assistant messages in history order and skips system and tool items', () => {
    const history: RealtimeItem[] = [
      { itemId: 's1', type: 'message', role: 'system', content: [{ type: 'input_text', text: 'be brief' }] },
      userText('u1', 'Hello there'),
      { itemId: 'f1', type: 'function_call', status: 'completed', arguments: '{}', name: 'noop', output: null },
      assistant('a1', 'Hi! What shall we practise?', 'completed'),
    ];
    const t = applyHistory(EMPTY_TRANSCRIPT, history, 1_000);
    expect(t.order).toEqual(['u1', 'a1']);
    expect(t.byId.u1).toEqual({ id: 'u1', role: 'user', text: 'Hello there', partial: '', status: 'completed', source: 'text', placeholder: false, at: 1_000 });
    expect(t.byId.a1).toMatchObject({ role: 'assistant', text: 'Hi! What shall we practise?', source: 'voice' });
  });

  it('returns the same state when nothing changed, and keeps unchanged items by identity', () => {
    const first = applyHistory(EMPTY_TRANSCRIPT, [userText('u1', 'one'), assistant('a1', null, 'in_progress')]);
    expect(applyHistory(first, [userText('u1', 'one'), assistant('a1', null, 'in_progress')])).toBe(first);
    const next = applyHistory(first, [userText('u1', 'one'), assistant('a1', 'done now', 'completed')]);
    expect(next).not.toBe(first);
    expect(next.byId.u1).toBe(first.byId.u1);
    expect(next.order).toBe(first.order);
    expect(next.byId.a1).toMatchObject({ text: 'done now', status: 'completed' });
  });

  it('does not wipe words already shown when an interrupted reply comes back incomplete without transcript', () => {
    let t = applyHistory(EMPTY_TRANSCRIPT, [assistant('a1', null, 'in_progress')]);
    t = applyDelta(t, { itemId: 'a1', role: 'assistant', delta: 'You said ' });
    t = applyDelta(t, { itemId: 'a1', role: 'assistant', delta: 'hello' });
    t = applyHistory(t, [assistant('a1', null, 'incomplete')]);
    expect(t.byId.a1).toMatchObject({ text: '', partial: 'You said hello', status: 'incomplete' });
    expect(displayText(t.byId.a1!)).toBe('You said hello');
  });

  it('replaces the live partial with the settled transcript once the history has it', () => {
    let t = applyHistory(EMPTY_TRANSCRIPT, [userAudio('u1', null, 'in_progress')]);
    t = applyDelta(t, { itemId: 'u1', role: 'user', delta: 'what is the' });
    expect(displayText(t.byId.u1!)).toBe('what is the');
    t = applyHistory(t, [userAudio('u1', 'What is the deadline?')]);
    expect(t.byId.u1).toMatchObject({ text: 'What is the deadline?', partial: '', status: 'completed', source: 'voice' });
  });

  it('drops items deleted from the history but keeps delta-only placeholders until the history reports them', () => {
    let t = applyHistory(EMPTY_TRANSCRIPT, [userText('u1', 'one'), userText('u2', 'two')]);
    t = applyDelta(t, { itemId: 'a9', role: 'assistant', delta: 'early words' });
    t = applyHistory(t, [userText('u2', 'two')]);
    expect(t.order).toEqual(['u2', 'a9']);
    expect(t.byId.u1).toBeUndefined();
    expect(t.byId.a9).toMatchObject({ placeholder: true, partial: 'early words' });
    t = applyHistory(t, [userText('u2', 'two'), assistant('a9', 'early words, now settled', 'completed')]);
    expect(t.order).toEqual(['u2', 'a9']);
    expect(t.byId.a9).toMatchObject({ placeholder: false, text: 'early words, now settled', partial: '' });
  });

  it('keeps a spoken turn marked as voice when a reconnect replays it as text', () => {
    let t = applyHistory(EMPTY_TRANSCRIPT, [userAudio('u1', 'We shipped in March')]);
    t = applyHistory(t, [userText('u1', 'We shipped in March')]);
    expect(t.byId.u1?.source).toBe('voice');
  });
});

describe('time order', () => {
  it('shows a hint where it happened, though the SDK keeps out-of-band items at the end of its history', () => {
    let t = applyHistory(EMPTY_TRANSCRIPT, [userAudio('u1', 'walk me through it')], 100);
    // The hint's item is appended at 200...
    t = applyHistory(t, [userAudio('u1', 'walk me through it'), assistant('h1', 'Full guidance', 'in_progress')], 200);
    // ...and the next turn, linked to u1 by the service, lands before it in the SDK's history.
    t = applyHistory(t, [userAudio('u1', 'walk me through it'), userAudio('u2', 'got it'), assistant('h1', 'Full guidance', 'in_progress')], 300);
    t = applyHistory(t, [userAudio('u1', 'walk me through it'), userAudio('u2', 'got it'), userAudio('u3', 'next'), assistant('h1', 'Full guidance', 'completed')], 400);
    expect(t.order).toEqual(['u1', 'h1', 'u2', 'u3']);
  });

  it('keeps history order for items first seen together', () => {
    const t = applyHistory(EMPTY_TRANSCRIPT, [userText('b', 'second id, first said'), userText('a', 'first id, said next')], 100);
    expect(t.order).toEqual(['b', 'a']);
  });
});

describe('timestamps', () => {
  it('keeps the time an item was first seen, through deltas and history updates', () => {
    let t = applyDelta(EMPTY_TRANSCRIPT, { itemId: 'u1', role: 'user', delta: 'we ' }, 100);
    t = applyDelta(t, { itemId: 'u1', role: 'user', delta: 'shipped' }, 200);
    t = applyHistory(t, [userAudio('u1', 'we shipped')], 300);
    t = applyHistory(t, [userAudio('u1', 'we shipped'), userText('u2', 'typed')], 400);
    expect([t.byId.u1?.at, t.byId.u2?.at]).toEqual([100, 400]);
  });
});

describe('applyDelta', () => {
  it('touches one entry and leaves the order array untouched', () => {
    const base = applyHistory(EMPTY_TRANSCRIPT, [userText('u1', 'one'), assistant('a1', null, 'in_progress')]);
    const next = applyDelta(base, { itemId: 'a1', role: 'assistant', delta: 'abc' });
    expect(next.order).toBe(base.order);
    expect(next.byId.u1).toBe(base.byId.u1);
    expect(next.byId.a1?.partial).toBe('abc');
  });

  it('ignores deltas for items whose text is settled, and empty deltas', () => {
    const base = applyHistory(EMPTY_TRANSCRIPT, [userText('u1', 'typed')]);
    expect(applyDelta(base, { itemId: 'u1', role: 'user', delta: 'late' })).toBe(base);
    expect(applyDelta(base, { itemId: 'u1', role: 'user', delta: '' })).toBe(base);
  });

  it('never writes into the shared empty state', () => {
    const t = applyDelta(EMPTY_TRANSCRIPT, { itemId: 'a', role: 'assistant', delta: 'x' });
    expect(EMPTY_TRANSCRIPT.byId).toEqual({});
    expect(t.order).toEqual(['a']);
    expect(t.rev).toBe(1);
  });

  it('costs the same per delta with 5,000 items as with 5 (no copy of the transcript)', () => {
    const timeDeltas = (items: number) => {
      const history = Array.from({ length: items }, (_, i) => userText(`u${i}`, `line ${i}`));
      let t = applyHistory(EMPTY_TRANSCRIPT, [...history, assistant('live', null, 'in_progress')]);
      const byId = t.byId;
      for (let i = 0; i < 3000; i++) t = applyDelta(t, { itemId: 'live', role: 'assistant', delta: 'x' });
      return byId === t.byId;
    };
    // The container is reused: no per-delta copy, whatever the size.
    expect(timeDeltas(5)).toBe(true);
    expect(timeDeltas(5000)).toBe(true);
  });

  it('handles thousands of deltas on a long transcript without rebuilding the order', () => {
    const history = Array.from({ length: 500 }, (_, i) => userText(`u${i}`, `line ${i}`));
    let t = applyHistory(EMPTY_TRANSCRIPT, [...history, assistant('live', null, 'in_progress')]);
    const order = t.order;
    for (let i = 0; i < 2000; i++) t = applyDelta(t, { itemId: 'live', role: 'assistant', delta: 'x' });
    expect(t.order).toBe(order);
    expect(t.byId.live?.partial.length).toBe(2000);
  });
});
