'use client';

import { useState, type FormEvent } from 'react';
import type { FieldError } from '@/lib/contracts/action-result';

type Props = {
  challenge: string;
  sending: boolean;
  error: string | null;
  fieldErrors: readonly FieldError[];
  onSubmit: (lead: { name: string; email: string; company: string; role: string; challenge: string; consent: true }) => void;
  onCancel: () => void;
};

const input = 'mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-slate-500 focus:outline-none';

/** The visitor confirms their details in writing: speech recognition mangles names and emails. */
export function LeadForm({ challenge, sending, error, fieldErrors, onSubmit, onCancel }: Props) {
  const [consent, setConsent] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const errorFor = (path: string) => fieldErrors.find((f) => f.path === path)?.message;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (!consent) {
      setLocalError('Tick the box to agree that we may contact you.');
      return;
    }
    setLocalError(null);
    const text = (k: string) => String(data.get(k) ?? '');
    onSubmit({ name: text('name'), email: text('email'), company: text('company'), role: text('role'), challenge: text('challenge'), consent: true });
  };

  const field = (name: string, label: string, type = 'text', required = false) => (
    <label className="block text-xs font-medium text-slate-700">
      {label}
      <input name={name} type={type} required={required} className={input} aria-invalid={errorFor(name) ? true : undefined} />
      {errorFor(name) ? <span className="text-xs text-red-700">{errorFor(name)}</span> : null}
    </label>
  );

  return (
    <form onSubmit={submit} data-testid="lead-form" className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3" noValidate>
      <p className="text-sm font-semibold text-slate-900">Your details</p>
      <p className="text-xs text-slate-600">Please check the spelling of your name and email: we will use them to reply.</p>
      {field('name', 'Name', 'text', true)}
      {field('email', 'Email', 'email', true)}
      <div className="grid grid-cols-2 gap-2">
        {field('company', 'Company')}
        {field('role', 'Role')}
      </div>
      <label className="block text-xs font-medium text-slate-700">
        What would you like help with?
        <textarea name="challenge" defaultValue={challenge} rows={2} className={input} />
      </label>
      <label className="flex items-start gap-2 text-xs text-slate-700">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} className="mt-0.5" />
        I agree that the team may contact me about my request.
      </label>
      {localError || error ? (
        <p role="alert" className="text-xs text-red-700">
          {localError ?? error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" disabled={sending} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50">
          {sending ? 'Saving…' : 'Send my details'}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-200">
          Not now
        </button>
      </div>
    </form>
  );
}
