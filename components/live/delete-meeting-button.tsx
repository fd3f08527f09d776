'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deleteLiveSession } from '@/app/actions/live';

/** The owner deletes a saved meeting, after confirming. */
export function DeleteMeetingButton({ meetingId }: { meetingId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    start(async () => {
      setError(null);
      try {
        const r = await deleteLiveSession({ id: meetingId });
        if (!r.ok) return setError(r.error.message);
        router.replace('/live/history');
        router.refresh();
      } catch {
        setError('The Cue server could not be reached. Nothing was deleted.');
      }
    });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      {confirming ? (
        <span className="inline-flex gap-2">
          <button type="button" data-testid="delete-meeting-confirm" disabled={pending} onClick={remove} className="rounded-lg bg-rose-700 px-3 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60">
            {pending ? 'Deleting…' : 'Delete this meeting for good'}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            Keep
          </button>
        </span>
      ) : (
        <button type="button" data-testid="delete-meeting" onClick={() => setConfirming(true)} className="rounded-lg border border-rose-300 bg-white px-3 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50">
          Delete
        </button>
      )}
      {error ? (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
