'use client';

import { setUpOwner } from '@/app/actions/accounts';
import { AuthField, FormAlert, SubmitButton } from './auth-field';
import { useActionForm, useGo } from './use-action-form';

/** First run: the owner's name, email and password. */
export function SetupForm() {
  const go = useGo();
  const form = useActionForm(
    (f) => setUpOwner({ name: f.name ?? '', email: f.email ?? '', password: f.password ?? '' }),
    () => go('/'),
  );
  return (
    <form onSubmit={form.submit} className="space-y-4" data-testid="setup-form" noValidate>
      <FormAlert message={form.error?.message} />
      <AuthField label="Your name" name="name" autoComplete="name" error={form.fieldError('name')} />
      <AuthField label="Email" name="email" type="email" autoComplete="username" error={form.fieldError('email')} />
      <AuthField label="Password" name="password" type="password" autoComplete="new-password" error={form.fieldError('password')} hint="At least 10 characters." />
      <SubmitButton pending={form.pending} label="Create the owner account" pendingLabel="Creating…" testId="setup-submit" />
    </form>
  );
}
