import Link from 'next/link';
import type { LiveSessionSummary } from '@/lib/live/meeting/saved-meeting';
import { formatDateTime, formatDuration } from '@/lib/shared/format';

/** Saved live meetings, newest first: title, when, how long, lines and hints. */
export function MeetingList({ meetings, empty }: { meetings: readonly LiveSessionSummary[]; empty: string }) {
  if (meetings.length === 0) {
    return (
      <p data-testid="meetings-empty" className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
        {empty}
      </p>
    );
  }
  return (
    <ul data-testid="meeting-list" className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      {meetings.map((m) => (
        <li key={m.id} data-testid="meeting-row" data-meeting-id={m.id}>
          <Link href={`/live/history/${m.id}`} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50">
            <span className="min-w-0 flex-1">
              <span className="block truncate font-medium text-ink">{m.title}</span>
              <span className="block text-xs text-slate-500">
                {formatDateTime(m.startedAt)} · {m.lineCount} {m.lineCount === 1 ? 'line' : 'lines'} · {m.hintCount} {m.hintCount === 1 ? 'hint' : 'hints'}
                {m.backend === 'local' ? ' · local engine' : ''}
              </span>
            </span>
            <span className="text-right text-sm tabular-nums text-slate-600">{formatDuration((m.endedAt.getTime() - m.startedAt.getTime()) / 1000)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
