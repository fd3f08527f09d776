import type { RealtimeItem } from '@openai/agents-realtime';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { appendLogEntry, EVENT_LOG_CAP, type NewLogEntry } from './event-log';
import { applyDelta, applyHistory, EMPTY_TRANSCRIPT, type TranscriptDelta } from './transcript';
import type {
  Backend,
  ConnectionState,
  EventLogEntry,
  RealtimeError,
  RealtimeStatus,
  TranscriptState,
  TransportKind,
} from './types';

/** What the live page renders. Written only by the controller (through `actions`). */
export type RealtimeData = {
  /** Derived from connection/micActive/muted/playing; never set directly. */
  status: RealtimeStatus;
  connection: ConnectionState;
  /** The mic (or other input) is streaming to the session. */
  micActive: boolean;
  muted: boolean;
  /** Assistant audio is playing. */
  playing: boolean;
  /** RMS of the latest input chunk, 0..1 (0 while muted). */
  inputLevel: number;
  backend: Backend | null;
  model: string | null;
  agentId: string | null;
  transport: TransportKind | null;
  error: RealtimeError | null;
  transcript: TranscriptState;
  events: EventLogEntry[];
  /** Id of the next event log entry. */
  eventSeq: number;
};

export type SessionInfo = { backend: Backend; model: string; agentId: string; transport: TransportKind };

export type RealtimeActions = {
  setConnection(connection: ConnectionState): void;
  setSessionInfo(info: SessionInfo): void;
  setMicActive(active: boolean): void;
  setMuted(muted: boolean): void;
  setPlaying(playing: boolean): void;
  setInputLevel(level: number): void;
  setError(error: RealtimeError | null): void;
  applyHistory(history: readonly RealtimeItem[]): void;
  applyTranscriptDelta(delta: TranscriptDelta): void;
  logEvent(entry: NewLogEntry): void;
  /** Clear transcript and event log for a fresh session. */
  resetConversation(): void;
};

export type RealtimeState = RealtimeData & { actions: RealtimeActions };
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

export const initialRealtimeData: RealtimeData = {
  status: 'disconnected',
  connection: 'disconnected',
  micActive: false,
  muted: false,
  playing: false,
  inputLevel: 0,
  backend: null,
  model: null,
  agentId: null,
  transport: null,
  error: null,
  transcript: EMPTY_TRANSCRIPT,
  events: [],
  eventSeq: 1,
};

export type CreateRealtimeStoreOptions = { initial?: Partial<RealtimeData>; eventLogCap?: number };

export function createRealtimeStore({ initial, eventLogCap = EVENT_LOG_CAP }: CreateRealtimeStoreOptions = {}): RealtimeStore {
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

    const actions: RealtimeActions = {
      setConnection: (connection) => setFlags({ connection }),
      setSessionInfo: (info) => set(info),
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
      setError: (error) => set({ error }),
      applyHistory: (history) => {
        const prev = get().transcript;
        const next = applyHistory(prev, history);
        if (next !== prev) set({ transcript: next });
      },
      applyTranscriptDelta: (delta) => {
        const prev = get().transcript;
        const next = applyDelta(prev, delta);
        if (next !== prev) set({ transcript: next });
      },
      logEvent: (entry) => {
        const { events, eventSeq } = get();
        const next = appendLogEntry(events, entry, eventSeq, eventLogCap);
        const grew = next.length !== events.length || next[next.length - 1]?.id !== events[events.length - 1]?.id;
        set({ events: next, eventSeq: grew ? eventSeq + 1 : eventSeq });
      },
      resetConversation: () => set({ transcript: EMPTY_TRANSCRIPT, events: [] }),
    };

    const data: RealtimeData = { ...initialRealtimeData, ...initial };
    return { ...data, status: deriveStatus(data), actions };
  });
}
