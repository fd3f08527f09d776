'use client';

import { signIn } from '@/app/actions/accounts';
import { AuthField, FormAlert, SubmitButton } from './auth-field';
import { useActionForm, useGo } from './use-action-form';

/** Email and password; back to the page that sent you here. */
export function SignInForm({ next }: { next: string | null }) {
  const go = useGo();
  const form = useActionForm(
    (f) => signIn({ email: f.email ?? '', password: f.password ?? '', ...(next ? { next } : {}) }),
    (data) => go(data.next),
  );
  return (
    <form onSubmit={form.submit} className="space-y-4" data-testid="sign-in-form" noValidate>
      <FormAlert message={form.error?.message} />
      <AuthField label="Email" name="email" type="email" autoComplete="username" error={form.fieldError('email')} />
      <AuthField label="Password" name="password" type="password" autoComplete="current-password" error={form.fieldError('password')} />
      <SubmitButton pending={form.pending} label="Sign in" pendingLabel="Signing in…" testId="sign-in-submit" />
    </form>
  );
}
