'use client';

import type { FieldError } from '@/lib/contracts/action-result';
import { WEBHOOK_TIMEOUT_MS } from '@/lib/contracts/studio-agent';
import { errorsAt, type WebhookFields } from '@/lib/studio/editor-form';
import { Field, inputClass } from './field';

/** One webhook tool's fields: name, description, URL, JSON-schema parameters, secret header, timeout. */
export function WebhookToolFields({
  index,
  tool,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  tool: WebhookFields;
  errors: readonly FieldError[];
  onChange: (next: WebhookFields) => void;
  onRemove: () => void;
}) {
  const base = `tools.webhooks.${index}`;
  const id = (field: string) => `webhook-${index}-${field}`;
  const at = (field: string) => errorsAt(errors, `${base}.${field}`);
  const set = (patch: Partial<WebhookFields>) => onChange({ ...tool, ...patch });
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3" data-testid={`webhook-${index}`}>
      <div className="flex items-center justify-between">
        <legend className="text-sm font-semibold">Webhook tool {tool.name ? <span className="font-mono">{tool.name}</span> : index + 1}</legend>
        <button type="button" onClick={onRemove} className="text-xs text-rose-700 underline">
          Remove
        </button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id('name')} label="Name" hint="snake_case, what the model calls" errors={at('name')}>
          <input id={id('name')} className={`${inputClass} font-mono`} value={tool.name} aria-invalid={at('name').length > 0} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id={id('timeout')} label="Timeout (ms)" hint={`${WEBHOOK_TIMEOUT_MS.min} to ${WEBHOOK_TIMEOUT_MS.max}`} errors={at('timeoutMs')}>
          <input id={id('timeout')} type="number" className={inputClass} value={tool.timeoutMs} aria-invalid={at('timeoutMs').length > 0} onChange={(e) => set({ timeoutMs: e.target.value })} />
        </Field>
      </div>
      <Field id={id('description')} label="Description" hint="When the model should use it" errors={at('description')}>
        <input id={id('description')} className={inputClass} value={tool.description} aria-invalid={at('description').length > 0} onChange={(e) => set({ description: e.target.value })} />
      </Field>
      <Field id={id('url')} label="URL" hint="POSTed the arguments as JSON; its JSON answer goes back to the model" errors={at('url')}>
        <input id={id('url')} className={`${inputClass} font-mono`} value={tool.url} aria-invalid={at('url').length > 0} onChange={(e) => set({ url: e.target.value })} />
      </Field>
      <Field id={id('parameters')} label="Parameters (JSON schema)" hint='An object: { "type": "object", "properties": { … }, "required": [ … ] }' errors={at('parameters')}>
        <textarea
          id={id('parameters')}
          rows={6}
          spellCheck={false}
          className={`${inputClass} font-mono text-xs`}
          value={tool.parametersText}
          aria-invalid={at('parameters').length > 0}
          onChange={(e) => set({ parametersText: e.target.value })}
        />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={id('secret-name')} label="Secret header (optional)" hint="e.g. Authorization or X-Api-Key" errors={at('secretHeader.name')}>
          <input id={id('secret-name')} className={`${inputClass} font-mono`} value={tool.secretName} aria-invalid={at('secretHeader.name').length > 0} onChange={(e) => set({ secretName: e.target.value })} />
        </Field>
        <Field
          id={id('secret-value')}
          label="Secret value"
          hint={tool.secretHint ? `Stored (${tool.secretHint}); leave empty to keep it` : 'Stored on the server, never shown again'}
          errors={[...at('secretHeader.value'), ...(at('secretHeader').length && !at('secretHeader.name').length && !at('secretHeader.value').length ? at('secretHeader') : [])]}
        >
          <input
            id={id('secret-value')}
            type="password"
            autoComplete="off"
            className={`${inputClass} font-mono`}
            value={tool.secretValue}
            placeholder={tool.secretHint ?? ''}
            aria-invalid={at('secretHeader.value').length > 0}
            onChange={(e) => set({ secretValue: e.target.value })}
          />
        </Field>
      </div>
    </fieldset>
  );
}
