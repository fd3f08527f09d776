import { createStore } from 'zustand/vanilla';
import type { CallAlert, CustomerContext, CustomerMatch } from '../call/call-types';
import type { ActionDone, CallEnded, CallStarted, ChecklistItemView, TurnView } from '../call/call-views';
import type { ActionProposal } from '../call/proposals';
import type { Trend } from '../call/sentiment';
import type { SuggestSource } from '../suggest/suggest-events';
import type { Channel, ChannelState } from '@/lib/realtime/session/channel-transcriber';

/** The /assist page's state: one call at a time, everything the panels show. */

type Phase = 'idle' | 'starting' | 'live' | 'ending' | 'after' | 'saved';
type ToolCallView = { name: string; args: string; summary: string | null };
export type Suggestion = {
  status: 'idle' | 'streaming' | 'done' | 'error';
  text: string;
  tools: ToolCallView[];
  sources: SuggestSource[];
  message: string | null;
  ms: number | null;
  requestChars: number | null;
  question: string | null;
};

export type AssistState = {
  phase: Phase;
  call: CallStarted | null;
  lines: TurnView[];
  context: CustomerContext | null;
  candidates: CustomerMatch[];
  notFound: string[];
  checklist: ChecklistItemView[];
  alerts: CallAlert[];
  sentiments: number[];
  trend: Trend;
  proposals: ActionProposal[];
  done: ActionDone[];
  suggestion: Suggestion;
  ended: CallEnded | null;
  /** Where something went wrong, in words: shown beside the part it concerns. */
  errors: { call: string | null; turn: string | null; action: string | null; save: string | null };
  channels: Record<Channel, ChannelState>;
  /** ms from sending a customer turn to the panel showing its customer (the last one). */
  panelMs: number | null;
};

export const IDLE_SUGGESTION: Suggestion = { status: 'idle', text: '', tools: [], sources: [], message: null, ms: null, requestChars: null, question: null };

export const initialAssistState = (): AssistState => ({
  phase: 'idle', call: null, lines: [], context: null, candidates: [], notFound: [], checklist: [], alerts: [], sentiments: [], trend: 'steady',
  proposals: [], done: [], suggestion: IDLE_SUGGESTION, ended: null, errors: { call: null, turn: null, action: null, save: null },
  channels: { mic: { status: 'off', message: null }, tab: { status: 'off', message: null } }, panelMs: null,
});

export const createAssistStore = () => createStore<AssistState>()(() => initialAssistState());
export type AssistStore = ReturnType<typeof createAssistStore>;
