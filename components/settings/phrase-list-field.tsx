'use client';

import type { ReactNode } from 'react';
import { FieldError, inputClass, invalidProps } from './form-fields';

export const secondaryButton =
  'inline-flex items-center rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus:outline-none focus:ring-2 focus:ring-cue/30 disabled:cursor-not-allowed disabled:opacity-50';
export const removeButton =
  'shrink-0 rounded-md px-2 py-1.5 text-sm text-slate-500 hover:bg-rose-50 hover:text-rose-700 focus:outline-none focus:ring-2 focus:ring-rose-200';

type Props = {
  /** Settings key of the list, the prefix of its error paths ("doNotTrigger.2"). */
  path: 'doNotTrigger' | 'interruptPhrases';
  legend: string;
  description?: ReactNode;
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** The visible error for a dotted path (visibility decided by the form). */
  errorFor: (path: string, value?: string) => string | undefined;
  /** Test id / DOM id prefix of each row's input: `${prefix}-${i}`. */
  rowPrefix: string;
  addTestId: string;
  itemLabel: string;
  addLabel: string;
  max: number;
  placeholder?: string;
};

/** An editable list of phrases: one text input per row, add and remove. */
export function PhraseListField({ path, legend, description, items, onChange, errorFor, rowPrefix, addTestId, itemLabel, addLabel, max, placeholder }: Props) {
  const setAt = (i: number, value: string) => onChange(items.map((v, j) => (j === i ? value : v)));
  const removeAt = (i: number) => onChange(items.filter((_, j) => j !== i));
  const listError = errorFor(path);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold text-ink">{legend}</legend>
      {description ? <p className="text-xs text-slate-500">{description}</p> : null}
      {items.length === 0 ? <p className="text-xs italic text-slate-500">None.</p> : null}
      <ol className="space-y-2">
        {items.map((value, i) => {
          const rowPath = `${path}.${i}`;
          const error = errorFor(rowPath, value);
          const id = `${rowPrefix}-${i}`;
          return (
            <li key={i}>
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className="w-5 text-right text-xs text-slate-400">
                  {i + 1}
                </span>
                <input
                  id={id}
                  data-testid={id}
                  type="text"
                  value={value}
                  placeholder={placeholder}
                  aria-label={`${itemLabel} ${i + 1}`}
                  onChange={(e) => setAt(i, e.target.value)}
                  className={inputClass}
                  {...invalidProps(rowPath, error)}
                />
                <button
                  type="button"
                  data-testid={`remove-${rowPrefix}-${i}`}
                  aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`}
                  onClick={() => removeAt(i)}
                  className={removeButton}
                >
                  Remove
                </button>
              </div>
              <div className="pl-7">
                <FieldError path={rowPath} message={error} />
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError path={path} message={listError} />
      <button type="button" data-testid={addTestId} onClick={() => onChange([...items, ''])} disabled={items.length >= max} className={secondaryButton}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
