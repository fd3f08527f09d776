import type { Metadata } from 'next';
import { searchPastAssistCalls } from '@/app/actions/assist';
import { AssistConsole } from '@/components/assist/assist-console';
import { CALL_TYPES } from '@/lib/assist/call/checklist';
import { requireActor } from '@/lib/server/auth/page-access';
import { hasRole } from '@/lib/server/auth/policy';

export const metadata: Metadata = { title: 'Agent assist — Cue' };
export const dynamic = 'force-dynamic';

export default async function AssistPage() {
  const actor = await requireActor('/assist');
  // The first visit generates the demo systems of record (a few seconds); later visits are instant.
  const past = await searchPastAssistCalls({ query: '' });
  return (
    <AssistConsole
      callTypes={CALL_TYPES.map(({ id, label }) => ({ id, label }))}
      pastCalls={past.ok ? past.data : []}
      pastCallsError={past.ok ? null : past.error.message}
      canSupervise={hasRole(actor, 'coach')}
      canImport={hasRole(actor, 'admin')}
    />
  );
}
