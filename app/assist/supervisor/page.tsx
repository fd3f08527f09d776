import type { Metadata } from 'next';
import { listLiveAssistCalls } from '@/app/actions/assist';
import { SupervisorView } from '@/components/assist/supervisor-view';

export const metadata: Metadata = { title: 'Live calls — Cue' };
export const dynamic = 'force-dynamic';

export default async function SupervisorPage() {
  const live = await listLiveAssistCalls();
  return <SupervisorView initial={live.ok ? live.data : []} />;
}
