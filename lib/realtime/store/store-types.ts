import type { RealtimeItem } from '@openai/agents-realtime';
import type { NewLogEntry } from './event-log';
import type { TranscriptDelta } from './transcript';
import type {
  Backend,
  ConnectionState,
  EventLogEntry,
  RealtimeError,
  RealtimeStatus,
  TranscriptRow,
  TranscriptState,
  TransportKind,
} from './types';

/** What the session hears, and why tab audio is missing when it was asked for. */
type InputState = {
  source: 'none' | 'mic' | 'mic+tab';
  tabIssue: 'declined' | 'no_audio' | 'ended' | 'failed' | null;
};

export type ReconnectState = { attempt: number; maxAttempts: number };

/** What the live page renders. Written only through `actions` (the controller, and features that note events). */
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
  input: InputState;
  backend: Backend | null;
  model: string | null;
  agentId: string | null;
  transport: TransportKind | null;
  /** OpenAI tracing is on for the live session (its audio and text go to the key's traces). */
  tracing: boolean;
  error: RealtimeError | null;
  /** Set while the controller reconnects a dropped session on its own. */
  reconnecting: ReconnectState | null;
  /** Epoch ms the call started (kept across reconnects), and when it ended. */
  callStartedAt: number | null;
  callEndedAt: number | null;
  transcript: TranscriptState;
  events: EventLogEntry[];
  /** Id of the next event log entry. */
  eventSeq: number;
};

type RestoredCall = { rows: readonly TranscriptRow[]; startedAt: number | null; endedAt: number | null; agentId: string | null };

type SessionInfo = { backend: Backend; model: string; agentId: string; transport: TransportKind; tracing?: boolean };

export type RealtimeActions = {
  setConnection(connection: ConnectionState): void;
  setSessionInfo(info: SessionInfo): void;
  setMicActive(active: boolean): void;
  setMuted(muted: boolean): void;
  setPlaying(playing: boolean): void;
  setInputLevel(level: number): void;
  setInput(input: InputState): void;
  setError(error: RealtimeError | null): void;
  setReconnecting(state: ReconnectState | null): void;
  startCall(at: number): void;
  endCall(at: number): void;
  applyHistory(history: readonly RealtimeItem[]): void;
  applyTranscriptDelta(delta: TranscriptDelta): void;
  logEvent(entry: NewLogEntry): void;
  /** One server event: its log entry and (if any) its transcript delta, in one update. */
  ingestServerEvent(entry: NewLogEntry, delta: TranscriptDelta | null): void;
  /** A note from the app in the event log (reconnects, suppressed triggers...). */
  note(type: string, payload: Record<string, unknown>): void;
  /** Clear transcript and event log for a fresh call. */
  resetConversation(): void;
  /** Show a call kept elsewhere (e.g. across a page reload): its rows, times and agent. Nothing is sent. */
  restoreCall(call: RestoredCall): void;
};

export type RealtimeState = RealtimeData & { actions: RealtimeActions };
