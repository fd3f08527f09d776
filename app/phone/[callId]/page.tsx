import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CallDetail } from '@/components/phone/call-detail';
import { requireAdmin } from '@/lib/server/auth/page-access';
import { phoneCallDetail } from '@/lib/server/phone/call-views';

export const metadata: Metadata = { title: 'Phone call — Cue' };
export const dynamic = 'force-dynamic';

/** One phone call's log (admins); updates live while the call runs. */
export default async function PhoneCallPage({ params }: { params: Promise<{ callId: string }> }) {
  const { callId } = await params;
  await requireAdmin(`/phone/${callId}`);
  const call = await phoneCallDetail(callId);
  if (!call) notFound();
  return (
    <div className="space-y-4">
      <Link href="/phone" className="text-sm text-cue hover:underline">
        ← All calls
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Call with {call.agentName}</h1>
      <CallDetail initial={call} />
    </div>
  );
}
