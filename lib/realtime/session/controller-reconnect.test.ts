import type { RealtimeItem } from '@openai/agents-realtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStream, makeHarness, openaiSecret } from '../test-support/harness';

const userItem = (id: string, transcript: string): RealtimeItem => ({
  itemId: id,
  type: 'message',
  role: 'user',
  status: 'completed',
  content: [{ type: 'input_audio', transcript }],
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function lastReset(h: ReturnType<typeof makeHarness>): string[] {
  const reset = h.transport.calls.filter((c) => c.method === 'resetHistory').at(-1) as unknown as { newHistory: RealtimeItem[] } | undefined;
  return reset?.newHistory.map((i) => i.itemId) ?? [];
}

describe('RealtimeController: keeping a call alive', () => {
  it('a dropped connection reconnects on its own: new secret, history replayed, capture and transcript kept', async () => {
    const h = makeHarness({ deps: { reconnectDelaysMs: [50, 100] } });
    const starts: boolean[] = [];
    h.controller.onSessionStart(({ resumed }) => starts.push(resumed));
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.emit('item_update', userItem('u1', 'hello'));
    h.transport.disconnect();
    expect(h.store.getState()).toMatchObject({ connection: 'connecting', reconnecting: { attempt: 1, maxAttempts: 2 }, error: null });
    expect(h.captures[0]?.active).toBe(true);

    await vi.advanceTimersByTimeAsync(60);
    expect(h.store.getState()).toMatchObject({ status: 'listening', reconnecting: null, error: null });
    expect(h.mintCalls).toHaveLength(2);
    expect(lastReset(h)).toEqual(['u1']);
    expect(h.store.getState().transcript.order).toEqual(['u1']);
    expect(h.captures).toHaveLength(1);
    expect(h.captures[0]?.starts).toBe(1);
    expect(starts).toEqual([false, true]);
    expect(h.store.getState().events.filter((e) => e.direction === 'note').map((e) => e.type)).toEqual(['session.connection_lost', 'session.reconnected']);
    expect(h.store.getState().callStartedAt).not.toBeNull();
    expect(h.store.getState().callEndedAt).toBeNull();
  });

  it('retries with growing waits, then gives up with connection_lost; Retry replays the history', async () => {
    const h = makeHarness({ deps: { reconnectDelaysMs: [10, 20] } });
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.emit('item_update', userItem('u1', 'hello'));
    h.transport.disconnect();
    h.transport.failNextCall('connect', new Error('engine down'));
    await vi.advanceTimersByTimeAsync(15);
    expect(h.store.getState()).toMatchObject({ connection: 'connecting', reconnecting: { attempt: 2 }, error: null });
    h.transport.failNextCall('connect', new Error('engine down'));
    await vi.advanceTimersByTimeAsync(25);
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', reconnecting: null, error: { code: 'connection_lost' } });
    expect(h.captures[0]?.active).toBe(false);
    expect(h.store.getState().events.filter((e) => e.type === 'session.reconnect_failed')).toHaveLength(2);

    await expect(h.controller.retry()).resolves.toBe(true);
    expect(lastReset(h)).toEqual(['u1']);
    expect(h.store.getState().transcript.order).toEqual(['u1']);
  });

  it('Disconnect during a reconnect cancels it', async () => {
    const h = makeHarness({ deps: { reconnectDelaysMs: [50] } });
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.disconnect();
    h.controller.disconnect();
    await vi.advanceTimersByTimeAsync(100);
    expect(h.mintCalls).toHaveLength(1);
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', reconnecting: null, error: null });
  });

  it('the service ending the session (maximum duration) starts a new one at once, without an error', async () => {
    const h = makeHarness({ deps: { reconnectDelaysMs: [500] } });
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.emit('error', { type: 'error', error: { type: 'error', event_id: 'e1', error: { code: 'session_expired', message: 'Your session hit the maximum duration of 60 minutes.' } } });
    await vi.advanceTimersByTimeAsync(1);
    expect(h.store.getState()).toMatchObject({ status: 'listening', error: null });
    expect(h.mintCalls).toHaveLength(2);
    expect(h.store.getState().events.some((e) => e.type === 'session.session_ended')).toBe(true);
  });

  it('rolls over to a fresh session before the maximum duration, but never while the assistant speaks', async () => {
    const h = makeHarness({ deps: { reconnectDelaysMs: [500], maxSessionMs: 1000 } });
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.emit('item_update', userItem('u1', 'hello'));
    h.transport.emit('audio', { type: 'audio', data: new ArrayBuffer(4800), responseId: 'r1' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(h.mintCalls).toHaveLength(1);
    h.player.flush();
    await vi.advanceTimersByTimeAsync(2100);
    expect(h.mintCalls).toHaveLength(2);
    expect(lastReset(h)).toEqual(['u1']);
    expect(h.store.getState().events.some((e) => e.type === 'session.rollover')).toBe(true);
  });

  it('an item_not_found about an interrupted hint is not shown as an error', async () => {
    const h = makeHarness();
    await h.controller.connect({ agentId: 'hint-assistant' });
    h.transport.emit('*', { type: 'response.created', event_id: 'e1', response: { id: 'r_h', conversation_id: null } });
    h.transport.emit('*', { type: 'response.output_item.added', event_id: 'e2', response_id: 'r_h', item: { id: 'item_h' } });
    h.transport.emit('error', { type: 'error', error: { type: 'error', event_id: 'e3', error: { code: 'item_not_found', message: "Conversation item with id 'item_h' not found." } } });
    expect(h.store.getState().error).toBeNull();
    h.transport.emit('error', { type: 'error', error: { type: 'error', event_id: 'e4', error: { code: 'item_not_found', message: "Conversation item with id 'other' not found." } } });
    expect(h.store.getState().error?.code).toBe('server_error');
  });
});

describe('RealtimeController: what it hears', () => {
  it('mic + tab over WebSocket: the picker opens inside the click, and the tab is mixed into the capture', async () => {
    const tab = fakeStream();
    let picked = 0;
    const h = makeHarness({ deps: { openTabAudio: async () => (picked++, { ok: true, stream: tab }) } });
    const connecting = h.controller.connect({ agentId: 'hint-assistant', input: 'mic+tab' });
    expect(picked).toBe(1);
    await connecting;
    expect(h.captures[0]?.added).toEqual([tab]);
    expect(h.store.getState().input).toEqual({ source: 'mic+tab', tabIssue: null });
    h.controller.disconnect();
    expect(tab.stopped).toBe(1);
  });

  it('a declined share is stated, and the call goes on with the microphone', async () => {
    const h = makeHarness({ deps: { openTabAudio: async () => ({ ok: false, issue: 'declined' }) } });
    await expect(h.controller.connect({ agentId: 'hint-assistant', input: 'mic+tab' })).resolves.toBe(true);
    expect(h.store.getState()).toMatchObject({ status: 'listening', input: { source: 'mic', tabIssue: 'declined' }, error: null });
    expect(h.store.getState().events.at(-1)).toMatchObject({ direction: 'note', type: 'input.tab_audio', payload: { shared: false, issue: 'declined' } });
  });

  it('mic + tab over WebRTC sends one mixed stream, reused by a reconnect', async () => {
    const tab = fakeStream();
    const mixed = fakeStream();
    const mixes: MediaStream[][] = [];
    const h = makeHarness({
      minted: openaiSecret,
      deps: {
        reconnectDelaysMs: [10],
        openTabAudio: async () => ({ ok: true, stream: tab }),
        mixStreams: (streams) => (mixes.push(streams), { stream: mixed, close: () => undefined }),
      },
    });
    await h.controller.connect({ agentId: 'hint-assistant', input: 'mic+tab' });
    expect(mixes).toEqual([[h.mic, tab]]);
    expect(h.plans[0]).toMatchObject({ kind: 'webrtc', mediaStream: mixed });
    h.transport.disconnect();
    await vi.advanceTimersByTimeAsync(20);
    expect(h.plans[1]).toMatchObject({ kind: 'webrtc', mediaStream: mixed });
    expect(mixes).toHaveLength(1);
    expect(h.mic.stopped).toBe(0);
  });
});
