import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Debrief } from '@/lib/contracts/debrief';
import type { EndReason, PracticeSessionDetail, PracticeSessionSummary, SessionStatus } from '@/lib/contracts/practice-session';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import { type TranscriptItem } from '@/lib/contracts/transcript';
import { sortTranscript } from '@/lib/shared/transcript';
import type { ObjectionType, Sentiment, StoredTurnTag } from '@/lib/contracts/turn-tag';

/**
 * What a stored session means: its status, duration and counts, from the database's rows.
 * Pure; the row shapes are structural so this layer needs nothing from lib/server.
 */

type SessionFields = {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  difficulty: Difficulty;
  startedAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
  score: number | null;
};

/** A row of the session list: the session's columns plus its transcript counts. */
export type SessionListFields = SessionFields & { hasDebrief: boolean; itemCount: number; userItemCount: number; lastActivityAt: Date | null };

/** The session's full row, its utterances and its turn tags as stored. */
export type SessionRecord = {
  session: SessionFields & { scenario: Scenario; metrics: DeliveryMetrics | null; debrief: Debrief | null };
  items: readonly TranscriptItem[];
  tags: readonly { callId: string; itemId: string | null; createdAt: Date; objectionType: ObjectionType; difficulty: number; sentiment: Sentiment; nextProbe: string }[];
};

/** True once the user has said (or typed) anything; a call without it has nothing to score. */
export function userSpoke(items: readonly Pick<TranscriptItem, 'speaker'>[]): boolean {
  return items.some((i) => i.speaker === 'user');
}

export function sessionStatus(s: { endedAt: Date | null; hasDebrief: boolean; userItemCount: number }): SessionStatus {
  if (s.endedAt === null) return 'unfinished';
  if (s.hasDebrief) return 'completed';
  return s.userItemCount === 0 ? 'nothing_said' : 'debrief_pending';
}

/** What a session that ended before the user said anything shows in place of a debrief. */
export const NOTHING_SAID_NOTE = 'No debrief: the call ended before you said anything, so there was nothing to score. It does not count in your progress.';

/** Short words for a status badge; null for a completed session (its score says enough). */
export const STATUS_BADGES: Record<SessionStatus, string | null> = {
  unfinished: 'Unfinished',
  nothing_said: 'Nothing said · not scored',
  debrief_pending: 'No debrief yet',
  completed: null,
};

function durationSeconds(startedAt: Date, endedAt: Date | null): number | null {
  return endedAt ? Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000)) : null;
}

export function toSessionSummary(row: SessionListFields): PracticeSessionSummary {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    scenarioTitle: row.scenarioTitle,
    difficulty: row.difficulty,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
    status: sessionStatus(row),
    score: row.score,
    durationSeconds: durationSeconds(row.startedAt, row.endedAt),
    itemCount: row.itemCount,
    lastActivityAt: row.lastActivityAt,
  };
}

export function toSessionDetail({ session, items: rawItems, tags: tagRows }: SessionRecord): PracticeSessionDetail {
  const items: TranscriptItem[] = sortTranscript(
    rawItems.map((r) => ({ itemId: r.itemId, seq: r.seq, speaker: r.speaker, text: r.text, startedAt: r.startedAt, endedAt: r.endedAt })),
  );
  const tags: StoredTurnTag[] = tagRows.map((t) => ({
    callId: t.callId,
    itemId: t.itemId,
    createdAt: t.createdAt,
    objection_type: t.objectionType,
    difficulty: t.difficulty,
    sentiment: t.sentiment,
    next_probe: t.nextProbe,
  }));
  const lastActivityAt = items.reduce<Date | null>((m, i) => {
    const t = i.endedAt ?? i.startedAt;
    return m === null || t > m ? t : m;
  }, null);
  const summary = toSessionSummary({
    ...session,
    hasDebrief: session.debrief !== null,
    itemCount: items.length,
    userItemCount: items.filter((i) => i.speaker === 'user').length,
    lastActivityAt,
  });
  return { ...summary, scenario: session.scenario, metrics: session.metrics, debrief: session.debrief, items, tags };
}
