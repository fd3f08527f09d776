/** Shapes shared by the realtime store, the controller and the live page. No runtime code here. */

export type RealtimeStatus = 'disconnected' | 'connecting' | 'connected' | 'listening' | 'speaking' | 'muted';
export type ConnectionState = 'disconnected' | 'connecting' | 'connected';
export type Backend = 'local' | 'openai';
export type TransportKind = 'webrtc' | 'websocket';

/**
 * An error as the user sees it: `code` for logic, `message` in plain words. `retryAt` (epoch ms):
 * the service asked us to wait until then (Retry-After); the page counts down to it.
 */
export type RealtimeError = { code: string; message: string; retryAt?: number };

export type TranscriptRole = 'user' | 'assistant';
type TranscriptStatus = 'in_progress' | 'completed' | 'incomplete';

/**
 * One row of a live conversation as the page shows it: the SDK's history item plus the live
 * partial text from deltas. A view, not a saved utterance: a feature that keeps a transcript
 * maps rows to `TranscriptItem` (lib/contracts/transcript).
 */
export type TranscriptRow = {
  id: string;
  role: TranscriptRole;
  /** Settled text from the session history (transcript or typed text). */
  text: string;
  /** Live text from deltas that the history does not carry yet. Shown while `text` is empty. */
  partial: string;
  status: TranscriptStatus;
  /** How the item entered the conversation: spoken audio or typed text. */
  source: 'voice' | 'text';
  /** True while the item is known only from deltas (the history has not reported it yet). */
  placeholder: boolean;
  /** Epoch ms when the page first saw the item. */
  at: number;
};

/**
 * Transcript keyed by item id plus the display order. A delta replaces one entry of `byId`
 * IN PLACE (O(1) however long the meeting) and bumps `rev`; `order` changes only when an
 * item is added or removed. Items themselves are immutable, so a row that selects its own
 * item re-renders only when that item changed. Never keep a `byId` across updates.
 */
export type TranscriptState = {
  order: readonly string[];
  byId: Readonly<Record<string, TranscriptRow>>;
  /** Bumped on every change (deltas included). */
  rev: number;
};

/** 'note' = something the app itself reports (a reconnect, a hint suppressed by a rule). */
export type EventDirection = 'client' | 'server' | 'note';

export type EventLogEntry = {
  id: number;
  /** Epoch ms of the (first) event. */
  at: number;
  direction: EventDirection;
  type: string;
  /** The event as sent or received, with audio payloads replaced by their size. */
  payload: unknown;
  /** Consecutive audio chunks of one type are folded into one entry; this counts them. */
  count: number;
};
