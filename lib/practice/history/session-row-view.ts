import type { PracticeSessionSummary, SessionStatus } from '@/lib/contracts/practice-session';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { formatDateTime, formatDuration } from '@/lib/shared/format';
import { STATUS_BADGES } from './session-record';

/**
 * A session-list row with its words already chosen and its dates formatted on the server,
 * so the client list gets a few short strings per row (and never formats a date in another
 * time zone than the server's).
 */
export type SessionRowView = {
  id: string;
  title: string;
  when: string;
  difficulty: string;
  utterances: number;
  status: SessionStatus;
  badge: string | null;
  duration: string;
  score: number | null;
};

export function toSessionRowView(s: PracticeSessionSummary): SessionRowView {
  return {
    id: s.id,
    title: s.scenarioTitle,
    when: formatDateTime(s.startedAt),
    difficulty: DIFFICULTY_PROFILES[s.difficulty].label,
    utterances: s.itemCount,
    status: s.status,
    badge: STATUS_BADGES[s.status],
    duration: s.durationSeconds === null ? '—' : formatDuration(s.durationSeconds),
    score: s.score,
  };
}
