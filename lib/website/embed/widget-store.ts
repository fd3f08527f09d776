import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FieldError } from '@/lib/contracts/action-result';
import type { ConversationPhase, KnowledgeHit, WidgetBooking, WidgetSlot } from '@/lib/contracts/website';
import type { WidgetMode } from './widget-api';

/** What the embedded widget shows around the conversation (the realtime store holds the conversation itself). */
type WidgetPhase = 'intro' | 'connecting' | 'live' | 'ended' | 'refused';

type WidgetState = {
  phase: WidgetPhase;
  mode: WidgetMode | null;
  /** Why voice became text, and how to get the microphone back. */
  fallback: { reason: string; help: string | null } | null;
  /** A refusal or failure, in words. */
  message: string | null;
  /** The pages the last answer came from. */
  sources: KnowledgeHit[];
  /** The lead form is open (the assistant asked, or the visitor clicked). */
  leadForm: { challenge: string; fieldErrors: FieldError[]; sending: boolean; error: string | null } | null;
  leadSavedFor: string | null;
  /** Free discovery-call slots, once the assistant listed them. */
  slots: WidgetSlot[] | null;
  bookingForm: { slot: WidgetSlot; fieldErrors: FieldError[]; sending: boolean; error: string | null } | null;
  booking: WidgetBooking | null;
  /** Where the conversation has got to (opening … close), for analytics and tests. */
  conversationPhase: ConversationPhase;
};

export type WidgetStore = StoreApi<WidgetState>;

export function createWidgetStore(): WidgetStore {
  return createStore<WidgetState>(() => ({ phase: 'intro', mode: null, fallback: null, message: null, sources: [], leadForm: null, leadSavedFor: null, slots: null, bookingForm: null, booking: null, conversationPhase: 'opening' }));
}
