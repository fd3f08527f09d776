'use client';

import Link from 'next/link';
import type { SessionStatus } from '@/lib/contracts/practice-session';
import type { SessionRowView } from '@/lib/practice/history/session-row-view';

/*
 * A client component on purpose: it gets compact rows (SessionRowView) instead of a server-rendered
 * element tree, which the page would otherwise carry twice (HTML and RSC payload) for every row.
 */

const BADGE_TONE: Record<SessionStatus, string> = {
  unfinished: 'bg-amber-100 text-amber-900',
  nothing_said: 'bg-slate-100 text-slate-700',
  debrief_pending: 'bg-slate-100 text-slate-700',
  completed: '',
};

/** One page of sessions, newest first: scenario, when, difficulty, score, duration; unscored ones say why. */
export function SessionList({ rows }: { rows: readonly SessionRowView[] }) {
  if (rows.length === 0) {
    return (
      <p data-testid="history-empty" className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        No practice sessions yet. <Link href="/practice" className="font-medium text-cue hover:underline">Start one</Link>.
      </p>
    );
  }
  return (
    <ul data-testid="session-list" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {rows.map((s) => (
        <li key={s.id} data-testid="session-row" data-session-id={s.id} data-status={s.status}>
          <Link href={`/history/${s.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50">
            <span className="min-w-0 basis-full sm:basis-0 sm:flex-1">
              <span className="block break-words font-medium text-ink">{s.title}</span>
              <span className="block text-xs text-slate-500">
                {s.when} · {s.difficulty} · {s.utterances} utterances
              </span>
            </span>
            <span className="ml-auto flex items-center gap-4">
              {s.badge ? (
                <span data-testid={s.status === 'unfinished' ? 'unfinished-badge' : 'status-badge'} className={`rounded-full px-2 py-0.5 text-xs font-medium ${BADGE_TONE[s.status]}`}>
                  {s.badge}
                </span>
              ) : null}
              <span className="text-right text-sm tabular-nums text-slate-600 sm:w-16">{s.duration}</span>
              <span data-testid="session-score" className="text-right text-lg font-semibold tabular-nums text-ink sm:w-14">
                {s.score === null ? '—' : s.score}
                {s.score === null ? null : <span className="text-xs font-normal text-slate-500">/10</span>}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
