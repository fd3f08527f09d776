import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { coerceSettings } from './coerce';
import { cloneDefaultSettings, hintSettingsSchema, settingsFieldErrors, type HintSettings, type HintSettingsKey } from './schema';

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
 */
export function createSettingsStore({ storage, hydrateOnCreate = true }: CreateSettingsStoreOptions = {}) {
  let markHydrated = () => {};
  return createStore<SettingsState>()(
    persist(
      (set, get) => {
        markHydrated = () => set({ hydrated: true });
        const write = (candidate: unknown): SettingsWriteResult => {
          const parsed = hintSettingsSchema.safeParse(candidate);
          if (!parsed.success) return { ok: false, errors: settingsFieldErrors(parsed.error) };
          set({ settings: parsed.data });
          return { ok: true, settings: parsed.data };
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
        storage: createJSONStorage<Persisted>(() => storage ?? window.localStorage),
        partialize: (state): Persisted => ({ settings: state.settings }),
        // Older/newer persisted shapes go through the same field-safe repair as everything else.
        migrate: (persisted) => persisted as Persisted,
        merge: (persisted, current) => {
          const raw = (persisted as Persisted | undefined)?.settings;
          if (raw === undefined) return current;
          const { settings, repaired } = coerceSettings(raw);
          return { ...current, settings, repairedOnLoad: repaired };
        },
        onRehydrateStorage: () => (_state, error) => {
          if (error) console.warn('[settings] could not read saved settings; using defaults', error);
          markHydrated();
        },
        skipHydration: !hydrateOnCreate,
      },
    ),
  );
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
