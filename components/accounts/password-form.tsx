'use client';

import { useState } from 'react';
import { changePassword } from '@/app/actions/accounts';
import { AuthField, FormAlert, SubmitButton } from './auth-field';
import { useActionForm } from './use-action-form';

/** Change the password; every other device is signed out. */
export function PasswordForm() {
  const [done, setDone] = useState(false);
  const form = useActionForm(
    (f) => changePassword({ currentPassword: f.currentPassword ?? '', newPassword: f.newPassword ?? '' }),
    () => setDone(true),
  );
  return (
    <form
      onSubmit={(e) => {
        setDone(false);
        form.submit(e);
      }}
      className="space-y-3"
      data-testid="password-form"
      noValidate
    >
      <FormAlert message={form.error?.message} />
      {done ? (
        <p role="status" data-testid="password-changed" className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Password changed. Other devices signed in to this account were signed out.
        </p>
      ) : null}
      <AuthField label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={form.fieldError('currentPassword')} />
      <AuthField label="New password" name="newPassword" type="password" autoComplete="new-password" error={form.fieldError('newPassword')} hint="At least 10 characters." />
      <SubmitButton pending={form.pending} label="Change password" pendingLabel="Changing…" testId="password-submit" />
    </form>
  );
}
