'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { saveLiveSession } from '@/app/actions/live';
import { mintClientSecret } from '@/app/actions/realtime';
import { HintSession } from '@/lib/live/hints/hint-session';
import { createHintStore } from '@/lib/live/hints/hint-store';
import { loadLiveAgentConfig, prefetchLiveCallWhenIdle } from '@/lib/live/live-agents';
import { LiveContext, type LiveContextValue } from '@/lib/live/live-context';
import { MeetingRecorder } from '@/lib/live/meeting/meeting-recorder';
import { themHandle } from '@/lib/live/them-handle';
import { HINT_ASSISTANT_ID } from '@/agents/prompts/hint-assistant';
import { registerBenchTarget } from '@/lib/realtime/audio/bench-probe';
import { RealtimeController } from '@/lib/realtime/session/controller';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import type { Backend } from '@/lib/realtime/store/types';
import { RealtimeContext, type RealtimeContextValue } from '@/lib/realtime/store/use-realtime-store';
import { useSettingsStoreApi } from '@/components/settings/settings-store-provider';
import { whenIdle } from '@/lib/shared/when-idle';

/** This tab's sessionStorage, or null where the browser blocks it. */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Creates the page's realtime store, controller, hint session and meeting recorder once,
 * keeps the hint session on the current settings (changes apply to a running session at
 * once), brings back the tab's meeting after a reload, and releases the session on unmount.
 */
export function RealtimeProvider({ backend, children }: { backend: Backend; children: ReactNode }) {
  const settingsStore = useSettingsStoreApi();
  const [value] = useState<RealtimeContextValue & LiveContextValue>(() => {
    const store = createRealtimeStore();
    const controller = new RealtimeController({ store, mint: mintClientSecret, getAgentConfig: loadLiveAgentConfig });
    const hintStore = createHintStore();
    const hints = new HintSession({ host: controller, store, hintStore, settings: settingsStore.getState().settings });
    const meeting = new MeetingRecorder({
      host: controller,
      store,
      hintStore,
      storage: tabStorage(),
      save: saveLiveSession,
      backend,
      voice: () => settingsStore.getState().settings.voice,
    });
    // Their side: the meeting tab in a listening session of its own (the hint assistant's config never answers by itself).
    const them = themHandle(() =>
      import('@/lib/live/them-channel').then((m) => new m.ThemChannel({ host: controller, store, mint: mintClientSecret, agentId: HINT_ASSISTANT_ID, getAgentConfig: loadLiveAgentConfig })),
    );
    return { store, controller, hints, hintStore, meeting, them };
  });

  useEffect(() => {
    const { hints, controller, meeting, them } = value;
    const detachHints = hints.attach();
    // Bring back this tab's meeting after a reload before the recorder listens (the check of the kept
    // copy loads on demand, so attaching waits for it).
    let active = true;
    let detachMeeting = () => {};
    void meeting.restore().then(() => {
      if (active) detachMeeting = meeting.attach();
    });
    hints.updateSettings(settingsStore.getState().settings);
    const off = settingsStore.subscribe((s, prev) => {
      if (s.settings !== prev.settings) hints.updateSettings(s.settings);
    });
    registerBenchTarget('live', { ...value, flushSync });
    const cancelPrefetch = prefetchLiveCallWhenIdle();
    const cancelThemPrefetch = whenIdle(() => void them.load().then((c) => c.prefetch(), () => undefined));
    return () => {
      cancelPrefetch();
      cancelThemPrefetch();
      off();
      // Ending the call first lets the hints finish and the meeting be saved (leaving /live in the app).
      them.stop();
      controller.dispose();
      active = false;
      detachMeeting();
      detachHints();
    };
  }, [value, settingsStore]);
  return (
    <RealtimeContext.Provider value={value}>
      <LiveContext.Provider value={value}>{children}</LiveContext.Provider>
    </RealtimeContext.Provider>
  );
}
