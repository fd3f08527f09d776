import type { Metadata } from 'next';
import { listLiveAssistCalls } from '@/app/actions/assist';
import { NotForRole } from '@/components/accounts/not-for-role';
import { SupervisorView } from '@/components/assist/supervisor-view';
import { PageError } from '@/components/practice/page-error';
import { requireActor } from '@/lib/server/auth/page-access';
import { hasRole } from '@/lib/server/auth/policy';

export const metadata: Metadata = { title: 'Live calls — Cue' };
export const dynamic = 'force-dynamic';

/** Coaches see their team's agents' live calls, admins every live call; members are told it is not for them. */
export default async function SupervisorPage() {
  const actor = await requireActor('/assist/supervisor');
  if (!hasRole(actor, 'coach')) return <NotForRole what="supervisor view" needed="coaches and admins" backHref="/assist" backLabel="Back to agent assist" />;
  const live = await listLiveAssistCalls();
  if (!live.ok) return <PageError title="Live calls could not be loaded" message={live.error.message} backHref="/assist" backLabel="Back to agent assist" />;
  return <SupervisorView initial={live.data} />;
}
