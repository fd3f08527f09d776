import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import type { CallData } from './call-store';

/**
 * Calls this tab has ended, with their debriefs. Back from "Full transcript" restores the
 * call page from the router's cache (rendered while the call was open); the page then
 * shows the debrief again instead of a briefing for a call that cannot be joined.
 * In memory for the life of the tab: a reload asks the server, which redirects.
 */

export type EndedCall = { result: PracticeSessionDetail; endReason: CallData['endReason'] };

const ended = new Map<string, EndedCall>();
const MAX_REMEMBERED = 20;

export function rememberEndedCall(sessionId: string, call: EndedCall): void {
  ended.delete(sessionId);
  ended.set(sessionId, call);
  if (ended.size > MAX_REMEMBERED) ended.delete(ended.keys().next().value!);
}

export function endedCall(sessionId: string): EndedCall | null {
  return ended.get(sessionId) ?? null;
}

/** Tests only: forget every ended call. */
export function forgetEndedCalls(): void {
  ended.clear();
}
