import 'server-only';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import { userSpoke } from '@/lib/practice/history/session-record';
import { runDebrief, type RunDebriefOptions } from '@/lib/server/services/run-debrief';
import { getPracticeSessionDetail } from '@/lib/server/services/practice-history';
import { endPracticeSession, savePracticeDebrief } from '@/lib/server/db/queries';
import { db } from '@/lib/server/db/connection';
import { settleRealtimeUsage } from '@/lib/server/limits/realtime-minutes';
import type { EndReason, PracticeSessionDetail } from '@/lib/contracts/practice-session';

/**
 * End a practice call: mark it ended (first caller wins), measure the delivery
 * metrics, run the debrief (model or rubric) and save both. A call that ended before
 * the user said anything gets no debrief and no score (status nothing_said): there is
 * nothing to judge, and a placeholder score would count in progress.
 * Safe to call again: a finished session is returned as is; one that ended without a
 * debrief gets one. Concurrent calls for the same session share one debrief run.
 */

const inflight = new Map<string, Promise<PracticeSessionDetail | null>>();

export type FinishOptions = { sessionId: string; reason: EndReason; now?: Date; debrief?: RunDebriefOptions };

async function finish({ sessionId, reason, now = new Date(), debrief: debriefOptions }: FinishOptions): Promise<PracticeSessionDetail | null> {
  let session = await getPracticeSessionDetail({ id: sessionId });
  if (!session) return null;
  if (session.debrief && session.metrics) return session;
  if (!session.endedAt) {
    await endPracticeSession({ sessionId, endedAt: now, endReason: reason });
    // The call's realtime minutes now count what it used, not what it was granted.
    await settleRealtimeUsage(db(), { ref: sessionId }, now);
    session = await getPracticeSessionDetail({ id: sessionId });
    if (!session) return null;
  }
  if (!userSpoke(session.items)) return session;
  const metrics = computeDeliveryMetrics(session.items);
  const debrief = await runDebrief(
    { scenario: session.scenario, difficulty: session.difficulty, transcript: session.items, tags: session.tags, metrics },
    debriefOptions,
  );
  await savePracticeDebrief({ sessionId, metrics, debrief });
  return getPracticeSessionDetail({ id: sessionId });
}

export function finishPracticeSession(options: FinishOptions): Promise<PracticeSessionDetail | null> {
  const running = inflight.get(options.sessionId);
  if (running) return running;
  const job = finish(options).finally(() => inflight.delete(options.sessionId));
  inflight.set(options.sessionId, job);
  return job;
}
