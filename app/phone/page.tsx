import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CallList } from '@/components/phone/call-list';
import { PHONE_CALL_STATUSES, type PhoneCallStatus } from '@/lib/contracts/phone-call';
import { requireActor } from '@/lib/server/auth/page-access';
import { hasRole } from '@/lib/server/auth/policy';
import { phoneCallList } from '@/lib/server/phone/call-views';

export const metadata: Metadata = { title: 'Phone calls — Cue' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ status?: string | string[]; agent?: string | string[] }> };

const STATUS_FILTERS: { value: PhoneCallStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'completed', label: 'Completed' },
  { value: 'transferred', label: 'Transferred' },
  { value: 'failed', label: 'Failed' },
];

/** The phone line's call log (admins; anyone else goes to the simulator): filters by status and agent, live while calls run. */
export default async function PhonePage({ searchParams }: Props) {
  const actor = await requireActor('/phone');
  if (!hasRole(actor, 'admin')) redirect('/phone/simulator');
  const params = await searchParams;
  const status = typeof params.status === 'string' && (PHONE_CALL_STATUSES as readonly string[]).includes(params.status) ? (params.status as PhoneCallStatus) : undefined;
  const agent = typeof params.agent === 'string' && /^[a-z][a-z0-9-]{1,40}$/.test(params.agent) ? params.agent : undefined;
  const calls = await phoneCallList({ ...(status ? { status } : {}), ...(agent ? { agentId: agent } : {}) });
  const query = new URLSearchParams({ ...(status ? { status } : {}), ...(agent ? { agent } : {}) }).toString();
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Phone calls</h1>
          <p className="mt-1 text-sm text-slate-600">Every call to the phone line and from the simulator: who said what, the tools the agent ran, how it ended.</p>
        </div>
        <Link href="/phone/simulator" className="rounded-lg bg-cue px-4 py-2 text-sm font-semibold text-white hover:opacity-90" data-testid="phone-open-simulator">
          Phone simulator
        </Link>
      </div>
      <nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
        {STATUS_FILTERS.map((f) => {
          const href = `/phone${f.value || agent ? `?${new URLSearchParams({ ...(f.value ? { status: f.value } : {}), ...(agent ? { agent } : {}) })}` : ''}`;
          const current = (status ?? '') === f.value;
          return (
            <Link key={f.label} href={href} aria-current={current ? 'page' : undefined} className={`rounded-full border px-3 py-1 ${current ? 'border-cue bg-cue/10 font-medium text-cue' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}>
              {f.label}
            </Link>
          );
        })}
        {agent ? (
          <Link href={status ? `/phone?status=${status}` : '/phone'} className="rounded-full border border-slate-300 px-3 py-1 text-slate-700">
            Agent {agent} ✕
          </Link>
        ) : null}
      </nav>
      <CallList initial={calls} query={query ? `?${query}` : ''} />
    </div>
  );
}
