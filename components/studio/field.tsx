import type { ReactNode } from 'react';

/** A labelled form field with its errors under it (ids tie the errors to the input for screen readers). */
export function Field({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors: string[]; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {children}
      {errors.map((e) => (
        <p key={e} id={`${id}-error`} role="alert" className="text-xs text-rose-700" data-testid={`${id}-error`}>
          {e}
        </p>
      ))}
    </div>
  );
}

export const inputClass = 'w-full rounded-lg border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-rose-500';
