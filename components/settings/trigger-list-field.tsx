'use client';

import type { HintKind } from '@/lib/live/settings/schema';
import { SETTINGS_LIMITS } from '@/lib/live/settings/schema';
import { FieldError, inputClass, invalidProps } from './form-fields';
import { removeButton, secondaryButton } from './phrase-list-field';

export type TriggerRow = { phrase: string; action: HintKind };

const ACTION_LABELS: Record<HintKind, string> = { quick: 'Quick hint', full: 'Full guidance' };

type Props = {
  items: readonly TriggerRow[];
  onChange: (items: TriggerRow[]) => void;
  errorFor: (path: string, value?: string) => string | undefined;
};

/** Trigger phrases, each with the action it starts (Quick hint / Full guidance). */
export function TriggerListField({ items, onChange, errorFor }: Props) {
  const setAt = (i: number, patch: Partial<TriggerRow>) => onChange(items.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const removeAt = (i: number) => onChange(items.filter((_, j) => j !== i));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-ink">Trigger phrases</legend>
      <p className="text-xs text-slate-500">
        Heard in the meeting, each phrase starts a hint as soon as it is spoken. Case, punctuation and common spellings
        (&ldquo;that&rsquo;s&rdquo; / &ldquo;that is&rdquo;, &ldquo;OK&rdquo; / &ldquo;okay&rdquo;) do not matter.
      </p>
      {items.length === 0 ? <p className="text-xs italic text-slate-500">None: hints start only from the buttons and shortcuts.</p> : null}
      <ol className="space-y-2">
        {items.map((row, i) => {
          const phrasePath = `triggers.${i}.phrase`;
          const actionPath = `triggers.${i}.action`;
          const phraseError = errorFor(phrasePath, row.phrase);
          const actionError = errorFor(actionPath);
          return (
            <li key={i}>
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className="w-5 text-right text-xs text-slate-400">
                  {i + 1}
                </span>
                <input
                  id={`trigger-phrase-${i}`}
                  data-testid={`trigger-phrase-${i}`}
                  type="text"
                  value={row.phrase}
                  placeholder="e.g. good question"
                  aria-label={`Trigger phrase ${i + 1}`}
                  onChange={(e) => setAt(i, { phrase: e.target.value })}
                  className={inputClass}
                  {...invalidProps(phrasePath, phraseError)}
                />
                <select
                  data-testid={`trigger-action-${i}`}
                  value={row.action}
                  aria-label={`Action for trigger ${i + 1}`}
                  onChange={(e) => setAt(i, { action: e.target.value as HintKind })}
                  className={`${inputClass} max-w-40`}
                  {...invalidProps(actionPath, actionError)}
                >
                  {(Object.keys(ACTION_LABELS) as HintKind[]).map((kind) => (
                    <option key={kind} value={kind}>
                      {ACTION_LABELS[kind]}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  data-testid={`remove-trigger-${i}`}
                  aria-label={`Remove trigger ${i + 1}`}
                  onClick={() => removeAt(i)}
                  className={removeButton}
                >
                  Remove
                </button>
              </div>
              <div className="pl-7">
                <FieldError path={phrasePath} message={phraseError} />
                <FieldError path={actionPath} message={actionError} />
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError path="triggers" message={errorFor('triggers')} />
      <button
        type="button"
        data-testid="add-trigger"
        onClick={() => onChange([...items, { phrase: '', action: 'quick' }])}
        disabled={items.length >= SETTINGS_LIMITS.triggers}
        className={secondaryButton}
      >
        + Add trigger phrase
      </button>
    </fieldset>
  );
}
