import Link from 'next/link';
import type { PracticeSessionSummary } from '@/lib/contracts/practice-session';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { formatDateTime, formatDuration } from '@/lib/shared/format';

/** Sessions newest first: scenario, when, difficulty, score, duration; unfinished ones marked. */
export function SessionList({ sessions }: { sessions: readonly PracticeSessionSummary[] }) {
  if (sessions.length === 0) {
    return (
      <p data-testid="history-empty" className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        No practice sessions yet. <Link href="/practice" className="font-medium text-cue hover:underline">Start one</Link>.
      </p>
    );
  }
  return (
    <ul data-testid="session-list" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {sessions.map((s) => (
        <li key={s.id} data-testid="session-row" data-session-id={s.id} data-status={s.status}>
          <Link href={`/history/${s.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50">
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-ink">{s.scenarioTitle}</span>
              <span className="block text-xs text-slate-500">
                {formatDateTime(s.startedAt)} · {DIFFICULTY_PROFILES[s.difficulty].label} · {s.itemCount} utterances
              </span>
            </span>
            {s.status === 'unfinished' ? (
              <span data-testid="unfinished-badge" className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
                Unfinished
              </span>
            ) : null}
            {s.status === 'debrief_pending' ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">No debrief yet</span> : null}
            <span className="w-20 text-right text-sm tabular-nums text-slate-600">{s.durationSeconds === null ? '—' : formatDuration(s.durationSeconds)}</span>
            <span data-testid="session-score" className="w-14 text-right text-lg font-semibold tabular-nums text-ink">
              {s.score === null ? '—' : `${s.score}`}
              {s.score === null ? null : <span className="text-xs font-normal text-slate-500">/10</span>}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
