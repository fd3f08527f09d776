'use client';

import Link from 'next/link';
import { useCallStore, usePracticeCall } from '@/lib/practice/call/use-practice-call';
import type { Scenario } from '@/lib/contracts/scenario';
import { DebriefView } from './debrief-view';

const REASON_WORDS = {
  user: 'You ended the call.',
  time_limit: 'Time is up: the call ended at the scenario’s limit.',
  disconnected: 'The call ended after the connection was lost.',
} as const;

/** After End: saving and scoring, a failure with a way to try again, then the debrief. */
export function CallEnding({ scenario }: { scenario: Scenario }) {
  const call = usePracticeCall();
  const phase = useCallStore((s) => s.phase);
  const result = useCallStore((s) => s.result);
  const endError = useCallStore((s) => s.endError);
  const endReason = useCallStore((s) => s.endReason);
  const notice = useCallStore((s) => s.notice);
  const endedEarlier = useCallStore((s) => s.endedEarlier);

  if (phase === 'ending') {
    return (
      <section role="status" data-testid="call-scoring" className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <div className="mx-auto h-8 w-8 animate-spin rounded-full border-4 border-cue/20 border-t-cue" aria-hidden />
        <p className="mt-4 font-medium text-ink">Saving the call and writing your debrief…</p>
        <p className="mt-1 text-sm text-slate-500">This takes a few seconds.</p>
      </section>
    );
  }

  if (phase === 'end_failed' || !result) {
    return (
      <section role="alert" data-testid="call-end-failed" className="rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-900">
        <h1 className="text-lg font-semibold">The debrief could not be produced</h1>
        <p className="mt-2 text-sm">{endError?.message ?? 'Something went wrong while ending the call.'}</p>
        <div className="mt-4 flex gap-3">
          <button type="button" data-testid="end-retry-button" onClick={() => void call.end(endReason ?? 'user')} className="rounded-lg bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800">
            Try again
          </button>
          <Link href="/history" className="rounded-lg border border-rose-300 px-4 py-2 text-sm font-medium hover:bg-rose-100">
            Go to history
          </Link>
        </div>
      </section>
    );
  }

  return (
    <div className="space-y-4" data-testid="call-ended" data-ended-earlier={endedEarlier}>
      {endedEarlier ? (
        <p role="status" data-testid="call-already-ended" className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm text-slate-700 shadow-sm">
          <strong className="font-semibold text-ink">This call has ended.</strong> It cannot be joined again; its debrief is below. Start a new
          one with Practise again.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{endReason ? REASON_WORDS[endReason] : 'Call ended.'}</p>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Debrief: {scenario.title}</h1>
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <Link href="/practice" data-testid="practice-again-link" className="rounded-lg bg-cue px-4 py-2 font-semibold text-white hover:bg-indigo-700">
            Practise again
          </Link>
          <Link href={`/history?scenario=${encodeURIComponent(result.scenarioId)}`} data-testid="progress-link" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
            See progress
          </Link>
          <Link href={`/history/${result.id}`} data-testid="full-transcript-link" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
            Full transcript
          </Link>
        </div>
      </div>
      {notice ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <DebriefView session={result} />
    </div>
  );
}
