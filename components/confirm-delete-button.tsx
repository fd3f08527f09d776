'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';

type Props = {
  /** The delete itself (a server action); its error message is shown where the button is. */
  remove: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>;
  /** Where to go once it is gone. */
  afterHref: string;
  /** data-testid of the first button; the confirming one is `<testId>-confirm`. */
  testId: string;
  /** The confirming button's words, e.g. "Delete this session for good". */
  confirmLabel: string;
};

/** Delete, then confirm: nothing is deleted on the first click, and a failure says so in words. */
export function ConfirmDeleteButton({ remove, afterHref, testId, confirmLabel }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    start(async () => {
      setError(null);
      try {
        const r = await remove();
        if (!r.ok) return setError(r.error.message);
        router.replace(afterHref);
        router.refresh();
      } catch {
        setError('The Cue server could not be reached. Nothing was deleted.');
      }
    });
  return (
    <span className="inline-flex flex-col items-end gap-1">
      {confirming ? (
        <span className="inline-flex gap-2">
          <button type="button" data-testid={`${testId}-confirm`} disabled={pending} onClick={run} className="rounded-lg bg-rose-700 px-3 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60">
            {pending ? 'Deleting…' : confirmLabel}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            Keep
          </button>
        </span>
      ) : (
        <button type="button" data-testid={testId} onClick={() => setConfirming(true)} className="rounded-lg border border-rose-300 bg-white px-3 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50">
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
