import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RealtimeState } from '@/lib/realtime/store/store';
import type { CallData } from './call-store';
import type { PracticeCallController } from './practice-call-controller';

/** The practice call page's controller, provided once by PracticeCallProvider (components/practice). */
export const PracticeCallContext = createContext<PracticeCallController | null>(null);

export function usePracticeCall(): PracticeCallController {
  const call = useContext(PracticeCallContext);
  if (!call) throw new Error('usePracticeCall must be used inside <PracticeCallProvider>.');
  return call;
}

/** Select from the call store; re-renders only when the selected value changes. */
export function useCallStore<T>(selector: (state: CallData) => T): T {
  return useStore(usePracticeCall().store, selector);
}

/** Select from the call's realtime store (connection, transcript, errors). */
export function useCallRealtime<T>(selector: (state: RealtimeState) => T): T {
  return useStore(usePracticeCall().realtimeStore, selector);
}
