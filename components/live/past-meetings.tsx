'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { listLiveSessions } from '@/app/actions/live';
import { useMeetingState } from '@/lib/live/live-context';
import { type LiveSessionSummary } from '@/lib/live/meeting/saved-meeting';
import { PAST_MEETINGS_SHOWN } from '@/lib/live/meeting/past-meetings';
import { MeetingList } from './meeting-list';

type Props = { initial: LiveSessionSummary[] | null; loadError: string | null };

/** The newest saved meetings under the live console; reloaded whenever this page saves one. */
export function PastMeetings({ initial, loadError }: Props) {
  const [meetings, setMeetings] = useState(initial);
  const [error, setError] = useState(loadError);
  const savedId = useMeetingState((s) => (s.save.status === 'saved' ? s.save.id : null));

  useEffect(() => {
    if (!savedId) return;
    let live = true;
    listLiveSessions({ limit: PAST_MEETINGS_SHOWN }).then(
      (result) => {
        if (!live) return;
        if (result.ok) {
          setMeetings(result.data);
          setError(null);
        } else setError(result.error.message);
      },
      () => live && setError('The Cue server could not be reached to list past meetings.'),
    );
    return () => {
      live = false;
    };
  }, [savedId]);

  return (
    <section aria-labelledby="past-meetings-heading" data-testid="past-meetings" className="space-y-2">
      <div className="flex items-baseline justify-between">
        <h2 id="past-meetings-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Past meetings
        </h2>
        <Link href="/live/history" className="text-sm font-medium text-cue hover:underline" data-testid="all-meetings-link">
          All past meetings →
        </Link>
      </div>
      {error ? (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          Past meetings could not be loaded: {error}
        </p>
      ) : null}
      {meetings ? <MeetingList meetings={meetings} empty="No saved meetings yet. A meeting is saved here when you disconnect." /> : null}
    </section>
  );
}
