import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RealtimeController } from '../session/controller';
import type { RealtimeState, RealtimeStore } from './store';

/** A page's realtime store and controller, created once by the page's provider. */
export type RealtimeContextValue = { store: RealtimeStore; controller: RealtimeController };

export const RealtimeContext = createContext<RealtimeContextValue | null>(null);

function useRealtimeContext(): RealtimeContextValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtimeStore/useRealtimeController must be used inside <RealtimeProvider>.');
  return value;
}

/** Select from the realtime store; the component re-renders only when the selected value changes. */
export function useRealtimeStore<T>(selector: (state: RealtimeState) => T): T {
  return useStore(useRealtimeContext().store, selector);
}

export function useRealtimeController(): RealtimeController {
  return useRealtimeContext().controller;
}

/** The store itself, for reading on demand (exports, copy) without subscribing. */
export function useRealtimeStoreApi(): RealtimeStore {
  return useRealtimeContext().store;
}
