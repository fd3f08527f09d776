import type { ActionResult } from '@/lib/contracts/action-result';
import type { PracticeSessionDetail } from '@/lib/contracts/practice-session';
import type { CallData, CallStore } from './call-store';
import { rememberEndedCall } from './ended-calls';
import type { EndReason, PracticeCallActions } from './practice-call-types';

/** How a practice call closes: End (save, end the session, debrief), or finding out it had already ended. */

type Closing = { sessionId: string; actions: PracticeCallActions; store: CallStore };

/** What the page shows for a call that had already ended (this tab's memory, or the server's answer). */
export function endedState(result: PracticeSessionDetail, endReason: CallData['endReason']): Partial<CallData> {
  return { phase: 'ended', result, endReason, endedEarlier: true };
}

/** End the session on the server and show the debrief; `saved` says whether every utterance reached the server. */
export async function endSession({ sessionId, actions, store }: Closing, reason: EndReason, saved: boolean): Promise<void> {
  let result: ActionResult<PracticeSessionDetail>;
  try {
    result = await actions.endPracticeSession({ sessionId, reason });
  } catch {
    result = { ok: false, error: { code: 'network', message: 'The Cue server could not be reached to end the call.' } };
  }
  if (!result.ok) {
    store.setState({ phase: 'end_failed', endError: { code: result.error.code, message: `${result.error.message} Your transcript so far is saved; try again.` } });
    return;
  }
  store.setState({
    phase: 'ended',
    result: result.data,
    notice: saved ? null : 'Some of the last words could not be saved, so the debrief may miss them.',
  });
  rememberEndedCall(sessionId, { result: result.data, endReason: reason });
}

/** Ask the server whether the session is still open; if it ended, show its debrief instead of the briefing. */
export async function showIfEnded({ sessionId, actions, store }: Closing): Promise<void> {
  let result: ActionResult<PracticeSessionDetail>;
  try {
    result = await actions.getSession({ sessionId });
  } catch {
    return; // Unreachable server: the page keeps its briefing, and joining says what failed.
  }
  const phase = store.getState().phase;
  if (!result.ok || result.data.status === 'unfinished' || (phase !== 'ready' && phase !== 'connecting')) return;
  rememberEndedCall(sessionId, { result: result.data, endReason: result.data.endReason });
  store.setState(endedState(result.data, result.data.endReason));
}
