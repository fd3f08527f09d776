import { persist, type PersistStorage, type StateStorage, type StorageValue } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { loadedSettingsCodec, loadSettingsCodec } from './codec-loader';
import { cloneDefaultSettings } from './defaults';
import type { HintSettings, HintSettingsKey } from './schema';

export const SETTINGS_STORAGE_KEY = 'cue.settings.v1';
const PERSIST_VERSION = 1;

export type SettingsWriteResult = { ok: true; settings: HintSettings } | { ok: false; errors: Record<string, string> };

export type SettingsState = {
  settings: HintSettings;
  /** True once the persisted copy was read (or found missing/unreadable). */
  hydrated: boolean;
  /** Fields of the stored copy that were invalid and replaced by defaults on load. */
  repairedOnLoad: HintSettingsKey[];
  /** Merge a partial change, validate the result; refused (nothing changes) when invalid. */
  update(partial: Partial<HintSettings>): SettingsWriteResult;
  /** Replace all settings (Save, Import); refused (nothing changes) when invalid. */
  replace(settings: unknown): SettingsWriteResult;
  /** Back to the defaults. */
  reset(): HintSettings;
};

type Persisted = { settings?: unknown };

/** Refused write while the codec (THE schema) has not loaded; the settings panel waits for it, so users never see this. */
const CODEC_NOT_LOADED: SettingsWriteResult = { ok: false, errors: { '': 'The settings are still loading. Try again in a moment.' } };

/**
 * JSON over a StateStorage that never throws on read: unreadable text is
 * logged and treated as "nothing stored" (defaults). Undefined when storage
 * is unavailable (server, or browsers that block localStorage).
 * Reading a stored copy waits for the codec (it is repaired with THE schema); nothing is
 * written before the codec has loaded, so a copy that could not be read yet (the codec
 * failed to download) is never overwritten with the defaults.
 */
function safeJsonStorage(getStorage: () => StateStorage): PersistStorage<Persisted> | undefined {
  let storage: StateStorage;
  try {
    storage = getStorage();
    if (!storage) return undefined;
  } catch {
    return undefined;
  }
  const parse = (text: string | null): StorageValue<Persisted> | null => {
    if (text === null) return null;
    try {
      return JSON.parse(text) as StorageValue<Persisted>;
    } catch (error) {
      console.warn('[settings] saved settings are unreadable; using defaults', error);
      return null;
    }
  };
  /** A stored copy is repaired with THE schema, so reading one waits for the codec; nothing stored needs none. */
  const withCodec = (text: string | null): StorageValue<Persisted> | null | Promise<StorageValue<Persisted> | null> => {
    if (text === null || loadedSettingsCodec()) return parse(text);
    return loadSettingsCodec().then(
      () => parse(text),
      (error: unknown) => {
        console.warn('[settings] the settings schema did not load; using the defaults for now, the saved copy is kept', error);
        throw error;
      },
    );
  };
  return {
    getItem: (name) => {
      const text = storage.getItem(name);
      return typeof text === 'string' || text === null ? withCodec(text) : Promise.resolve(text).then(withCodec);
    },
    setItem: (name, value) => {
      if (loadedSettingsCodec()) return storage.setItem(name, JSON.stringify(value));
    },
    removeItem: (name) => storage.removeItem(name),
  };
}

export type CreateSettingsStoreOptions = {
  /** Defaults to window.localStorage (absent on the server: the store then just isn't persisted). */
  storage?: StateStorage;
  /** Read storage at creation. The provider passes false and rehydrates after mount to keep SSR markup stable. */
  hydrateOnCreate?: boolean;
};

/**
 * The settings store (vanilla zustand + persist). Every write is validated
 * with THE schema, so the store can never hold invalid settings; the stored
 * copy is untrusted and repaired field by field on load (`coerceSettings`).
 * The schema comes with the codec, loaded on demand (codec-loader.ts): reading the
 * stored copy waits for it, a write before it has loaded is refused.
 */
export function createSettingsStore({ storage, hydrateOnCreate = true }: CreateSettingsStoreOptions = {}) {
  return createStore<SettingsState>()(
    persist(
      (set, get) => {
        const write = (candidate: unknown): SettingsWriteResult => {
          const codec = loadedSettingsCodec();
          if (!codec) return CODEC_NOT_LOADED;
          const result = codec.validateSettings(candidate);
          if (result.ok) set({ settings: result.settings });
          return result;
        };
        return {
          settings: cloneDefaultSettings(),
          hydrated: false,
          repairedOnLoad: [],
          update: (partial) => write({ ...get().settings, ...partial }),
          replace: (settings) => write(settings),
          reset: () => {
            const settings = cloneDefaultSettings();
            set({ settings });
            return settings;
          },
        };
      },
      {
        name: SETTINGS_STORAGE_KEY,
        version: PERSIST_VERSION,
        storage: safeJsonStorage(() => storage ?? window.localStorage),
        partialize: (state): Persisted => ({ settings: state.settings }),
        // Older/newer persisted shapes go through the same field-safe repair as everything else.
        migrate: (persisted) => persisted as Persisted,
        // Runs on every hydration, also when nothing (readable) is stored.
        merge: (persisted, current) => {
          const raw = (persisted as Persisted | undefined)?.settings;
          const codec = loadedSettingsCodec();
          if (raw === undefined || !codec) return { ...current, hydrated: true };
          const { settings, repaired } = codec.coerceSettings(raw);
          return { ...current, settings, repairedOnLoad: repaired, hydrated: true };
        },
        skipHydration: !hydrateOnCreate,
      },
    ),
  );
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;

/**
 * Read the persisted copy (the provider calls this after mount). Also marks
 * the store hydrated when storage is unavailable, so nothing waits forever.
 */
export async function hydrateSettingsStore(store: SettingsStore): Promise<void> {
  const persistApi = (store as { persist?: SettingsStore['persist'] }).persist;
  if (persistApi) await persistApi.rehydrate();
  if (!store.getState().hydrated) store.setState({ hydrated: true });
}
