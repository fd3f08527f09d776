import { loadSettingsCodec } from './codec-loader';
import type { HintSettings } from './schema';
import type { SettingsStore } from './store';

/**
 * Settings follow the account: the server keeps them, the device caches them (the store's
 * localStorage copy). After the device copy is read, the account's copy replaces it; an account
 * that never saved any gets the device's. From then on every change is saved to the account,
 * a moment after the last edit. The remote calls are the settings server actions, passed in.
 */

type Remote = {
  load(): Promise<{ ok: true; data: { settings: HintSettings | null } } | { ok: false; error: { message: string } }>;
  save(settings: HintSettings): Promise<{ ok: true } | { ok: false; error: { message: string } }>;
};

export type SyncStatus = { state: 'syncing' | 'synced' | 'offline'; message?: string };

export function syncSettingsWithAccount(store: SettingsStore, remote: Remote, { debounceMs = 600, onStatus }: { debounceMs?: number; onStatus?: (s: SyncStatus) => void } = {}) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  let unsubscribe = () => {};

  const save = async (settings: HintSettings) => {
    try {
      const r = await remote.save(settings);
      onStatus?.(r.ok ? { state: 'synced' } : { state: 'offline', message: r.error.message });
    } catch {
      onStatus?.({ state: 'offline', message: 'Settings are kept on this device; they will be saved to your account with the next change.' });
    }
  };

  const start = async () => {
    onStatus?.({ state: 'syncing' });
    try {
      const [r] = await Promise.all([remote.load(), loadSettingsCodec()]);
      if (stopped) return;
      if (r.ok && r.data.settings) {
        applying = true;
        store.getState().replace(r.data.settings);
        applying = false;
        onStatus?.({ state: 'synced' });
      } else if (r.ok) {
        await save(store.getState().settings);
      } else onStatus?.({ state: 'offline', message: r.error.message });
    } catch {
      onStatus?.({ state: 'offline', message: 'Your account’s settings could not be loaded; this device’s copy is used.' });
    }
    if (stopped) return;
    unsubscribe = store.subscribe((state, previous) => {
      if (applying || state.settings === previous.settings) return;
      clearTimeout(timer);
      timer = setTimeout(() => void save(store.getState().settings), debounceMs);
    });
  };

  const started = start();
  return {
    started,
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
