'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StateStorage } from 'zustand/middleware';
import { getMySettings, saveMySettings } from '@/app/actions/settings';
import { syncSettingsWithAccount } from '@/lib/live/settings/account-sync';
import { createSettingsStore, hydrateSettingsStore, SETTINGS_STORAGE_KEY, type SettingsState, type SettingsStore } from '@/lib/live/settings/store';

const SettingsStoreContext = createContext<SettingsStore | null>(null);

/**
 * Creates the settings store once per mounted tree (the zustand Next.js way:
 * no module-level store shared between server requests). The persisted copy
 * is read after mount, so the server-rendered markup (defaults) and the first
 * client render agree; `hydrated` turns true once it was read. Then the account's copy (kept
 * on the server) replaces it, and changes are saved to the account (account-sync.ts).
 */
const remote = { load: () => getMySettings(), save: (settings: SettingsState['settings']) => saveMySettings(settings) };
const SYNCED_AT_KEY = 'cue.settings.synced-at';

/** What this device knows: whether it has a stored copy, and when it last synced with the account. */
function deviceState(storage: StateStorage | undefined) {
  const local = (): StateStorage | null => {
    try {
      return storage ?? window.localStorage;
    } catch {
      return null;
    }
  };
  const read = (key: string) => {
    const v = local()?.getItem(key);
    return typeof v === 'string' ? v : null;
  };
  return {
    hasCopy: read(SETTINGS_STORAGE_KEY) !== null,
    syncedAt: {
      get: () => {
        const ms = Number(read(SYNCED_AT_KEY));
        return Number.isFinite(ms) && ms > 0 ? ms : null;
      },
      set: (ms: number) => {
        try {
          void local()?.setItem(SYNCED_AT_KEY, String(ms));
        } catch {
          // storage full or blocked: the next load compares without it
        }
      },
    },
  };
}

export function SettingsStoreProvider({ children, storage }: { children: ReactNode; storage?: StateStorage }) {
  const [store] = useState(() => createSettingsStore({ storage, hydrateOnCreate: false }));
  useEffect(() => {
    let sync: ReturnType<typeof syncSettingsWithAccount> | undefined;
    let cancelled = false;
    const device = deviceState(storage);
    void hydrateSettingsStore(store).then(() => {
      if (!cancelled) sync = syncSettingsWithAccount(store, remote, { device });
    });
    return () => {
      cancelled = true;
      sync?.stop();
    };
  }, [store, storage]);
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
