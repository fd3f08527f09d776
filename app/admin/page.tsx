import type { Metadata } from 'next';
import Link from 'next/link';
import { getAdminView } from '@/app/actions/admin';
import { getRetention } from '@/app/actions/retention';
import { InvitePanel } from '@/components/admin/invite-panel';
import { PeoplePanel } from '@/components/admin/people-panel';
import { RetentionForm } from '@/components/admin/retention-form';
import { PageError } from '@/components/practice/page-error';
import { requireAdmin } from '@/lib/server/auth/page-access';

export const metadata: Metadata = { title: 'Admin — Cue' };
export const dynamic = 'force-dynamic';

/** Accounts, roles, teams and invitations; transcript retention; the website widget's sites. Admins only. */
export default async function AdminPage() {
  const actor = await requireAdmin('/admin');
  const [result, retention] = await Promise.all([getAdminView(), getRetention()]);
  if (!result.ok) return <PageError title="The admin page could not be loaded" message={result.error.message} backHref="/" backLabel="Home" />;
  const { accounts, teams, invitations } = result.data;
  return (
    <div className="space-y-5" data-testid="admin-page">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Admin</h1>
        <p className="mt-1 text-sm text-slate-600">Invite people, give roles (member, coach, admin) and put people in teams.</p>
      </div>
      <InvitePanel teams={teams} invitations={invitations} />
      <PeoplePanel accounts={accounts} teams={teams} selfId={actor.id} />
      {retention.ok ? (
        <RetentionForm initial={retention.data} />
      ) : (
        <p role="alert" className="text-sm text-rose-700">The retention setting could not be loaded: {retention.error.message}</p>
      )}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold">Agent studio</h2>
        <p className="mt-1 text-sm text-slate-600">The phone agents: instructions, voice, greeting, tools, versions and the numbers that ring them.</p>
        <Link href="/admin/studio" data-testid="admin-studio-link" className="mt-2 inline-block text-sm font-medium text-cue underline">
          Open the studio
        </Link>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="text-base font-semibold">Website widget</h2>
        <p className="mt-1 text-sm text-slate-600">The websites that embed the voice concierge: allowed origins, limits, knowledge, leads and bookings.</p>
        <Link href="/admin/sites" data-testid="admin-sites-link" className="mt-2 inline-block text-sm font-medium text-cue underline">
          Manage sites
        </Link>
      </section>
    </div>
  );
}
