'use client';

import { useState } from 'react';
import { SettingsDialog } from '@/components/settings/lazy-settings-dialog';
import { SettingsStoreProvider, useSettingsStore, useSettingsStoreApi } from '@/components/settings/settings-store-provider';
import { HINT_AGENT_IDS } from '@/lib/live/hints/hint-session';
import type { Backend } from '@/lib/realtime/store/types';
import { useHintSession } from '@/lib/live/live-context';
import { useRealtimeController, useRealtimeStore, useRealtimeStoreApi } from '@/lib/realtime/store/use-realtime-store';
import { connectOptionsFromSettings } from '@/lib/live/settings/connect-options';
import { ConnectionBar, type AgentOption } from './connection-bar';
import { ErrorBanner, ReconnectNotice } from './error-banner';
import { canToggleMute, HintControls } from './hint-controls';
import { EventLogPanel, TranscriptView } from './lazy-panels';
import { MessageComposer } from './message-composer';
import { RealtimeProvider } from './realtime-provider';
import { TranscriptToolbar } from './transcript-toolbar';
import { useLiveShortcuts } from './use-live-shortcuts';

type Props = { backend: Backend; agents: AgentOption[]; defaultAgentId: string };

/** The live page: status and hint controls, errors, the transcript with hint cards, and the raw event log. */
export function LiveConsole(props: Props) {
  return (
    <SettingsStoreProvider>
      <RealtimeProvider>
        <LiveConsoleBody {...props} />
      </RealtimeProvider>
    </SettingsStoreProvider>
  );
}

function LiveConsoleBody({ backend, agents, defaultAgentId }: Props) {
  const controller = useRealtimeController();
  const hints = useHintSession();
  const store = useRealtimeStoreApi();
  const settingsStore = useSettingsStoreApi();
  const model = useSettingsStore((s) => s.settings.model);
  // A saved copy is read (and checked) just after load; Connect waits for it so it uses the saved settings.
  const settingsReady = useSettingsStore((s) => s.hydrated);
  const connected = useRealtimeStore((s) => s.connection !== 'disconnected');
  const [agentId, setAgentId] = useState(defaultAgentId);
  const [micEnabled, setMicEnabled] = useState(true);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const hintAgent = HINT_AGENT_IDS.includes(agentId);

  const connect = () => {
    void controller.connect({ agentId, ...connectOptionsFromSettings(settingsStore.getState().settings, { micEnabled }) });
  };

  useLiveShortcuts(
    {
      quickHint: () => hints.request('quick', 'shortcut'),
      fullGuidance: () => hints.request('full', 'shortcut'),
      interrupt: () => hints.interrupt('shortcut'),
      toggleMute: () => {
        const s = store.getState();
        if (canToggleMute(s)) controller.setMuted(!s.muted);
      },
    },
    !settingsOpen,
  );

  return (
    <div className="space-y-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">Live assistant</h1>
        <p className="mt-1 text-sm text-slate-600">
          Keep this open during a meeting. Cue listens and stays silent; it speaks a short hint in your earpiece only when you ask
          (a trigger phrase, the buttons, H or G) and stops the moment you say &ldquo;got it&rdquo; or press Esc.
        </p>
      </div>
      <ConnectionBar
        agents={agents}
        agentId={agentId}
        onAgentChange={setAgentId}
        configuredBackend={backend}
        model={model}
        micEnabled={micEnabled}
        onMicEnabledChange={setMicEnabled}
        onConnect={connect}
        connectDisabled={!settingsReady}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      <HintControls hintAgent={hintAgent} />
      <ReconnectNotice />
      <ErrorBanner />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:h-[calc(100vh-22rem)] lg:min-h-[28rem] lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Conversation" className="flex h-[60vh] min-h-0 min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm lg:h-auto">
          <TranscriptToolbar />
          <TranscriptView />
          <MessageComposer />
        </section>
        <div className="flex h-[40vh] min-h-0 min-w-0 flex-col lg:h-auto">
          <EventLogPanel />
        </div>
      </div>
      <SettingsDialog open={settingsOpen} onOpenChange={setSettingsOpen} liveSessionActive={connected} backend={backend} />
    </div>
  );
}
