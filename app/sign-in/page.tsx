import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/accounts/auth-field';
import { SignInForm } from '@/components/accounts/sign-in-form';
import { currentActor } from '@/lib/server/auth/actor';
import { needsOwner } from '@/lib/server/services/accounts';

export const metadata: Metadata = { title: 'Sign in — Cue' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ next?: string | string[] }> };

/** Sign in; before any account exists, first-run setup instead. */
export default async function SignInPage({ searchParams }: Props) {
  const raw = (await searchParams).next;
  const next = typeof raw === 'string' && /^\/(?![/\\])/.test(raw) ? raw : null;
  if (await needsOwner()) redirect('/setup');
  if (await currentActor()) redirect(next ?? '/');
  return (
    <AuthCard title="Sign in to Cue" intro="Use the email and password of your Cue account. No account yet? Ask your admin for an invitation link.">
      <SignInForm next={next} />
    </AuthCard>
  );
}
