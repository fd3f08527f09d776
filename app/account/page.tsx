import type { Metadata } from 'next';
import { MyData } from '@/components/accounts/my-data';
import { PasswordForm } from '@/components/accounts/password-form';
import { requireActor } from '@/lib/server/auth/page-access';

export const metadata: Metadata = { title: 'Your account — Cue' };
export const dynamic = 'force-dynamic';

/** Who you are, your password, your data. */
export default async function AccountPage() {
  const actor = await requireActor('/account');
  return (
    <div className="mx-auto max-w-2xl space-y-6" data-testid="account-page">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Your account</h1>
        <p className="mt-1 text-sm text-slate-600" data-testid="account-who">
          {actor.name} · {actor.email} · {actor.role}
        </p>
      </div>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-sm font-semibold text-ink">Password</h2>
        <PasswordForm />
      </section>
      <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-sm font-semibold text-ink">Your data</h2>
        <MyData />
      </section>
    </div>
  );
}
