'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { mapStudioNumber, unmapStudioNumber } from '@/app/actions/studio';
import { Field, inputClass } from './field';

type Mapped = { number: string; agentId: string; agentName: string };

/** Which numbers ring this agent; add one (E.164) or remove one. Numbers mapped to other agents are listed too. */
export function PhoneNumbersPanel({ agentId, numbers }: { agentId: string; numbers: Mapped[] }) {
  const router = useRouter();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = numbers.filter((n) => n.agentId === agentId);
  const others = numbers.filter((n) => n.agentId !== agentId);

  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await mapStudioNumber({ agentId, number }).catch(() => null);
    setBusy(false);
    if (!result) return setError('The server did not answer. Try again.');
    if (!result.ok) return setError(result.error.fieldErrors?.[0]?.message ?? result.error.message);
    setNumber('');
    router.refresh();
  };

  const remove = async (n: string) => {
    const result = await unmapStudioNumber({ number: n }).catch(() => null);
    if (!result?.ok) return setError(result ? result.error.message : 'The server did not answer. Try again.');
    router.refresh();
  };

  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="phone-numbers">
      <h2 className="text-base font-semibold">Phone numbers</h2>
      {mine.length === 0 ? (
        <p className="text-sm text-slate-600">No number rings this agent yet.{numbers.length === 0 ? ' While no number is mapped at all, every call reaches the receptionist.' : ''}</p>
      ) : (
        <ul className="space-y-1" data-testid="mapped-numbers">
          {mine.map((n) => (
            <li key={n.number} className="flex items-center justify-between text-sm">
              <span className="font-mono">{n.number}</span>
              <button type="button" onClick={() => remove(n.number)} className="text-xs text-rose-700 underline">
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate className="flex items-end gap-2">
        <div className="flex-1">
          <Field id="phone-number" label="Add a number" hint="E.164, e.g. +14155550123" errors={error ? [error] : []}>
            <input id="phone-number" className={`${inputClass} font-mono`} value={number} aria-invalid={error !== null} onChange={(e) => setNumber(e.target.value)} placeholder="+14155550123" />
          </Field>
        </div>
        <button type="submit" disabled={busy || number.trim() === ''} className="mb-0.5 rounded-lg bg-cue px-3 py-2 text-sm font-semibold text-white disabled:opacity-60" data-testid="map-number">
          Map
        </button>
      </form>
      {others.length > 0 && (
        <details className="text-xs text-slate-600">
          <summary>Numbers of other agents ({others.length})</summary>
          <ul className="mt-1 space-y-0.5">
            {others.map((n) => (
              <li key={n.number}>
                <span className="font-mono">{n.number}</span> → {n.agentName}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
