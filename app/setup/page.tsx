import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/accounts/auth-field';
import { SetupForm } from '@/components/accounts/setup-form';
import { needsOwner } from '@/lib/server/services/accounts';

export const metadata: Metadata = { title: 'Set up Cue' };
export const dynamic = 'force-dynamic';

/** First run: no account exists yet, so whoever opens Cue first creates the owner (admin) account. */
export default async function SetupPage() {
  if (!(await needsOwner())) redirect('/sign-in');
  return (
    <AuthCard
      title="Welcome to Cue: create the owner account"
      intro="Nobody has an account here yet. The account you create now is the owner: an admin who can invite others, make teams and give roles. There are no default passwords."
    >
      <SetupForm />
    </AuthCard>
  );
}
