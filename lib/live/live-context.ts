import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HintSession } from './hints/hint-session';
import type { HintState, HintStore } from './hints/hint-store';

/** The live page's hint session and hint store, created once by `RealtimeProvider` (components/live). */
export type LiveContextValue = { hints: HintSession; hintStore: HintStore };

export const LiveContext = createContext<LiveContextValue | null>(null);

function useLiveContext(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useHintSession/useHintStore must be used inside the live page\'s <RealtimeProvider>.');
  return value;
}

export function useHintSession(): HintSession {
  return useLiveContext().hints;
}

/** Select from the hint store; re-renders only when the selected value changes. */
export function useHintStore<T>(selector: (state: HintState) => T): T {
  return useStore(useLiveContext().hintStore, selector);
}

/** The hint store itself, for reading on demand (exports) without subscribing. */
export function useHintStoreApi(): HintStore {
  return useLiveContext().hintStore;
}
