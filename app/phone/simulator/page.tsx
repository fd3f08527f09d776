import type { Metadata } from 'next';
import Link from 'next/link';
import { PhoneSimulator } from '@/components/phone/phone-simulator';
import { requireActor } from '@/lib/server/auth/page-access';
import { phoneAgentSource } from '@/lib/server/phone/agent-source';
import { env } from '@/lib/server/env';
import { DEFAULT_PHONE_AGENT_ID } from '@/agents/studio-builtins';

export const metadata: Metadata = { title: 'Phone simulator — Cue' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ agent?: string | string[] }> };

/** Call a phone agent from the browser (?agent=<id>; default: the agent answering unmapped numbers). */
export default async function PhoneSimulatorPage({ searchParams }: Props) {
  await requireActor('/phone/simulator');
  const wanted = (await searchParams).agent;
  const source = phoneAgentSource(env());
  const agent = (typeof wanted === 'string' && /^[a-z][a-z0-9-]{1,40}$/.test(wanted) ? await source.byId(wanted) : null) ?? (await source.forNumber('')) ?? (await source.byId(DEFAULT_PHONE_AGENT_ID));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Phone simulator</h1>
        <p className="mt-1 text-sm text-slate-600">
          Call a phone agent without Twilio. Calls appear in the <Link href="/phone" className="text-cue hover:underline">call log</Link>.
        </p>
      </div>
      {agent ? <PhoneSimulator agentId={agent.id} agentName={agent.name} /> : <p className="text-sm text-rose-700">No phone agent is configured.</p>}
    </div>
  );
}
