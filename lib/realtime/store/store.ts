import { createStore, type StoreApi } from 'zustand/vanilla';
import { appendLogEntry, EVENT_LOG_CAP, type NewLogEntry } from './event-log';
import type { RealtimeActions, RealtimeData, RealtimeState } from './store-types';
import { applyDelta, applyHistory, EMPTY_TRANSCRIPT } from './transcript';
import type { RealtimeStatus, TranscriptRow } from './types';

export type {    RealtimeState,    } from './store-types';
export type RealtimeStore = StoreApi<RealtimeState>;

type StatusInputs = Pick<RealtimeData, 'connection' | 'micActive' | 'muted' | 'playing'>;

/** One word for the status pill. Speaking wins over muted: the user needs to know the assistant is talking. */
export function deriveStatus({ connection, micActive, muted, playing }: StatusInputs): RealtimeStatus {
  if (connection !== 'connected') return connection;
  if (playing) return 'speaking';
  if (muted) return 'muted';
  if (micActive) return 'listening';
  return 'connected';
}

const initialRealtimeData: RealtimeData = {
  status: 'disconnected',
  connection: 'disconnected',
  micActive: false,
  muted: false,
  playing: false,
  inputLevel: 0,
  input: { source: 'none', tabIssue: null },
  backend: null,
  model: null,
  agentId: null,
  transport: null,
  tracing: false,
  error: null,
  reconnecting: null,
  callStartedAt: null,
  callEndedAt: null,
  transcript: EMPTY_TRANSCRIPT,
  events: [],
  eventSeq: 1,
};

export type CreateRealtimeStoreOptions = { initial?: Partial<RealtimeData>; eventLogCap?: number; now?: () => number };

export function createRealtimeStore({ initial, eventLogCap = EVENT_LOG_CAP, now = Date.now }: CreateRealtimeStoreOptions = {}): RealtimeStore {
  return createStore<RealtimeState>()((set, get) => {
    /** Set flags and recompute the status in the same update. */
    const setFlags = (patch: Partial<StatusInputs>) => {
      const s = get();
      const next = { connection: s.connection, micActive: s.micActive, muted: s.muted, playing: s.playing, ...patch };
      const changed = (Object.keys(patch) as (keyof StatusInputs)[]).some((k) => s[k] !== next[k]);
      if (!changed) return;
      const extra: Partial<RealtimeData> = {};
      // Leaving the connected state ends playback and capture with it.
      if (next.connection !== 'connected') {
        next.playing = false;
        next.micActive = false;
        extra.inputLevel = 0;
      }
      set({ ...next, ...extra, status: deriveStatus(next) });
    };

    const logPatch = (entry: NewLogEntry): Pick<RealtimeData, 'events' | 'eventSeq'> => {
      const { events, eventSeq } = get();
      const next = appendLogEntry(events, entry, eventSeq, eventLogCap);
      const grew = next.length !== events.length || next[next.length - 1]?.id !== events[events.length - 1]?.id;
      return { events: next, eventSeq: grew ? eventSeq + 1 : eventSeq };
    };

    const actions: RealtimeActions = {
      setConnection: (connection) => setFlags({ connection }),
      setSessionInfo: (info) => set({ ...info, tracing: info.tracing === true }),
      setMicActive: (micActive) => setFlags({ micActive }),
      setMuted: (muted) => {
        setFlags({ muted });
        if (muted && get().inputLevel !== 0) set({ inputLevel: 0 });
      },
      setPlaying: (playing) => setFlags({ playing }),
      setInputLevel: (level) => {
        const clamped = Math.max(0, Math.min(1, Number.isFinite(level) ? level : 0));
        if (get().inputLevel !== clamped) set({ inputLevel: clamped });
      },
      setInput: (input) => {
        const prev = get().input;
        if (prev.source !== input.source || prev.tabIssue !== input.tabIssue) set({ input });
      },
      setError: (error) => set({ error }),
      setReconnecting: (reconnecting) => set({ reconnecting }),
      startCall: (at) => set({ callStartedAt: at, callEndedAt: null }),
      endCall: (at) => {
        if (get().callStartedAt !== null && get().callEndedAt === null) set({ callEndedAt: at });
      },
      applyHistory: (history) => {
        const prev = get().transcript;
        const next = applyHistory(prev, history, now());
        if (next !== prev) set({ transcript: next });
      },
      applyTranscriptDelta: (delta) => {
        const prev = get().transcript;
        const next = applyDelta(prev, delta, now());
        if (next !== prev) set({ transcript: next });
      },
      logEvent: (entry) => set(logPatch(entry)),
      ingestServerEvent: (entry, delta) => {
        const patch: Partial<RealtimeData> = logPatch(entry);
        if (delta) {
          const prev = get().transcript;
          const next = applyDelta(prev, delta, now());
          if (next !== prev) patch.transcript = next;
        }
        set(patch);
      },
      note: (type, payload) => set(logPatch({ at: now(), direction: 'note', type, payload })),
      resetConversation: () => set({ transcript: EMPTY_TRANSCRIPT, events: [] }),
      restoreCall: ({ rows, startedAt, endedAt, agentId }) => {
        const byId: Record<string, TranscriptRow> = {};
        for (const row of rows) byId[row.id] = row;
        const transcript = { order: Object.keys(byId), byId, rev: get().transcript.rev + 1 };
        set({ transcript, callStartedAt: startedAt, callEndedAt: endedAt, agentId });
      },
    };

    const data: RealtimeData = { ...initialRealtimeData, ...initial };
    return { ...data, status: deriveStatus(data), actions };
  });
}
