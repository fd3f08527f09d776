import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import Link from 'next/link';
import { listLiveSessions } from '@/app/actions/live';
import { MeetingList } from '@/components/live/meeting-list';
import { PageError } from '@/components/practice/page-error';

export const metadata: Metadata = { title: 'Past meetings — Cue' };
export const dynamic = 'force-dynamic';

/** Every saved live meeting, newest first. */
export default async function PastMeetingsPage() {
  await requireActor('/live/history');
  const result = await listLiveSessions({ limit: 200 });
  if (!result.ok) return <PageError title="Past meetings could not be loaded" message={result.error.message} backHref="/live" backLabel="Back to the live assistant" />;
  return (
    <div className="space-y-5">
      <div>
        <Link href="/live" className="text-sm text-slate-500 hover:text-cue">
          ← Live assistant
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">Past meetings</h1>
        <p className="mt-1 text-sm text-slate-600">Every live meeting is saved here when it ends, with its transcript and the hints Cue gave.</p>
      </div>
      <MeetingList meetings={result.data} empty="No saved meetings yet. A meeting is saved here when you disconnect on the live page." />
    </div>
  );
}
