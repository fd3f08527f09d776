import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { listProgress, listScenarios } from '@/app/actions/practice';
import { PageError } from '@/components/practice/page-error';
import { ScenarioLibrary } from '@/components/practice/scenario-library';
import { realtimeBackend } from '@/lib/server/env';

export const metadata: Metadata = { title: 'Practice — Cue' };
export const dynamic = 'force-dynamic';

/** The scenario library: pick a scenario and a difficulty, start a call. */
export default async function PracticePage() {
  await requireActor('/practice');
  const [scenarios, progress] = await Promise.all([listScenarios(), listProgress()]);
  if (!scenarios.ok) return <PageError title="The scenario library could not be loaded" message={scenarios.error.message} backHref="/" backLabel="Home" />;
  return <ScenarioLibrary entries={scenarios.data} progress={progress.ok ? progress.data : []} backend={realtimeBackend()} />;
}
