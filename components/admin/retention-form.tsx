'use client';

import { useState, type FormEvent } from 'react';
import { saveRetention } from '@/app/actions/retention';
import { MAX_RETENTION_DAYS, type RetentionSetting } from '@/lib/contracts/retention';

/**
 * Admin: how long transcripts are kept. "Keep forever" or a number of days; saving deletes
 * what is already older at once (and the hourly sweep keeps it so).
 */
export function RetentionForm({ initial }: { initial: RetentionSetting }) {
  const [forever, setForever] = useState(initial.days === null);
  const [days, setDays] = useState(String(initial.days ?? 90));
  const [state, setState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'saved'; text: string } | { kind: 'error'; text: string }>({ kind: 'idle' });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setState({ kind: 'saving' });
    const value = forever ? null : Number(days);
    const r = await saveRetention({ days: value });
    if (!r.ok) return setState({ kind: 'error', text: r.error.fieldErrors?.[0]?.message ?? r.error.message });
    const gone = r.data.deleted.practiceSessions + r.data.deleted.liveSessions;
    const kept = r.data.days === null ? 'Transcripts are kept until someone deletes them.' : `Transcripts older than ${r.data.days} days are deleted automatically.`;
    setState({ kind: 'saved', text: `${kept}${gone ? ` ${gone} older session${gone === 1 ? ' was' : 's were'} deleted now.` : ''}` });
  };

  return (
    <form onSubmit={submit} data-testid="retention-form" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="text-base font-semibold">Transcript retention</h2>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={forever} onChange={(e) => setForever(e.target.checked)} data-testid="retention-forever" />
        Keep forever
      </label>
      <label className="flex items-center gap-2 text-sm">
        Delete transcripts after
        <input
          type="number"
          min={1}
          max={MAX_RETENTION_DAYS}
          step={1}
          disabled={forever}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          data-testid="retention-days"
          className="w-24 rounded-lg border border-slate-300 px-2 py-1 disabled:opacity-50"
        />
        days
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={state.kind === 'saving'} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60">
          {state.kind === 'saving' ? 'Saving…' : 'Save'}
        </button>
        {state.kind === 'saved' && (
          <p role="status" data-testid="retention-saved" className="text-sm text-emerald-800">
            {state.text}
          </p>
        )}
        {state.kind === 'error' && (
          <p role="alert" data-testid="retention-error" className="text-sm text-rose-800">
            {state.text}
          </p>
        )}
      </div>
    </form>
  );
}
