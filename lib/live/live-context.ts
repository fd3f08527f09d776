import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HintSession } from './hints/hint-session';
import type { HintState, HintStore } from './hints/hint-store';
import type { MeetingRecorder, MeetingState } from './meeting/meeting-recorder';
import type { ThemHandle } from './them-handle';

/** The live page's hint session, hint store and meeting recorder, created once by `RealtimeProvider` (components/live). */
export type LiveContextValue = { hints: HintSession; hintStore: HintStore; meeting: MeetingRecorder; them: ThemHandle };

export const LiveContext = createContext<LiveContextValue | null>(null);

function useLiveContext(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useHintSession/useHintStore/useMeetingState must be used inside the live page\'s <RealtimeProvider>.');
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

export function useMeetingRecorder(): MeetingRecorder {
  return useLiveContext().meeting;
}

/** Select from the meeting recorder's state (save status, restored, the tab's copy). */
export function useMeetingState<T>(selector: (state: MeetingState) => T): T {
  return useStore(useLiveContext().meeting.state, selector);
}

/** The "them" channel (the meeting tab's own transcription session, and lines typed for them), loaded on demand. */
export function useThemChannel(): ThemHandle {
  return useLiveContext().them;
}
