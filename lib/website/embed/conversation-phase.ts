import { CONVERSATION_PHASES, type ConversationPhase } from '@/lib/contracts/website';

/**
 * Where a website conversation has got to, from what happened in it (no model needed):
 * opening (connected, the visitor has not said anything yet) → discovery (the visitor spoke or
 * typed) → positioning (the assistant answered from the site's pages) → conversion (the lead form
 * or the free slots are offered) → close (details left or a call booked). A phase only moves
 * forward; the dashboard counts where conversations ended ("drop-off by phase").
 */
export type PhaseSignal = 'visitor_turn' | 'knowledge_answer' | 'offer' | 'converted';

const REACHES: Record<PhaseSignal, ConversationPhase> = {
  visitor_turn: 'discovery',
  knowledge_answer: 'positioning',
  offer: 'conversion',
  converted: 'close',
};

export function nextPhase(current: ConversationPhase, signal: PhaseSignal): ConversationPhase {
  const target = REACHES[signal];
  return CONVERSATION_PHASES.indexOf(target) > CONVERSATION_PHASES.indexOf(current) ? target : current;
}
