import type { Metadata } from 'next';
import { agentRegistry, DEFAULT_AGENT_ID } from '@/agents/registry';
import { LiveConsole } from '@/components/live/live-console';
import { realtimeBackend } from '@/lib/env';

export const metadata: Metadata = { title: 'Live assistant — Cue' };

// The backend is read from the server's environment at request time, not at build time.
export const dynamic = 'force-dynamic';

export default function LivePage() {
  const agents = Object.values(agentRegistry).map(({ id, name, model, purpose }) => ({ id, name, model, purpose }));
  return <LiveConsole backend={realtimeBackend()} agents={agents} defaultAgentId={String(DEFAULT_AGENT_ID)} />;
}
