'use client';

import { useRef, useState } from 'react';
import { SettingsDialog } from '@/components/settings/lazy-settings-dialog';
import { SettingsStoreProvider, useSettingsStore, useSettingsStoreApi } from '@/components/settings/settings-store-provider';
import { HINT_AGENT_IDS } from '@/lib/live/hints/hint-session';
import type { LiveSessionSummary } from '@/lib/live/meeting/saved-meeting';
import type { EngineSpeech } from '@/lib/contracts/engine-speech';
import type { Backend } from '@/lib/realtime/store/types';
import { useHintSession, useMeetingRecorder, useMeetingState, useThemChannel } from '@/lib/live/live-context';
import { useRealtimeController, useRealtimeStore, useRealtimeStoreApi } from '@/lib/realtime/store/use-realtime-store';
import { connectOptionsFromSettings } from '@/lib/live/settings/connect-options';
import { ConnectionBar, type AgentOption } from './connection-bar';
import { ErrorBanner, ReconnectNotice } from './error-banner';
import { EventLogPanel, ThemChannelBar, TranscriptView } from './lazy-panels';
import { canToggleMute, HintControls } from './hint-controls';
import { MeetingStatus } from './meeting-status';
import { MessageComposer } from './message-composer';
import { PastMeetings } from './past-meetings';
import { RealtimeProvider } from './realtime-provider';
import { TranscriptToolbar } from './transcript-toolbar';
import { useLeaveWarning } from './use-leave-warning';
import { useLiveShortcuts } from './use-live-shortcuts';

type Props = {
  backend: Backend;
  /** The local engine's speech, read from its health check on the server. */
  engineSpeech: EngineSpeech | null;
  agents: AgentOption[];
  defaultAgentId: string;
  pastMeetings: LiveSessionSummary[] | null;
  pastMeetingsError: string | null;
};

/** The live page: status and hint controls, errors, the transcript with hint cards, the raw event log and past meetings. */
export function LiveConsole(props: Props) {
  return (
    <SettingsStoreProvider>
      <RealtimeProvider backend={props.backend}>
        <LiveConsoleBody {...props} />
      </RealtimeProvider>
    </SettingsStoreProvider>
  );
}

function LiveConsoleBody({ backend, engineSpeech, agents, defaultAgentId, pastMeetings, pastMeetingsError }: Props) {
  const controller = useRealtimeController();
  const hints = useHintSession();
  const them = useThemChannel();
  // Speech shows as words with OpenAI, and with the local engine when it has offline recognition.
  const hears = backend !== 'local' || engineSpeech?.recognition.available === true;
  const meeting = useMeetingRecorder();
  const store = useRealtimeStoreApi();
  const settingsStore = useSettingsStoreApi();
  const model = useSettingsStore((s) => s.settings.model);
  const tracing = useSettingsStore((s) => s.settings.tracing);
  // A saved copy is read (and checked) just after load; Connect waits for it so it uses the saved settings.
  const settingsReady = useSettingsStore((s) => s.hydrated);
  const connected = useRealtimeStore((s) => s.connection !== 'disconnected');
  const continuing = useRealtimeStore((s) => s.connection === 'disconnected' && s.transcript.order.length > 0);
  const restoredAgentId = useMeetingState((s) => s.restoredAgentId);
  const [chosenAgentId, setAgentId] = useState<string | null>(null);
  const [micEnabled, setMicEnabled] = useState(true);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsButton = useRef<HTMLButtonElement>(null);
  // A meeting brought back after a reload continues with its own agent unless the user picks another.
  const agentId = chosenAgentId ?? (restoredAgentId && agents.some((a) => a.id === restoredAgentId) ? restoredAgentId : defaultAgentId);
  const hintAgent = HINT_AGENT_IDS.includes(agentId);
  useLeaveWarning();

  const connect = () => {
    // With a transcript on screen the meeting continues: its lines are replayed into the new session.
    const restoreHistory = meeting.historyToContinue();
    const { shareTheirTab, ...options } = connectOptionsFromSettings(settingsStore.getState().settings, { micEnabled });
    // Their tab first: the share picker needs this click's gesture (it lasts a few seconds, long
    // enough for their channel's code, prefetched while the page was idle, to load).
    if (shareTheirTab) void them.load().then((channel) => channel.start(), (error: unknown) => store.getState().actions.note('them.load_failed', { message: error instanceof Error ? error.message : String(error) }));
    void controller.connect({ agentId, restoreHistory, ...options });
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
        engineSpeech={engineSpeech}
        model={model}
        tracing={tracing}
        micEnabled={micEnabled}
        onMicEnabledChange={setMicEnabled}
        connectLabel={continuing ? 'Continue meeting' : 'Connect'}
        onConnect={connect}
        connectDisabled={!settingsReady}
        onOpenSettings={() => setSettingsOpen(true)}
        settingsButtonRef={settingsButton}
      />
      <HintControls hintAgent={hintAgent} />
      <ThemChannelBar />
      <MeetingStatus />
      <ReconnectNotice />
      <ErrorBanner />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:h-[calc(100vh-22rem)] lg:min-h-[28rem] lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-label="Conversation" className="flex h-[60vh] min-h-0 min-w-0 flex-col rounded-xl border border-slate-200 bg-white shadow-sm lg:h-auto">
          <TranscriptToolbar backend={backend} />
          <TranscriptView backend={backend} hintAgent={hintAgent} hears={hears} />
          <MessageComposer backend={backend} hintAgent={hintAgent} hears={hears} />
        </section>
        <div className="flex h-[40vh] min-h-0 min-w-0 flex-col lg:h-auto">
          <EventLogPanel />
        </div>
      </div>
      <PastMeetings initial={pastMeetings} loadError={pastMeetingsError} />
      <SettingsDialog open={settingsOpen} onOpenChange={setSettingsOpen} returnFocusRef={settingsButton} liveSessionActive={connected} backend={backend} />
    </div>
  );
}
