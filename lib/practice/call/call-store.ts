import { createStore, type StoreApi } from 'zustand/vanilla';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import type { TurnTag } from '@/lib/contracts/turn-tag';
import type { HeldEscalation } from './escalation-driver';
import type { NoiseVerdict } from './noise-watch';
import type { SaveStatus } from './save-queue';

/**
 * What the practice call page shows besides the realtime transcript: the call's phase,
 * the persona's turn tags as they arrive, escalations, save progress and the result.
 * Written only by the PracticeCallController.
 */

/**
 * ready: not connected yet (or a connect failed; the realtime error says why)
 * connecting -> live -> (lost: the connection dropped; reconnect or end)
 * ending: saving the rest and running the debrief -> ended (result set) | end_failed (endError set)
 */
type CallPhase = 'ready' | 'connecting' | 'live' | 'lost' | 'ending' | 'ended' | 'end_failed';

export type LiveTag = TurnTag & { callId: string; itemId: string | null; at: number };
type EscalationNotice = { phrase: string; level: number; response: string; at: number; typed: boolean };
type CallError = { code: string; message: string };

export type CallData = {
  phase: CallPhase;
  /** Epoch ms of the first connect of this page (the call clock starts here). */
  clockStartedAt: number | null;
  /** Seconds already spent before this page (a call resumed after a reload). */
  clockOffsetSeconds: number;
  tags: LiveTag[];
  escalations: EscalationNotice[];
  /** Persona items cut off to make way for an escalation: hidden and not saved. */
  hiddenItemIds: readonly string[];
  save: SaveStatus;
  endError: CallError | null;
  result: PracticeSessionDetail | null;
  /** Why the call ended, for the words on the debrief. */
  endReason: 'user' | 'time_limit' | 'disconnected' | null;
  /** Words the user typed that could not be sent. */
  notice: string | null;
  /** The latest trigger phrase that was said but held back (cooldown or cap): it still counts in the debrief. */
  held: HeldEscalation | null;
  /** Continuous noise on the microphone is stalling the call (the page offers Mute / Type instead). */
  noise: NoiseVerdict | null;
  /** Epoch ms since the user's current spoken turn started (null: no open turn). */
  userTurnSince: number | null;
  /** The call had already ended before this page opened (e.g. Back after the debrief). */
  endedEarlier: boolean;
};

export type CallStore = StoreApi<CallData>;

const INITIAL_SAVE_STATUS: SaveStatus = { pending: 0, failed: 0, saved: 0, lastError: null };

export function createCallStore(initial: Partial<CallData> = {}): CallStore {
  return createStore<CallData>()(() => ({
    phase: 'ready',
    clockStartedAt: null,
    clockOffsetSeconds: 0,
    tags: [],
    escalations: [],
    hiddenItemIds: [],
    save: INITIAL_SAVE_STATUS,
    endError: null,
    result: null,
    endReason: null,
    notice: null,
    held: null,
    noise: null,
    userTurnSince: null,
    endedEarlier: false,
    ...initial,
  }));
}
