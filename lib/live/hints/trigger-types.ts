import type { HintKind, HintSettings } from '@/lib/live/settings/schema';

export type TriggerMatcherSettings = Pick<HintSettings, 'triggers' | 'doNotTrigger' | 'cooldownSeconds' | 'perCallCap'>;

/** Two presses of the same button within this window are one press (double click, key repeat). */
export const BUTTON_DEBOUNCE_MS = 750;

export type TriggerSource = 'phrase' | 'button';
type SuppressReason = 'do_not_trigger' | 'cooldown' | 'cap_reached' | 'debounce';

type TriggerFire = {
  action: HintKind;
  /** The trigger phrase as configured; null for a button or shortcut. */
  phrase: string | null;
  /** Transcription item whose words fired it; null for a button. */
  itemId: string | null;
  source: TriggerSource;
  at: number;
  /** Hints fired in this call so far, this one included. */
  count: number;
};

export type TriggerSuppression = {
  reason: SuppressReason;
  action: HintKind;
  phrase: string | null;
  itemId: string | null;
  source: TriggerSource;
  /** The do-not-trigger phrase that blocked it. */
  blockedBy?: string;
  /** For 'cooldown': how long until a phrase can fire again. */
  retryInMs?: number;
};

export type TriggerResult = { fired: TriggerFire } | { suppressed: TriggerSuppression } | null;

type TriggerMatcherState = { fired: number; cap: number | null; remaining: number | null; cooldownRemainingMs: number };

export type TriggerMatcher = {
  /** A `conversation.item.input_audio_transcription.delta`: the fragment, not the text so far. */
  feedDelta(itemId: string, delta: string, now: number): TriggerResult;
  /** `...transcription.completed`: ends the utterance (catches utterances that streamed no deltas). */
  feedCompleted(itemId: string, transcript: string, now: number): TriggerResult;
  /** Quick Hint / Full Guidance button or shortcut. */
  manual(action: HintKind, now: number): TriggerResult;
  /** Forget the last button press (after an interrupt, asking again at once is deliberate, not a double click). */
  clearDebounce(): void;
  /** Forget an utterance whose transcription failed. */
  dropUtterance(itemId: string): void;
  updateSettings(settings: TriggerMatcherSettings): void;
  /** A new call: counters, cooldown and utterances are cleared. */
  reset(): void;
  getState(now: number): TriggerMatcherState;
};
