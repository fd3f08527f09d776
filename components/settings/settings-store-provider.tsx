'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StateStorage } from 'zustand/middleware';
import { getMySettings, saveMySettings } from '@/app/actions/settings';
import { syncSettingsWithAccount } from '@/lib/live/settings/account-sync';
import { createSettingsStore, hydrateSettingsStore, type SettingsState, type SettingsStore } from '@/lib/live/settings/store';

const SettingsStoreContext = createContext<SettingsStore | null>(null);

/**
 * Creates the settings store once per mounted tree (the zustand Next.js way:
 * no module-level store shared between server requests). The persisted copy
 * is read after mount, so the server-rendered markup (defaults) and the first
 * client render agree; `hydrated` turns true once it was read. Then the account's copy (kept
 * on the server) replaces it, and changes are saved to the account (account-sync.ts).
 */
const remote = { load: () => getMySettings(), save: (settings: SettingsState['settings']) => saveMySettings(settings) };

export function SettingsStoreProvider({ children, storage }: { children: ReactNode; storage?: StateStorage }) {
  const [store] = useState(() => createSettingsStore({ storage, hydrateOnCreate: false }));
  useEffect(() => {
    let sync: ReturnType<typeof syncSettingsWithAccount> | undefined;
    let cancelled = false;
    void hydrateSettingsStore(store).then(() => {
      if (!cancelled) sync = syncSettingsWithAccount(store, remote);
    });
    return () => {
      cancelled = true;
      sync?.stop();
    };
  }, [store]);
  return <SettingsStoreContext.Provider value={store}>{children}</SettingsStoreContext.Provider>;
}

/** The store itself, for non-React code (the realtime controller: `getState()`, `subscribe()`). */
export function useSettingsStoreApi(): SettingsStore {
  const store = useContext(SettingsStoreContext);
  if (!store) throw new Error('useSettingsStore must be used inside <SettingsStoreProvider>.');
  return store;
}

/** Select from the settings store; re-renders only when the selected value changes. */
export function useSettingsStore<T>(selector: (state: SettingsState) => T): T {
  return useStore(useSettingsStoreApi(), selector);
}
