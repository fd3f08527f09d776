'use client';

import type { ReactNode } from 'react';
import type { PlacedError } from '@/lib/practice/scenarios/scenario-draft';

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-cue focus:outline-none focus:ring-2 focus:ring-cue/30 aria-[invalid=true]:border-rose-500 aria-[invalid=true]:ring-rose-200';

/** Errors of one slot, each with the test id of its schema path ("field-error-persona.role"). */
export function FieldErrors({ errors }: { errors: readonly PlacedError[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul className="mt-1 space-y-0.5">
      {errors.map((e) => (
        <li key={`${e.path}:${e.message}`} data-testid={`field-error-${e.path}`} className="text-xs font-medium text-rose-700">
          {e.label ? `${e.label}: ` : ''}
          {e.message}
        </li>
      ))}
    </ul>
  );
}

type FieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly PlacedError[];
  hint?: ReactNode;
  multiline?: boolean | number;
  placeholder?: string;
  readOnly?: boolean;
};

export function TextField({ id, label, value, onChange, errors, hint, multiline, placeholder, readOnly }: FieldProps) {
  const invalid = (errors?.length ?? 0) > 0;
  const common = {
    id,
    'data-testid': `field-${id}`,
    value,
    placeholder,
    readOnly,
    'aria-invalid': invalid,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    className: `${inputClass} mt-1 ${readOnly ? 'bg-slate-50 text-slate-500' : ''}`,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {multiline ? <textarea rows={typeof multiline === 'number' ? multiline : 3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldErrors errors={errors} />
    </div>
  );
}

export function SelectField({ id, label, value, onChange, options, errors }: { id: string; label: string; value: string; onChange: (v: string) => void; options: readonly { value: string; label: string }[]; errors?: readonly PlacedError[] }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select id={id} data-testid={`field-${id}`} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={(errors?.length ?? 0) > 0} className={`${inputClass} mt-1`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors errors={errors} />
    </div>
  );
}

export function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-ink">{title}</legend>
      {description ? <p className="-mt-1 text-xs text-slate-500">{description}</p> : null}
      {children}
    </fieldset>
  );
}

export function SmallButton({ children, onClick, testId, tone = 'plain', disabled }: { children: ReactNode; onClick: () => void; testId?: string; tone?: 'plain' | 'danger'; disabled?: boolean }) {
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className={`rounded-md border px-2 py-1 text-xs font-medium disabled:opacity-40 ${tone === 'danger' ? 'border-rose-200 text-rose-700 hover:bg-rose-50' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
    >
      {children}
    </button>
  );
}
