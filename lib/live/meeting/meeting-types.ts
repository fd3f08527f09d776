import type { StoreApi } from 'zustand/vanilla';
import type { ActionResult } from '@/lib/contracts/action-result';
import type { HintStore } from '@/lib/live/hints/hint-store';
import type { RealtimeStore } from '@/lib/realtime/store/store';
import type { Backend } from '@/lib/realtime/store/types';
import type { SaveLiveSessionInput } from './saved-meeting';

/** The meeting recorder's state (what the page shows about the meeting) and what it needs. */

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; id: string }
  | { status: 'failed'; message: string; retryable: boolean };

export type MeetingState = {
  meetingId: string | null;
  save: SaveState;
  /** The transcript on screen came back from before the page reloaded. */
  restored: boolean;
  /** The agent of a restored meeting (the page selects it). */
  restoredAgentId: string | null;
  /** Whether this tab keeps a copy that survives a reload: 'full' = the browser refused to store it. */
  tabCopy: 'ok' | 'unavailable' | 'full';
};

export type MeetingStore = StoreApi<MeetingState>;

/** What the recorder needs from the realtime controller. */
type MeetingHost = {
  onSessionStart(listener: (start: { resumed: boolean }) => void): () => void;
  onSessionEnd(listener: (end: { reason: 'lost' | 'ended' }) => void): () => void;
};

export type MeetingRecorderOptions = {
  host: MeetingHost;
  store: RealtimeStore;
  hintStore: HintStore;
  /** The tab's storage (sessionStorage); null where there is none. */
  storage: Storage | null;
  /** Saves a finished meeting (the server action). */
  save: (input: SaveLiveSessionInput) => Promise<ActionResult<{ id: string }>>;
  /** The backend the server uses, for a meeting whose session never said. */
  backend: Backend;
  voice: () => string | null;
  now?: () => number;
  newId?: () => string;
  /** A change is written to the tab's copy at most this often. */
  writeDelayMs?: number;
};
