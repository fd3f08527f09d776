'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { mintClientSecret } from '@/app/actions/realtime';
import { HintSession } from '@/lib/live/hints/hint-session';
import { createHintStore } from '@/lib/live/hints/hint-store';
import { loadLiveAgentConfig, prefetchLiveCallWhenIdle } from '@/lib/live/live-agents';
import { LiveContext, type LiveContextValue } from '@/lib/live/live-context';
import { registerBenchTarget } from '@/lib/realtime/audio/bench-probe';
import { RealtimeController } from '@/lib/realtime/session/controller';
import { createRealtimeStore } from '@/lib/realtime/store/store';
import { RealtimeContext, type RealtimeContextValue } from '@/lib/realtime/store/use-realtime-store';
import { useSettingsStoreApi } from '@/components/settings/settings-store-provider';

/**
 * Creates the page's realtime store, controller and hint session once, keeps the hint
 * session on the current settings (changes apply to a running session at once), and
 * releases the session on unmount.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const settingsStore = useSettingsStoreApi();
  const [value] = useState<RealtimeContextValue & LiveContextValue>(() => {
    const store = createRealtimeStore();
    const controller = new RealtimeController({ store, mint: mintClientSecret, getAgentConfig: loadLiveAgentConfig });
    const hintStore = createHintStore();
    const hints = new HintSession({ host: controller, store, hintStore, settings: settingsStore.getState().settings });
    return { store, controller, hints, hintStore };
  });

  useEffect(() => {
    const { hints, controller } = value;
    const detach = hints.attach();
    hints.updateSettings(settingsStore.getState().settings);
    const off = settingsStore.subscribe((s, prev) => {
      if (s.settings !== prev.settings) hints.updateSettings(s.settings);
    });
    registerBenchTarget('live', { ...value, flushSync });
    const cancelPrefetch = prefetchLiveCallWhenIdle();
    return () => {
      cancelPrefetch();
      off();
      detach();
      controller.dispose();
    };
  }, [value, settingsStore]);
  return (
    <RealtimeContext.Provider value={value}>
      <LiveContext.Provider value={value}>{children}</LiveContext.Provider>
    </RealtimeContext.Provider>
  );
}
