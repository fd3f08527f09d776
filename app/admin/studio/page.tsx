import type { Metadata } from 'next';
import Link from 'next/link';
import { listStudioAgents } from '@/app/actions/studio';
import { PageError } from '@/components/practice/page-error';
import { StudioAgentList } from '@/components/studio/agent-list';
import { NewAgentForm } from '@/components/studio/new-agent-form';
import { requireAdmin } from '@/lib/server/auth/page-access';

export const metadata: Metadata = { title: 'Agent studio — Cue' };
export const dynamic = 'force-dynamic';

/** Admin: the phone agents whose configs live in the database. */
export default async function StudioPage() {
  await requireAdmin('/admin/studio');
  const result = await listStudioAgents();
  if (!result.ok) return <PageError title="The agent studio could not be loaded" message={result.error.message} backHref="/admin" backLabel="Admin" />;
  return (
    <div className="space-y-5" data-testid="studio-page">
      <div>
        <Link href="/admin" className="text-sm text-cue underline">
          ← Admin
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">Agent studio</h1>
        <p className="mt-1 text-sm text-slate-600">
          The agents that answer your phone numbers. Every save is a new version; live calls pick up a saved change within a second.
        </p>
      </div>
      <StudioAgentList agents={result.data} />
      <NewAgentForm agents={result.data} />
    </div>
  );
}
