import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { listScenarios } from '@/app/actions/practice';
import { PageError } from '@/components/practice/page-error';
import { ScenarioEditor } from '@/components/practice/scenario-editor/scenario-editor';

export const metadata: Metadata = { title: 'Scenarios — Cue' };
export const dynamic = 'force-dynamic';

/** Create, edit, duplicate, delete, import and export scenarios. */
export default async function ScenariosPage() {
  await requireActor('/practice/scenarios');
  const result = await listScenarios();
  if (!result.ok) return <PageError title="Scenarios could not be loaded" message={result.error.message} />;
  return <ScenarioEditor entries={result.data} />;
}
