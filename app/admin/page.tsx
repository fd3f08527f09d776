import type { Metadata } from 'next';
import { getAdminView } from '@/app/actions/admin';
import { InvitePanel } from '@/components/admin/invite-panel';
import { PeoplePanel } from '@/components/admin/people-panel';
import { PageError } from '@/components/practice/page-error';
import { requireAdmin } from '@/lib/server/auth/page-access';

export const metadata: Metadata = { title: 'Admin — Cue' };
export const dynamic = 'force-dynamic';

/** Accounts, roles, teams and invitations. Admins only. */
export default async function AdminPage() {
  const actor = await requireAdmin('/admin');
  const result = await getAdminView();
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
    </div>
  );
}
