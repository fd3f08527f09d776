'use client';

import { useState } from 'react';
import { deleteMyAccount, exportMyData, signOut } from '@/app/actions/accounts';
import { downloadText } from '@/lib/shared/download';
import { AuthField, FormAlert } from './auth-field';
import { useActionForm, useGo } from './use-action-form';

const button = 'rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60';

/** Sign out, download everything, or delete the account with everything in it. */
export function MyData() {
  const go = useGo();
  const [busy, setBusy] = useState<'export' | 'signout' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const del = useActionForm((f) => deleteMyAccount({ password: f.password ?? '' }), () => go('/sign-in'));

  const run = async (what: 'export' | 'signout') => {
    setBusy(what);
    setMessage(null);
    try {
      if (what === 'export') {
        const r = await exportMyData();
        if (r.ok) downloadText(r.data.json, r.data.fileName, 'application/json');
        else setMessage(r.error.message);
      } else {
        const r = await signOut();
        if (r.ok || r.error.code === 'unauthenticated') go('/sign-in');
        else setMessage(r.error.message);
      }
    } catch {
      setMessage('The Cue server could not be reached. Try again.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="space-y-4">
      <FormAlert message={message ?? undefined} />
      <div className="flex flex-wrap gap-2">
        <button type="button" data-testid="sign-out" disabled={busy !== null} onClick={() => void run('signout')} className={button}>
          {busy === 'signout' ? 'Signing out…' : 'Sign out'}
        </button>
        <button type="button" data-testid="export-my-data" disabled={busy !== null} onClick={() => void run('export')} className={button}>
          {busy === 'export' ? 'Preparing…' : 'Export all my data (JSON)'}
        </button>
        <button type="button" data-testid="delete-account-start" onClick={() => setConfirming(true)} className="rounded-lg border border-rose-300 bg-white px-3 py-2 text-sm font-medium text-rose-800 hover:bg-rose-50">
          Delete my account…
        </button>
      </div>
      {confirming ? (
        <form onSubmit={del.submit} className="space-y-3 rounded-lg border border-rose-200 bg-rose-50 p-4" data-testid="delete-account-form" noValidate>
          <p className="text-sm text-rose-900">
            This deletes your account and everything in it: practice sessions, transcripts, saved meetings, scenarios, settings and reviews. It cannot be undone.
          </p>
          <FormAlert message={del.error?.message} />
          <AuthField label="Your password, to confirm" name="password" type="password" autoComplete="current-password" error={del.fieldError('password')} />
          <div className="flex gap-2">
            <button type="submit" disabled={del.pending} data-testid="delete-account-confirm" className="rounded-lg bg-rose-700 px-3 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-60">
              {del.pending ? 'Deleting…' : 'Delete my account and all my data'}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={button}>
              Keep my account
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
