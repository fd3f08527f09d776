'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { deletePracticeSession } from '@/app/actions/practice';

/** The owner deletes the session, its transcript and review, after confirming. */
export function DeleteSessionButton({ sessionId }: { sessionId: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    start(async () => {
      setError(null);
      try {
        const r = await deletePracticeSession({ sessionId });
        if (!r.ok) return setError(r.error.message);
        router.replace('/history?deleted=1');
        router.refresh();
      } catch {
        setError('The Cue server could not be reached. Nothing was deleted.');
      }
    });
  if (!confirming) {
    return (
      <button type="button" data-testid="delete-session" onClick={() => setConfirming(true)} className="rounded-lg border border-rose-300 bg-white px-3 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50">
        Delete
      </button>
    );
  }
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <span className="inline-flex gap-2">
        <button type="button" data-testid="delete-session-confirm" disabled={pending} onClick={remove} className="rounded-lg bg-rose-700 px-3 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60">
          {pending ? 'Deleting…' : 'Delete this session for good'}
        </button>
        <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
          Keep
        </button>
      </span>
      {error ? (
        <span role="alert" className="text-xs text-rose-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
