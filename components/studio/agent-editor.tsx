'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { saveStudioAgent } from '@/app/actions/studio';
import type { FieldError } from '@/lib/contracts/action-result';
import { VOICES } from '@/lib/contracts/agent-config';
import { BUILTIN_TOOLS, type BuiltinToolName } from '@/lib/contracts/studio-agent';
import type { StudioAgentView } from '@/lib/contracts/studio-view';
import { configFromFields, emptyWebhook, errorsAt, fieldsFromAgent, type EditorFields } from '@/lib/studio/editor-form';
import { Field, inputClass } from './field';
import { WebhookToolFields } from './webhook-tool-fields';

type SaveState = { kind: 'idle' | 'saving' } | { kind: 'error'; code: string; message: string };

/**
 * The agent's config: name, purpose, voice, greeting, instructions, built-in tools, webhook tools.
 * A refused save (bad field, stale version, server down) keeps every edit in the form.
 */
export function StudioAgentEditor({ agent, version }: { agent: StudioAgentView; version: number }) {
  const router = useRouter();
  const [fields, setFields] = useState<EditorFields>(() => fieldsFromAgent(agent));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const set = (patch: Partial<EditorFields>) => setFields((f) => ({ ...f, ...patch }));
  const at = (path: string) => errorsAt(errors, path);

  const toggleBuiltin = (name: BuiltinToolName, on: boolean) => set({ builtins: on ? [...fields.builtins, name] : fields.builtins.filter((b) => b !== name) });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = configFromFields(agent, fields);
    if (!built.ok) {
      setErrors(built.fieldErrors);
      return setState({ kind: 'error', code: 'invalid_input', message: 'Some fields are not valid: they are marked below. Nothing was saved.' });
    }
    setState({ kind: 'saving' });
    const result = await saveStudioAgent({ agentId: agent.id, baseVersion: version, config: built.config }).catch(() => null);
    if (!result) return setState({ kind: 'error', code: 'network', message: 'The server did not answer. Nothing was saved; your edits are still here. Try again.' });
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? []);
      return setState({ kind: 'error', code: result.error.code, message: result.error.message });
    }
    setErrors([]);
    setState({ kind: 'idle' });
    // The page reloads with the new version (the editor remounts on it).
    router.refresh();
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-xl border border-slate-200 bg-white p-4" data-testid="studio-editor">
      <div className="flex items-center justify-between">
        <h2 className="text-base font-semibold">Configuration</h2>
        <span className="text-xs text-slate-500">Editing version {version}</span>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="agent-name" label="Name" errors={at('name')}>
          <input id="agent-name" className={inputClass} value={fields.name} aria-invalid={at('name').length > 0} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id="agent-voice" label="Voice" errors={at('voice')}>
          <select id="agent-voice" className={inputClass} value={fields.voice} onChange={(e) => set({ voice: e.target.value })}>
            {VOICES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="agent-purpose" label="Purpose" hint="One line for the studio list" errors={at('purpose')}>
        <input id="agent-purpose" className={inputClass} value={fields.purpose} aria-invalid={at('purpose').length > 0} onChange={(e) => set({ purpose: e.target.value })} />
      </Field>
      <Field id="agent-greeting" label="Greeting" hint="What the agent says first when a call connects" errors={at('greeting')}>
        <input id="agent-greeting" className={inputClass} value={fields.greeting} aria-invalid={at('greeting').length > 0} onChange={(e) => set({ greeting: e.target.value })} />
      </Field>
      <Field id="agent-transfer" label="Transfer number" hint="Where “Transfer to a human” dials on a phone call (E.164, e.g. +14155550100); empty: no transfers" errors={at('transferNumber')}>
        <input id="agent-transfer" className={inputClass} value={fields.transferNumber} inputMode="tel" aria-invalid={at('transferNumber').length > 0} onChange={(e) => set({ transferNumber: e.target.value })} />
      </Field>
      <Field id="agent-instructions" label="Instructions" errors={at('instructions')}>
        <textarea
          id="agent-instructions"
          rows={10}
          className={`${inputClass} font-mono text-xs leading-relaxed`}
          value={fields.instructions}
          aria-invalid={at('instructions').length > 0}
          onChange={(e) => set({ instructions: e.target.value })}
        />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Built-in tools</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {BUILTIN_TOOLS.map((t) => (
            <label key={t.name} className="flex items-start gap-2 rounded-lg border border-slate-200 p-2 text-sm">
              <input type="checkbox" className="mt-1" checked={fields.builtins.includes(t.name)} onChange={(e) => toggleBuiltin(t.name, e.target.checked)} data-testid={`builtin-${t.name}`} />
              <span>
                <span className="font-medium">{t.label}</span> <span className="font-mono text-xs text-slate-500">{t.name}</span>
                <span className="block text-xs text-slate-600">{t.description}</span>
              </span>
            </label>
          ))}
        </div>
        {at('tools.builtins').map((e) => (
          <p key={e} role="alert" className="text-xs text-rose-700">
            {e}
          </p>
        ))}
      </fieldset>
      <div className="space-y-3">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-medium text-slate-800">Webhook tools</h3>
          <button type="button" onClick={() => set({ webhooks: [...fields.webhooks, emptyWebhook()] })} className="rounded-lg border border-slate-300 px-3 py-1 text-sm" data-testid="add-webhook">
            Add webhook tool
          </button>
        </div>
        {fields.webhooks.length === 0 && <p className="text-xs text-slate-500">None. A webhook tool calls your URL with the model&apos;s arguments and returns its JSON answer to the model.</p>}
        {fields.webhooks.map((w, i) => (
          <WebhookToolFields
            key={w.key}
            index={i}
            tool={w}
            errors={errors}
            onChange={(next) => set({ webhooks: fields.webhooks.map((x, j) => (j === i ? next : x)) })}
            onRemove={() => set({ webhooks: fields.webhooks.filter((_, j) => j !== i) })}
          />
        ))}
        {at('tools.webhooks')
          .filter((e) => !/^\d+\./.test(e))
          .map((e) => (
            <p key={e} role="alert" className="text-xs text-rose-700">
              {e}
            </p>
          ))}
      </div>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
        <button type="submit" disabled={state.kind === 'saving'} className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-700 disabled:opacity-60" data-testid="studio-save">
          {state.kind === 'saving' ? 'Saving…' : `Save as version ${version + 1}`}
        </button>
        {state.kind === 'error' && (
          <p role="alert" className="max-w-prose text-sm text-rose-800" data-testid={state.code === 'stale_version' ? 'studio-stale' : 'studio-save-error'}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
