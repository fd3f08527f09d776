import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { NotYours } from '@/components/accounts/not-yours';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getSession } from '@/app/actions/practice';
import { getSessionReview } from '@/app/actions/review';
import { CoachReviewPanel } from '@/components/history/coach-review-panel';
import { DeleteSessionButton } from '@/components/history/delete-session-button';
import { ExportMarkdownButton } from '@/components/history/export-markdown-button';
import { formatDateTime, formatDuration } from '@/lib/shared/format';
import { TaggedTranscript } from '@/components/history/tagged-transcript';
import { DebriefView } from '@/components/practice/debrief-view';
import { PageError } from '@/components/practice/page-error';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { historyHref } from '@/lib/practice/history/history-url';

export const metadata: Metadata = { title: 'Practice session — Cue' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ sessionId: string }> };

/** One session: the transcript with turn tags, the debrief and the metrics; export as Markdown. */
export default async function SessionPage({ params }: Props) {
  const { sessionId } = await params;
  await requireActor(`/history/${sessionId}`);
  const result = await getSession({ sessionId });
  if (!result.ok) {
    if (result.error.code === 'not_found' || result.error.code === 'invalid_input') notFound();
    if (result.error.code === 'forbidden') return <NotYours what="practice session" message={result.error.message} backHref="/history" backLabel="Back to your history" />;
    return <PageError title="This session could not be loaded" message={result.error.message} backHref="/history" backLabel="Back to history" />;
  }
  const s = result.data;
  const reviewResult = await getSessionReview({ sessionId });
  const review = reviewResult.ok ? reviewResult.data : null;
  const coach = review?.coachScore ?? null;
  return (
    <div className="min-w-0 space-y-5" data-testid="session-page" data-status={s.status}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href={historyHref({ scenario: s.scenarioId })} className="text-sm text-slate-500 hover:text-cue">
            ← History for this scenario
          </Link>
          <h1 className="mt-1 break-words text-2xl font-semibold tracking-tight text-ink">{s.scenarioTitle}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {formatDateTime(s.startedAt)} · {DIFFICULTY_PROFILES[s.difficulty].label} · {s.durationSeconds === null ? 'no end recorded' : formatDuration(s.durationSeconds)}
            {coach ? '' : s.score !== null ? ` · score ${s.score}/10` : s.status === 'nothing_said' ? ' · not scored (nothing said)' : ''}
          </p>
          {coach ? (
            <p data-testid="coach-score" className="mt-2 inline-flex flex-wrap items-baseline gap-2 rounded-lg bg-indigo-50 px-3 py-1 text-sm text-indigo-950">
              <span className="font-semibold">Coach score {coach.score}/10</span>
              <span className="text-xs">by {coach.coachName}</span>
              <span data-testid="ai-score" className="text-xs text-slate-600">
                {s.debrief ? `${s.debrief.source === 'rubric' ? 'rubric' : 'AI'} score ${s.debrief.score}/10` : 'no AI score'}
              </span>
            </p>
          ) : null}
          {review && !review.isOwner && review.ownerName ? (
            <p data-testid="session-owner" className="mt-1 text-xs text-slate-500">
              Practised by {review.ownerName}
            </p>
          ) : null}
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {s.status === 'unfinished' ? (
            <Link href={`/practice/call/${s.id}`} data-testid="resume-link" className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700">
              Continue or end this call
            </Link>
          ) : null}
          <ExportMarkdownButton sessionId={s.id} />
          {review?.isOwner ? <DeleteSessionButton sessionId={s.id} /> : null}
        </div>
      </div>
      {s.status === 'unfinished' ? (
        <p data-testid="unfinished-note" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          Unfinished: this call never ended (the tab was closed or the server stopped). Everything said before that is below.
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section className="space-y-3 self-start rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="text-sm font-semibold text-ink">Transcript</h2>
          <TaggedTranscript session={s} comments={review?.comments ?? []} />
        </section>
        <div className="space-y-5">
          {review?.canReview ? <CoachReviewPanel sessionId={s.id} review={review} items={s.items} startedAt={s.startedAt} /> : null}
          <DebriefView session={s} />
        </div>
      </div>
    </div>
  );
}
