import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { NotYours } from '@/components/accounts/not-yours';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLiveSession } from '@/app/actions/live';
import { BackendBadge } from '@/components/live/backend-badge';
import { DeleteMeetingButton } from '@/components/live/delete-meeting-button';
import { SavedMeetingExport } from '@/components/live/saved-meeting-export';
import { SavedMeetingView } from '@/components/live/saved-meeting-view';
import { PageError } from '@/components/practice/page-error';
import { formatDateTime, formatDuration } from '@/lib/shared/format';

export const metadata: Metadata = { title: 'Past meeting — Cue' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ meetingId: string }> };

/** One saved meeting: its transcript with hint cards, and export. */
export default async function PastMeetingPage({ params }: Props) {
  const { meetingId } = await params;
  await requireActor(`/live/history/${meetingId}`);
  const result = await getLiveSession({ id: meetingId });
  if (!result.ok) {
    if (result.error.code === 'not_found' || result.error.code === 'invalid_input') notFound();
    if (result.error.code === 'forbidden') return <NotYours what="meeting" message={result.error.message} backHref="/live/history" backLabel="Back to your past meetings" />;
    return <PageError title="This meeting could not be loaded" message={result.error.message} backHref="/live/history" backLabel="Back to past meetings" />;
  }
  const m = result.data;
  return (
    <div className="space-y-5" data-testid="meeting-page">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href="/live/history" className="text-sm text-slate-500 hover:text-cue">
            ← Past meetings
          </Link>
          <h1 data-testid="meeting-title" className="mt-1 text-2xl font-semibold tracking-tight text-ink">
            {m.title}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <span>
              {formatDateTime(m.startedAt)} · {formatDuration((m.endedAt.getTime() - m.startedAt.getTime()) / 1000)} · {m.lineCount} lines · {m.hintCount}{' '}
              {m.hintCount === 1 ? 'hint' : 'hints'}
            </span>
            <BackendBadge backend={m.backend} model={m.model} />
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <SavedMeetingExport meeting={m} />
          <DeleteMeetingButton meetingId={m.id} />
        </div>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <SavedMeetingView meeting={m} />
      </section>
    </div>
  );
}
