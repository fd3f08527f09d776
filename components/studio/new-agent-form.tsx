'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { createStudioAgent } from '@/app/actions/studio';
import type { FieldError } from '@/lib/contracts/action-result';
import type { StudioAgentSummary } from '@/lib/contracts/studio-view';
import { errorsAt } from '@/lib/studio/editor-form';
import { Field, inputClass } from './field';

/** A new agent, as a copy of an existing one (its current version) under a new id and name. */
export function NewAgentForm({ agents }: { agents: StudioAgentSummary[] }) {
  const router = useRouter();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [from, setFrom] = useState(agents[0]?.id ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await createStudioAgent({ id, name, fromAgentId: from }).catch(() => null);
    setBusy(false);
    if (!result) return setMessage('The server did not answer. Try again.');
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? []);
      return setMessage(result.error.message);
    }
    router.push(`/admin/studio/${result.data.id}`);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="new-agent">
      <h2 className="text-base font-semibold">New agent</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="new-agent-id" label="Id" hint="kebab-case, e.g. night-line" errors={errorsAt(errors, 'id')}>
          <input id="new-agent-id" className={`${inputClass} font-mono`} value={id} onChange={(e) => setId(e.target.value)} aria-invalid={errorsAt(errors, 'id').length > 0} />
        </Field>
        <Field id="new-agent-name" label="Name" errors={errorsAt(errors, 'name')}>
          <input id="new-agent-name" className={inputClass} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errorsAt(errors, 'name').length > 0} />
        </Field>
        <Field id="new-agent-from" label="Start from" errors={errorsAt(errors, 'fromAgentId')}>
          <select id="new-agent-from" className={inputClass} value={from} onChange={(e) => setFrom(e.target.value)}>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} (v{a.version})
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white disabled:opacity-60" data-testid="new-agent-create">
          {busy ? 'Creating…' : 'Create'}
        </button>
        {message && (
          <p role="alert" className="text-sm text-rose-800">
            {message}
          </p>
        )}
      </div>
    </form>
  );
}
