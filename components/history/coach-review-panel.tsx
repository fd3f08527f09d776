'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { addCoachComment, setCoachScore } from '@/app/actions/review';
import type { SessionReviewView } from '@/lib/contracts/coach-review';
import type { TranscriptItem } from '@/lib/contracts/transcript';
import { formatClock } from '@/lib/shared/format';

const control = 'rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm';

/** For the member's coach: a score that overrides the AI or rubric score, and comments pinned to a moment. */
export function CoachReviewPanel({ sessionId, review, items, startedAt }: { sessionId: string; review: SessionReviewView; items: TranscriptItem[]; startedAt: Date }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [score, setScore] = useState(review.coachScore ? String(review.coachScore.score) : '');
  const [itemId, setItemId] = useState(items.find((i) => i.speaker === 'user')?.itemId ?? items[0]?.itemId ?? '');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const run = (fn: () => ReturnType<typeof setCoachScore>, done: string, after?: () => void) =>
    start(async () => {
      setError(null);
      setSaved(null);
      try {
        const r = await fn();
        if (!r.ok) return setError(r.error.fieldErrors?.[0]?.message ?? r.error.message);
        setSaved(done);
        after?.();
        router.refresh();
      } catch {
        setError('The Cue server could not be reached. Try again.');
      }
    });

  return (
    <section className="space-y-4 rounded-xl border border-indigo-200 bg-indigo-50/50 p-5 shadow-sm" data-testid="coach-review-panel">
      <h2 className="text-sm font-semibold text-ink">Your review as coach{review.ownerName ? ` of ${review.ownerName}` : ''}</h2>
      {error ? (
        <p role="alert" data-testid="review-error" className="text-sm text-rose-800">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm text-emerald-800">
          {saved}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block text-xs text-slate-600">Coach score (overrides the AI score)</span>
          <select data-testid="coach-score-input" value={score} onChange={(e) => setScore(e.target.value)} className={control}>
            <option value="">No coach score</option>
            {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}/10
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="coach-score-save"
          disabled={pending}
          onClick={() => run(() => setCoachScore({ sessionId, score: score ? Number(score) : null }), score ? 'Coach score saved.' : 'Coach score removed.')}
          className="rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          Save score
        </button>
      </div>
      {items.length > 0 ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => addCoachComment({ sessionId, itemId, body }), 'Comment pinned.', () => setBody(''));
          }}
        >
          <label className="block text-sm">
            <span className="block text-xs text-slate-600">Moment</span>
            <select data-testid="coach-comment-moment" value={itemId} onChange={(e) => setItemId(e.target.value)} className={`${control} w-full`}>
              {items.map((i) => (
                <option key={i.itemId} value={i.itemId}>
                  {formatClock(i.startedAt.getTime() - startedAt.getTime())} {i.speaker === 'user' ? 'You' : 'Client'}: {i.text.slice(0, 70)}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="block text-xs text-slate-600">Comment</span>
            <textarea data-testid="coach-comment-body" value={body} maxLength={2000} rows={3} onChange={(e) => setBody(e.target.value)} className={`${control} w-full`} />
          </label>
          <button type="submit" data-testid="coach-comment-add" disabled={pending || body.trim() === ''} className="rounded-lg border border-indigo-300 bg-white px-3 py-2 text-sm font-medium text-indigo-900 hover:bg-indigo-50 disabled:opacity-60">
            Pin comment to this moment
          </button>
        </form>
      ) : null}
    </section>
  );
}
