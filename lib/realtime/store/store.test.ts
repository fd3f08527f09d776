import { describe, expect, it } from 'vitest';
import { createRealtimeStore, deriveStatus } from './store';

describe('deriveStatus', () => {
  const base = { connection: 'connected' as const, micActive: false, muted: false, playing: false };
  it('reports the connection state until connected', () => {
    expect(deriveStatus({ ...base, connection: 'disconnected', playing: true })).toBe('disconnected');
    expect(deriveStatus({ ...base, connection: 'connecting', micActive: true })).toBe('connecting');
  });
  it('ranks speaking over muted over listening over connected', () => {
    expect(deriveStatus(base)).toBe('connected');
    expect(deriveStatus({ ...base, micActive: true })).toBe('listening');
    expect(deriveStatus({ ...base, micActive: true, muted: true })).toBe('muted');
    expect(deriveStatus({ ...base, micActive: true, muted: true, playing: true })).toBe('speaking');
  });
});

describe('realtime store', () => {
  it('recomputes status with every flag change', () => {
    const store = createRealtimeStore();
    const { actions } = store.getState();
    expect(store.getState().status).toBe('disconnected');
    actions.setConnection('connecting');
    expect(store.getState().status).toBe('connecting');
    actions.setConnection('connected');
    actions.setMicActive(true);
    expect(store.getState().status).toBe('listening');
    actions.setPlaying(true);
    expect(store.getState().status).toBe('speaking');
    actions.setPlaying(false);
    actions.setMuted(true);
    expect(store.getState().status).toBe('muted');
  });

  it('clears playback, capture and level when the connection ends', () => {
    const store = createRealtimeStore();
    const { actions } = store.getState();
    actions.setConnection('connected');
    actions.setMicActive(true);
    actions.setPlaying(true);
    actions.setInputLevel(0.4);
    actions.setConnection('disconnected');
    expect(store.getState()).toMatchObject({ status: 'disconnected', micActive: false, playing: false, inputLevel: 0 });
  });

  it('clamps the input level and zeroes it when muted', () => {
    const store = createRealtimeStore();
    const { actions } = store.getState();
    actions.setInputLevel(3);
    expect(store.getState().inputLevel).toBe(1);
    actions.setInputLevel(Number.NaN);
    expect(store.getState().inputLevel).toBe(0);
    actions.setInputLevel(0.3);
    actions.setMuted(true);
    expect(store.getState().inputLevel).toBe(0);
  });

  it('does not notify subscribers for no-op flag changes', () => {
    const store = createRealtimeStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().actions.setMuted(false);
    store.getState().actions.setPlaying(false);
    expect(calls).toBe(0);
  });

  it('numbers log entries, folds audio without consuming ids, and caps the log', () => {
    const store = createRealtimeStore({ eventLogCap: 3 });
    const { actions } = store.getState();
    const log = (type: string) => actions.logEvent({ at: 1, direction: 'client', type, payload: {} });
    log('session.update');
    log('input_audio_buffer.append');
    log('input_audio_buffer.append');
    log('response.create');
    log('response.cancel');
    expect(store.getState().events.map((e) => [e.id, e.type, e.count])).toEqual([
      [2, 'input_audio_buffer.append', 2],
      [3, 'response.create', 1],
      [4, 'response.cancel', 1],
    ]);
  });

  it('resets transcript and log for a fresh conversation', () => {
    const store = createRealtimeStore();
    const { actions } = store.getState();
    actions.applyTranscriptDelta({ itemId: 'a', role: 'assistant', delta: 'x' });
    actions.logEvent({ at: 1, direction: 'server', type: 'x', payload: {} });
    actions.resetConversation();
    expect(store.getState().transcript.order).toEqual([]);
    expect(store.getState().events).toEqual([]);
  });

  it('applies a server event (log entry + transcript delta) in one update, and app notes go to the log', () => {
    const store = createRealtimeStore({ now: () => 42 });
    const { actions } = store.getState();
    let updates = 0;
    store.subscribe(() => updates++);
    actions.ingestServerEvent({ at: 1, direction: 'server', type: 'conversation.item.input_audio_transcription.delta', payload: {} }, { itemId: 'u1', role: 'user', delta: 'hi' });
    expect(updates).toBe(1);
    expect(store.getState().transcript.byId.u1).toMatchObject({ partial: 'hi', at: 42 });
    actions.note('session.reconnected', { restoredItems: 2 });
    expect(store.getState().events.at(-1)).toMatchObject({ direction: 'note', type: 'session.reconnected', at: 42, payload: { restoredItems: 2 } });
  });

  it('keeps the call time through reconnects and freezes it when the call ends', () => {
    const store = createRealtimeStore();
    const { actions } = store.getState();
    actions.startCall(1_000);
    actions.endCall(5_000);
    actions.endCall(9_000);
    expect(store.getState()).toMatchObject({ callStartedAt: 1_000, callEndedAt: 5_000 });
  });

  it('restoreCall shows kept rows, times and agent in one update', () => {
    const store = createRealtimeStore();
    let updates = 0;
    store.subscribe(() => updates++);
    const row = { id: 'u1', role: 'user' as const, text: 'kept', partial: '', status: 'completed' as const, source: 'text' as const, placeholder: false, at: 7 };
    store.getState().actions.restoreCall({ rows: [row], startedAt: 5, endedAt: 9, agentId: 'hint-assistant' });
    expect(updates).toBe(1);
    expect(store.getState()).toMatchObject({ callStartedAt: 5, callEndedAt: 9, agentId: 'hint-assistant', transcript: { order: ['u1'], byId: { u1: row } } });
  });
});
