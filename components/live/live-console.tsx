'use client';

import { useState } from 'react';
import type { Backend, TransportKind } from '@/lib/realtime/types';
import { useRealtimeController } from '@/lib/realtime/use-realtime-store';
import { ConnectionBar, type AgentOption } from './connection-bar';
import { ErrorBanner } from './error-banner';
import { EventLogPanel } from './event-log-panel';
import { MessageComposer } from './message-composer';
import { RealtimeProvider } from './realtime-provider';
import { TranscriptView } from './transcript-view';

type Props = { backend: Backend; agents: AgentOption[]; defaultAgentId: string };

/** The live page: connection controls, errors, transcript with a composer, and the raw event log. */
export function LiveConsole(props: Props) {
  return (
    <RealtimeProvider>
      <LiveConsoleBody {...props} />
    </RealtimeProvider>
  );
}

function LiveConsoleBody({ backend, agents, defaultAgentId }: Props) {
  const controller = useRealtimeController();
  const [agentId, setAgentId] = useState(defaultAgentId);
  const [micEnabled, setMicEnabled] = useState(true);
  const [transport, setTransport] = useState<TransportKind>('webrtc');

  const connect = () => {
    void controller.connect({ agentId, transport, input: micEnabled ? 'mic' : 'none' });
  };

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Live assistant</h1>
        <p className="mt-1 text-sm text-slate-600">Talk or type to the assistant. Everything said appears in the transcript as it happens.</p>
      </div>
      <ConnectionBar
        agents={agents}
        agentId={agentId}
        onAgentChange={setAgentId}
        configuredBackend={backend}
        micEnabled={micEnabled}
        onMicEnabledChange={setMicEnabled}
        transport={transport}
        onTransportChange={setTransport}
        onConnect={connect}
      />
      <ErrorBanner />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:h-[calc(100vh-19rem)] lg:min-h-[28rem] lg:grid-cols-[minmax(0,1fr)_24rem]">
        <section aria-label="Conversation" className="flex h-[60vh] min-h-0 min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm lg:h-auto">
          <TranscriptView />
          <MessageComposer />
        </section>
        <div className="flex h-[40vh] min-h-0 min-w-0 flex-col lg:h-auto">
          <EventLogPanel />
        </div>
      </div>
    </div>
  );
}
