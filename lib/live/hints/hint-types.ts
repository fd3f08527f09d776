import type { TransportEvent } from '@openai/agents-realtime';
import type { HintKind } from '@/lib/live/settings/schema';

/** Agents whose sessions take hints. */
export const HINT_AGENT_IDS: readonly string[] = ['hint-assistant'];


/** What asked for a hint. */
export type HintSource = 'phrase' | 'button' | 'shortcut';

/**
 * requested: `response.create` sent (maybe queued behind another response)
 * speaking:  the response started (audio may be playing)
 * done:      finished and played out
 * interrupted: stopped by an interrupt phrase, the Interrupt button or Esc
 * failed:    the service refused or failed the response
 */
export type HintStatus = 'requested' | 'speaking' | 'done' | 'interrupted' | 'failed';

/** One hint as the page shows it: a card in the transcript and the live hint indicator. */
export type HintCard = {
  requestId: string;
  kind: HintKind;
  /** The trigger phrase as configured, or 'button' / 'shortcut'. */
  trigger: string;
  source: HintSource;
  /** Epoch ms of the request. */
  requestedAt: number;
  /** Messages sent as the hint's context. */
  contextMessages: number;
  responseId: string | null;
  /** The assistant item that carries the hint's words (known once the response adds it). */
  itemId: string | null;
  status: HintStatus;
  /** What stopped it: the interrupt phrase, 'button', 'shortcut' (Esc). */
  interruptedBy: string | null;
};

/** Counters for the hint controls. */
export type HintStats = {
  /** Hints fired in this call (reconnects keep counting). */
  fired: number;
  /** Per-call cap, null = unlimited. */
  cap: number | null;
  /** Why the last trigger did not fire, in words (cleared by the next hint). */
  lastSuppressed: string | null;
};

export const EMPTY_HINT_STATS: HintStats = Object.freeze({ fired: 0, cap: null, lastSuppressed: null });

export function isFinished(card: HintCard): boolean {
  return card.status === 'done' || card.status === 'interrupted' || card.status === 'failed';
}

/** What the hint session needs from the realtime controller. */
export type HintHost = {
  requestResponse(response: Record<string, unknown>): boolean;
  /** Add a typed user message; `triggerResponse: false` = context only, no reply. */
  sendText(text: string, options: { triggerResponse: boolean }): boolean;
  /** Silence playback now, then cancel upstream: `responseId` by name (an out-of-band hint needs it), and whatever else is in progress. */
  interrupt(responseId?: string): void;
  onServerEvent(listener: (event: TransportEvent) => void): () => void;
  onSessionStart(listener: (start: { resumed: boolean }) => void): () => void;
  onSessionEnd(listener: (end: { reason: 'lost' | 'ended' }) => void): () => void;
};
