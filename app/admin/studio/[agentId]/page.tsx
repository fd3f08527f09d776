import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getStudioEditor } from '@/app/actions/studio';
import { PageError } from '@/components/practice/page-error';
import { StudioAgentEditor } from '@/components/studio/agent-editor';
import { PhoneNumbersPanel } from '@/components/studio/phone-numbers-panel';
import { TryItPanel } from '@/components/studio/try-it-panel';
import { VersionHistory } from '@/components/studio/version-history';
import { requireAdmin } from '@/lib/server/auth/page-access';

export const metadata: Metadata = { title: 'Agent studio — Cue' };
export const dynamic = 'force-dynamic';

/** Admin: one agent's config editor, "Try it", its phone numbers and its version history. */
export default async function StudioAgentPage({ params }: { params: Promise<{ agentId: string }> }) {
  const { agentId } = await params;
  await requireAdmin(`/admin/studio/${agentId}`);
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(agentId)) notFound();
  const result = await getStudioEditor({ agentId });
  if (!result.ok && result.error.code === 'not_found') notFound();
  if (!result.ok) return <PageError title="This agent could not be loaded" message={result.error.message} backHref="/admin/studio" backLabel="Agent studio" />;
  const view = result.data;
  return (
    <div className="space-y-6" data-testid="studio-agent-page">
      <div>
        <Link href="/admin/studio" className="text-sm text-cue underline">
          ← Agent studio
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink">{view.agent.name}</h1>
        <p className="text-sm text-slate-600">
          <span className="font-mono text-xs">{view.agent.id}</span> · version <span data-testid="studio-current-version">{view.version}</span>
          {view.builtin ? ' · built-in (seeded from agents/studio-builtins.ts)' : ''}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <StudioAgentEditor key={`editor-${view.version}`} agent={view.agent} version={view.version} />
        <div className="space-y-6">
          <TryItPanel agent={view.agent} version={view.version} />
          <PhoneNumbersPanel agentId={view.agent.id} numbers={view.numbers} />
          <VersionHistory key={`history-${view.version}`} agentId={view.agent.id} currentVersion={view.version} versions={view.versions} />
        </div>
      </div>
    </div>
  );
}
