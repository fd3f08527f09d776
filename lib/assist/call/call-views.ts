import type { CallAlert, CallSummary, CustomerContext, CustomerMatch, Disposition } from './call-types';
import type { Entities } from '../entities/detect';
import type { ActionProposal } from './proposals';
import type { Trend } from './sentiment';
import type { SummaryDraft } from '../summary/rubric';

/** What the server actions hand the assist page and the supervisor view. */

export type ChecklistItemView = { id: string; label: string; required: boolean; tickedAtSec: number | null };
export type TurnView = { seq: number; speaker: 'agent' | 'customer'; source: 'mic' | 'tab' | 'typed'; text: string; redacted: boolean; sentiment: number | null; atSec: number };

export type CallStarted = { id: string; callType: string; startedAt: string; checklist: ChecklistItemView[] };

export type TurnResult = {
  turn: TurnView;
  entities: Entities;
  /** The customer on the call (set once found; later turns keep it unless another is chosen). */
  context: CustomerContext | null;
  candidates: CustomerMatch[];
  notFound: string[];
  checklist: ChecklistItemView[];
  ticked: string[];
  alerts: CallAlert[];
  sentiments: number[];
  trend: Trend;
  proposals: ActionProposal[];
};

export type ActionDone = { id: string; kind: string; status: 'done' | 'failed'; result: string; confirmedBy: string; confirmedAt: string; outbox: { id: number; channel: string; status: string }[] };

/** Who drafted the after-call record: the model (OpenAI or the local one), or the rubric when the model failed (`note` says why). */
export type DraftedBy = { by: 'openai' | 'local' | 'rubric'; model: string | null; note: string | null };

export type CallEnded = { id: string; durationSec: number; draft: SummaryDraft; draftedBy: DraftedBy };

export type LiveCallView = {
  id: string;
  /** Who is on the call (null for a call taken before accounts). */
  agentName: string | null;
  callType: string;
  startedAt: string;
  durationSec: number;
  customerName: string | null;
  orderNumber: string | null;
  sentiments: number[];
  trend: Trend;
  alerts: CallAlert[];
  lastActivityAt: string;
  checklistDone: number;
  checklistTotal: number;
};

export type PastCallView = {
  id: string;
  startedAt: string;
  durationSec: number | null;
  customerName: string | null;
  orderNumber: string | null;
  disposition: Disposition | null;
  summary: CallSummary | null;
  status: 'ended' | 'saved';
};
