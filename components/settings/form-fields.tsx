'use client';

import type { ReactNode } from 'react';

export const inputClass =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-ink shadow-sm focus:border-cue focus:outline-none focus:ring-2 focus:ring-cue/30 aria-[invalid=true]:border-rose-500 aria-[invalid=true]:ring-rose-200';

/** DOM id of a field's error message (dots would need escaping in CSS selectors). */
function errorId(path: string): string {
  return `settings-error-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** Props that tie a control to its (visible) error. */
export function invalidProps(path: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': errorId(path) } : { 'aria-invalid': false as const };
}

export function FieldError({ path, message }: { path: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={errorId(path)} data-testid={`field-error-${path}`} className="mt-1 text-xs font-medium text-rose-700">
      {message}
    </p>
  );
}

type NumberFieldProps = {
  id: string;
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  min: number;
  max: number;
  unit?: string;
  hint?: ReactNode;
};

export function NumberField({ id, path, label, value, onChange, error, min, max, unit, hint }: NumberFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const invalid = invalidProps(path, error);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          id={id}
          data-testid={id}
          type="number"
          inputMode="numeric"
          step={1}
          min={min}
          max={max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`${inputClass} max-w-28`}
          {...invalid}
          aria-describedby={[invalid['aria-describedby'], hintId].filter(Boolean).join(' ') || undefined}
        />
        {unit ? <span className="text-sm text-slate-500">{unit}</span> : null}
      </div>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError path={path} message={error} />
    </div>
  );
}

type SelectFieldProps = {
  id: string;
  path: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  error: string | undefined;
  note?: ReactNode;
};

export function SelectField({ id, path, label, value, options, onChange, error, note }: SelectFieldProps) {
  const noteId = note ? `${id}-note` : undefined;
  const invalid = invalidProps(path, error);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        data-testid={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className={`${inputClass} mt-1`}
        {...invalid}
        aria-describedby={[invalid['aria-describedby'], noteId].filter(Boolean).join(' ') || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {note ? (
        <p id={noteId} data-testid={`field-note-${path}`} className="mt-1 text-xs text-amber-700">
          {note}
        </p>
      ) : null}
      <FieldError path={path} message={error} />
    </div>
  );
}
