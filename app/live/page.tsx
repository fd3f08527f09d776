import type { Metadata } from 'next';
import { requireActor } from '@/lib/server/auth/page-access';
import { hintAssistant } from '@/agents/hint-assistant';
import { practicePartner } from '@/agents/practice-partner';
import { agentRegistry } from '@/agents/registry';
import { listLiveSessions } from '@/app/actions/live';
import { LiveConsole } from '@/components/live/live-console';
import { PAST_MEETINGS_SHOWN } from '@/lib/live/meeting/past-meetings';
import { realtimeBackend } from '@/lib/server/env';
import { readEngineSpeech } from '@/lib/server/model-access/engine-speech';

export const metadata: Metadata = { title: 'Live assistant — Cue' };

// The backend is read from the server's environment at request time, not at build time.
export const dynamic = 'force-dynamic';

/** Agents offered on the live page: the hint assistant, and a free conversation partner. */
const LIVE_AGENT_IDS: readonly string[] = [hintAssistant.id, practicePartner.id];

export default async function LivePage() {
  await requireActor('/live');
  const agents = Object.values(agentRegistry)
    .filter((a) => LIVE_AGENT_IDS.includes(a.id))
    .map(({ id, name, model, purpose }) => ({ id, name, model, purpose }));
  const backend = realtimeBackend();
  const [past, engineSpeech] = await Promise.all([listLiveSessions({ limit: PAST_MEETINGS_SHOWN }), backend === 'local' ? readEngineSpeech() : null]);
  return (
    <LiveConsole
      backend={backend}
      engineSpeech={engineSpeech}
      agents={agents}
      defaultAgentId={hintAssistant.id}
      pastMeetings={past.ok ? past.data : null}
      pastMeetingsError={past.ok ? null : past.error.message}
    />
  );
}
