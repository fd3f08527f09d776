import type { RealtimeItem } from '@openai/agents-realtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import { createHintStore } from '@/lib/live/hints/hint-store';
import type { HintCard } from '@/lib/live/hints/hint-types';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import { MeetingRecorder, newMeetingId } from './meeting-recorder';
import { MEETING_STORAGE_KEY } from './meeting-snapshot';
import { meetingSnapshotSchema, type MeetingSnapshot } from './meeting-snapshot-schema';

/** The tab's copy as the recorder wrote it (read synchronously here; the app reads it with the schema loaded on demand). */
function readSnapshot(storage: Storage): MeetingSnapshot | null {
  const text = storage.getItem(MEETING_STORAGE_KEY);
  if (text === null) return null;
  const parsed = meetingSnapshotSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}
import type { SaveLiveSessionInput } from './saved-meeting';

class MemoryStorage implements Storage {
  #m = new Map<string, string>();
  full = false;
  get length() {
    return this.#m.size;
  }
  clear() {
    this.#m.clear();
  }
  getItem(k: string) {
    return this.#m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.#m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.#m.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.#m.set(k, v);
  }
}

const IDS = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

function setup(storage = new MemoryStorage(), saveImpl?: (input: SaveLiveSessionInput) => Promise<ActionResult<{ id: string }>>) {
  let now = 1_000_000;
  const starts = new Set<(s: { resumed: boolean }) => void>();
  const ends = new Set<(e: { reason: 'lost' | 'ended' }) => void>();
  const store = createRealtimeStore({ now: () => now });
  const hintStore = createHintStore();
  const saved: SaveLiveSessionInput[] = [];
  const save = vi.fn(saveImpl ?? (async (input: SaveLiveSessionInput) => (saved.push(input), ok({ id: input.id }))));
  let n = 0;
  const recorder = new MeetingRecorder({
    host: { onSessionStart: (l) => (starts.add(l), () => starts.delete(l)), onSessionEnd: (l) => (ends.add(l), () => ends.delete(l)) },
    store,
    hintStore,
    storage,
    save,
    backend: 'local',
    voice: () => 'marin',
    now: () => now,
    newId: () => IDS[n++]!,
    writeDelayMs: 500,
  });
  const a = () => store.getState().actions;
  /** A fresh call comes up, as the controller reports it. */
  const connect = (resumed = false) => {
    if (!resumed) a().resetConversation();
    a().setSessionInfo({ backend: 'local', model: 'gpt-realtime', agentId: 'hint-assistant', transport: 'websocket' });
    a().setConnection('connected');
    if (!resumed) a().startCall(now);
    starts.forEach((l) => l({ resumed }));
  };
  const disconnect = () => {
    a().endCall(now);
    a().setConnection('disconnected');
    ends.forEach((l) => l({ reason: 'ended' }));
  };
  const say = (id: string, text: string, role: 'user' | 'assistant' = 'user') => {
    const history: RealtimeItem[] = [
      ...store.getState().transcript.order.map((i) => {
        const r = store.getState().transcript.byId[i]!;
        return r.role === 'user'
          ? ({ itemId: i, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: r.text }] } as RealtimeItem)
          : ({ itemId: i, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: r.text }] } as RealtimeItem);
      }),
      role === 'user'
        ? { itemId: id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] }
        : { itemId: id, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] },
    ];
    a().applyHistory(history);
  };
  const card = (itemId: string, status: HintCard['status']): HintCard => ({
    requestId: `req_${itemId}`,
    kind: 'quick',
    trigger: 'good question',
    source: 'phrase',
    requestedAt: now,
    contextMessages: 2,
    responseId: 'r',
    itemId,
    status,
    interruptedBy: null,
  });
  return { recorder, store, hintStore, storage, save, saved, connect, disconnect, say, card, advance: (ms: number) => (now += ms), now: () => now };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('MeetingRecorder: the tab’s copy', () => {
  it('writes the meeting a moment after a change, and at once when the page goes away', async () => {
    const t = setup();
    t.recorder.attach();
    t.connect();
    t.say('u1', 'We moved the launch');
    expect(readSnapshot(t.storage)).toBeNull();
    vi.advanceTimersByTime(500);
    expect(readSnapshot(t.storage)).toMatchObject({ meetingId: IDS[0], live: true, unsaved: true, rows: [{ id: 'u1', text: 'We moved the launch' }] });
    t.say('u2', 'to April');
    t.recorder.flush();
    expect(readSnapshot(t.storage)?.rows.map((r) => r.id)).toEqual(['u1', 'u2']);
  });

  it('says so when the browser refuses to keep the copy', async () => {
    const storage = new MemoryStorage();
    const t = setup(storage);
    t.recorder.attach();
    t.connect();
    storage.full = true;
    t.say('u1', 'hello');
    t.recorder.flush();
    expect(t.recorder.state.getState().tabCopy).toBe('full');
  });

  it('an unreadable copy is dropped, not thrown on', async () => {
    const storage = new MemoryStorage();
    storage.setItem(MEETING_STORAGE_KEY, '{"version": 1, "rows": "nope"');
    const t = setup(storage);
    await t.recorder.restore();
    expect(t.store.getState().transcript.order).toEqual([]);
    expect(storage.getItem(MEETING_STORAGE_KEY)).toBeNull();
  });
});

describe('MeetingRecorder: reload', () => {
  it('brings back rows and cards as they stand, with the agent and frozen times, and saves a meeting left mid-call', async () => {
    const first = setup();
    first.recorder.attach();
    first.connect();
    first.say('u1', 'We moved the launch');
    first.say('h1', 'Ask about QA', 'assistant');
    first.hintStore.getState().putHint(first.card('h1', 'speaking'));
    first.store.getState().actions.applyTranscriptDelta({ itemId: 'u2', role: 'user', delta: 'and the bud' });
    first.advance(3_000);
    first.recorder.flush();

    // The page reloads: a new recorder on the same tab storage.
    const t = setup(first.storage);
    await t.recorder.restore();
    const s = t.store.getState();
    expect(s.transcript.order).toEqual(['u1', 'h1', 'u2']);
    expect(s.transcript.byId.u2).toMatchObject({ text: 'and the bud', status: 'incomplete', placeholder: false });
    expect(s).toMatchObject({ agentId: 'hint-assistant', callStartedAt: 1_000_000, callEndedAt: 1_003_000 });
    expect(t.hintStore.getState().hints.h1).toMatchObject({ status: 'interrupted', interruptedBy: 'reload' });
    expect(t.recorder.state.getState()).toMatchObject({ meetingId: IDS[0], restored: true, restoredAgentId: 'hint-assistant' });
    await vi.runAllTimersAsync();
    expect(t.saved).toHaveLength(1);
    expect(t.saved[0]).toMatchObject({ id: IDS[0], backend: 'local', model: 'gpt-realtime', startedAt: 1_000_000, endedAt: 1_003_000 });
    expect(t.saved[0]?.lines.map((l) => l.role)).toEqual(['user', 'hint', 'user']);
    expect(t.recorder.state.getState().save).toEqual({ status: 'saved', id: IDS[0] });
  });

  it('continuing a restored meeting keeps its id and clock, and saving again updates it', async () => {
    const first = setup();
    first.recorder.attach();
    first.connect();
    first.say('u1', 'Point one');
    first.disconnect();
    await vi.runAllTimersAsync();
    expect(first.saved).toHaveLength(1);

    const t = setup(first.storage);
    await t.recorder.restore();
    t.recorder.attach();
    expect(t.save).not.toHaveBeenCalled(); // already saved before the reload
    expect(t.recorder.historyToContinue()).toEqual([{ itemId: 'u1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Point one' }] }]);
    t.advance(60_000);
    t.connect(true);
    expect(t.store.getState()).toMatchObject({ callStartedAt: 1_000_000, callEndedAt: null });
    t.say('u2', 'Point two');
    t.disconnect();
    await vi.runAllTimersAsync();
    expect(t.saved.map((x) => [x.id, x.lines.length])).toEqual([[IDS[0], 2]]);
  });
});

describe('MeetingRecorder: saving', () => {
  it('saves a finished meeting once with its title, backend and voice; nothing said, nothing saved', async () => {
    const t = setup();
    t.recorder.attach();
    t.connect();
    t.disconnect();
    await vi.runAllTimersAsync();
    expect(t.save).not.toHaveBeenCalled();

    t.connect();
    t.say('u1', 'The board wants numbers by Friday');
    t.advance(5_000);
    t.disconnect();
    await vi.runAllTimersAsync();
    expect(t.saved).toHaveLength(1);
    expect(t.saved[0]).toMatchObject({ id: IDS[1], title: 'The board wants numbers by Friday', agentId: 'hint-assistant', backend: 'local', voice: 'marin', endedAt: t.now() });
    expect(t.recorder.state.getState().save).toEqual({ status: 'saved', id: IDS[1] });
    expect(readSnapshot(t.storage)?.unsaved).toBe(false);
  });

  it('a refused save says why and can be retried; an unreachable server too', async () => {
    let answer: 'fail' | 'throw' | 'ok' = 'fail';
    const t = setup(new MemoryStorage(), async (input) => {
      if (answer === 'fail') return fail('internal', 'Something went wrong on the server. Try again.');
      if (answer === 'throw') throw new TypeError('fetch failed');
      return ok({ id: input.id });
    });
    t.recorder.attach();
    t.connect();
    t.say('u1', 'hello');
    t.disconnect();
    await vi.runAllTimersAsync();
    expect(t.recorder.state.getState().save).toEqual({ status: 'failed', message: 'Something went wrong on the server. Try again.', retryable: true });
    expect(t.recorder.hasUnsavedChanges).toBe(true);
    answer = 'throw';
    await t.recorder.retrySave();
    expect(t.recorder.state.getState().save).toMatchObject({ status: 'failed', message: expect.stringContaining('could not be reached') });
    answer = 'ok';
    await t.recorder.retrySave();
    expect(t.recorder.state.getState().save).toEqual({ status: 'saved', id: IDS[0] });
    expect(t.recorder.hasUnsavedChanges).toBe(false);
  });

  it('a meeting too long to save is not sent, and the page says so', async () => {
    const t = setup();
    t.recorder.attach();
    t.connect();
    t.store.getState().actions.restoreCall({
      rows: Array.from({ length: 5_001 }, (_, i) => ({ id: `u${i}`, role: 'user' as const, text: `line ${i}`, partial: '', status: 'completed' as const, source: 'voice' as const, placeholder: false, at: i })),
      startedAt: 0,
      endedAt: null,
      agentId: 'hint-assistant',
    });
    t.disconnect();
    await vi.runAllTimersAsync();
    expect(t.save).not.toHaveBeenCalled();
    expect(t.recorder.state.getState().save).toMatchObject({ status: 'failed', retryable: false, message: expect.stringContaining('too long to save: 5,001 lines') });
  });

  it('a new meeting clears the screen and the tab’s copy', async () => {
    const t = setup();
    t.recorder.attach();
    t.connect();
    t.say('u1', 'old meeting');
    t.hintStore.getState().putHint(t.card('u1', 'done'));
    t.disconnect();
    t.recorder.startNew();
    expect(t.store.getState()).toMatchObject({ callStartedAt: null, transcript: { order: [] } });
    expect(t.hintStore.getState().hints).toEqual({});
    expect(t.storage.getItem(MEETING_STORAGE_KEY)).toBeNull();
    expect(t.recorder.historyToContinue()).toBeUndefined();
  });
});

describe('newMeetingId', () => {
  it('makes v4 UUIDs, also without crypto.randomUUID', async () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newMeetingId()).toMatch(v4);
    const own = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newMeetingId()).toMatch(v4);
    } finally {
      if (own) Object.defineProperty(crypto, 'randomUUID', own);
      else delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe('function');
  });
});
