import { loadSettingsCodec } from './codec-loader';
import type { HintSettings } from './schema';
import type { SettingsStore } from './store';

/**
 * Settings follow the account: the server keeps them, the device caches them (the store's
 * localStorage copy). After the device copy is read, the account's copy replaces it when the
 * device has none, or when the account's changed after this device last synced (another device
 * saved since); otherwise the device's copy is the newer one and is saved to the account. From
 * then on every change is saved, a moment after the last edit. `syncedAt` remembers on the
 * device the account's time of the last sync. The remote calls are the settings server actions.
 */

type Failure = { ok: false; error: { message: string } };
type Remote = {
  load(): Promise<{ ok: true; data: { settings: HintSettings | null; updatedAt: Date | null } } | Failure>;
  save(settings: HintSettings): Promise<{ ok: true; data: { updatedAt: Date } } | Failure>;
};
type Device = { hasCopy: boolean; syncedAt: { get(): number | null; set(ms: number): void } };
const noDevice: Device = { hasCopy: true, syncedAt: { get: () => null, set: () => undefined } };

export type SyncStatus = { state: 'syncing' | 'synced' | 'offline'; message?: string };

export function syncSettingsWithAccount(
  store: SettingsStore,
  remote: Remote,
  { debounceMs = 600, onStatus, device = noDevice }: { debounceMs?: number; onStatus?: (s: SyncStatus) => void; device?: Device } = {},
) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let applying = false;
  let unsubscribe = () => {};

  const save = async (settings: HintSettings) => {
    try {
      const r = await remote.save(settings);
      if (r.ok) device.syncedAt.set(new Date(r.data.updatedAt).getTime());
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
      const accountAt = r.ok && r.data.updatedAt ? new Date(r.data.updatedAt).getTime() : null;
      const syncedAt = device.syncedAt.get();
      const accountIsNewer = accountAt !== null && (!device.hasCopy || (syncedAt !== null && accountAt > syncedAt));
      if (r.ok && r.data.settings && accountIsNewer) {
        applying = true;
        store.getState().replace(r.data.settings);
        applying = false;
        device.syncedAt.set(accountAt);
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
