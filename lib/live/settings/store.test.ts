import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { loadSettingsCodec } from './codec-loader';
import { cloneDefaultSettings, defaultHintSettings } from './schema';
import { createSettingsStore, hydrateSettingsStore, SETTINGS_STORAGE_KEY } from './store';

function memoryStorage(initial: Record<string, string> = {}): StateStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

function stored(settings: unknown, version = 1): Record<string, string> {
  return { [SETTINGS_STORAGE_KEY]: JSON.stringify({ state: { settings }, version }) };
}

describe('settings store', () => {
  // On the page the codec (THE schema) loads after mount; here it is there from the start.
  beforeAll(async () => {
    await loadSettingsCodec();
  });

  it('starts from the defaults when nothing is stored', () => {
    const store = createSettingsStore({ storage: memoryStorage() });
    expect(store.getState().settings).toEqual(defaultHintSettings);
    expect(store.getState().hydrated).toBe(true);
    expect(store.getState().repairedOnLoad).toEqual([]);
  });

  it('update() validates, applies and persists under cue.settings.v1', () => {
    const storage = memoryStorage();
    const store = createSettingsStore({ storage });
    const result = store.getState().update({ cooldownSeconds: 4, voice: 'cedar' });
    expect(result).toEqual({ ok: true, settings: { ...cloneDefaultSettings(), cooldownSeconds: 4, voice: 'cedar' } });
    const saved = JSON.parse(storage.data.get(SETTINGS_STORAGE_KEY) ?? '{}');
    expect(saved).toEqual({ state: { settings: { ...cloneDefaultSettings(), cooldownSeconds: 4, voice: 'cedar' } }, version: 1 });
  });

  it('update() refuses invalid changes, returns field errors and keeps the old settings', () => {
    const storage = memoryStorage();
    const store = createSettingsStore({ storage });
    store.getState().update({ cooldownSeconds: 4 });
    const before = storage.data.get(SETTINGS_STORAGE_KEY);
    const result = store.getState().update({ cooldownSeconds: -1, interruptPhrases: ['good question'] });
    expect(result).toEqual({
      ok: false,
      errors: {
        cooldownSeconds: 'Cooldown must be at least 0 s',
        'triggers.0.phrase': 'Also interrupt phrase 1: a phrase cannot both start and stop a hint',
        'interruptPhrases.0': 'Also trigger 1: a phrase cannot both start and stop a hint',
      },
    });
    expect(store.getState().settings.cooldownSeconds).toBe(4);
    expect(store.getState().settings.interruptPhrases).toEqual(defaultHintSettings.interruptPhrases);
    expect(storage.data.get(SETTINGS_STORAGE_KEY)).toBe(before);
  });

  it('replace() takes untrusted input and trims it through the schema', () => {
    const store = createSettingsStore({ storage: memoryStorage() });
    expect(store.getState().replace({ nope: true }).ok).toBe(false);
    expect(store.getState().settings).toEqual(defaultHintSettings);
    const next = { ...cloneDefaultSettings(), interruptPhrases: ['  enough  '] };
    expect(store.getState().replace(next)).toMatchObject({ ok: true });
    expect(store.getState().settings.interruptPhrases).toEqual(['enough']);
  });

  it('reset() restores and persists the defaults', () => {
    const storage = memoryStorage();
    const store = createSettingsStore({ storage });
    store.getState().update({ perCallCap: 0 });
    expect(store.getState().reset()).toEqual(defaultHintSettings);
    expect(store.getState().settings).toEqual(defaultHintSettings);
    expect(JSON.parse(storage.data.get(SETTINGS_STORAGE_KEY) ?? '{}').state.settings).toEqual(defaultHintSettings);
  });

  it('survives a reload: a new store reads what the previous one saved', () => {
    const storage = memoryStorage();
    createSettingsStore({ storage }).getState().update({ quickSeconds: 5, transport: 'websocket' });
    const reloaded = createSettingsStore({ storage });
    expect(reloaded.getState().settings).toEqual({ ...cloneDefaultSettings(), quickSeconds: 5, transport: 'websocket' });
  });

  it('repairs an invalid stored copy field by field on load', () => {
    const bad = { ...cloneDefaultSettings(), quickSeconds: 5, perCallCap: 'lots', triggers: [{ phrase: 'x', action: 'quick' }] };
    const store = createSettingsStore({ storage: memoryStorage(stored(bad)) });
    expect(store.getState().settings).toEqual({ ...cloneDefaultSettings(), quickSeconds: 5 });
    expect([...store.getState().repairedOnLoad].sort()).toEqual(['perCallCap', 'triggers']);
  });

  it('falls back to defaults when the stored text is not JSON, without throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createSettingsStore({ storage: memoryStorage({ [SETTINGS_STORAGE_KEY]: '{oops' }) });
    expect(store.getState().settings).toEqual(defaultHintSettings);
    expect(store.getState().hydrated).toBe(true);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('repairs a copy stored under another persist version', () => {
    const store = createSettingsStore({ storage: memoryStorage(stored({ ...cloneDefaultSettings(), cooldownSeconds: 2 }, 0)) });
    expect(store.getState().settings.cooldownSeconds).toBe(2);
  });

  it('with hydrateOnCreate=false, keeps defaults until rehydrate()', async () => {
    const store = createSettingsStore({ storage: memoryStorage(stored({ ...cloneDefaultSettings(), cooldownSeconds: 2 })), hydrateOnCreate: false });
    expect(store.getState().settings.cooldownSeconds).toBe(10);
    expect(store.getState().hydrated).toBe(false);
    await store.persist.rehydrate();
    expect(store.getState().settings.cooldownSeconds).toBe(2);
    expect(store.getState().hydrated).toBe(true);
  });

  it('hydrateSettingsStore() reads the stored copy', async () => {
    const store = createSettingsStore({ storage: memoryStorage(stored({ ...cloneDefaultSettings(), perCallCap: 3 })), hydrateOnCreate: false });
    await hydrateSettingsStore(store);
    expect(store.getState()).toMatchObject({ hydrated: true, settings: { perCallCap: 3 } });
  });

  it('works unpersisted when storage is unavailable (no window on the server)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const store = createSettingsStore({ hydrateOnCreate: false });
    await hydrateSettingsStore(store);
    expect(store.getState().hydrated).toBe(true);
    expect(store.getState().update({ perCallCap: 3 })).toMatchObject({ ok: true });
    expect(store.getState().settings.perCallCap).toBe(3);
    warn.mockRestore();
  });
});

describe('settings store before the codec (THE schema) has loaded', () => {
  async function freshStoreModule() {
    vi.resetModules();
    return import('./store');
  }

  it('reads the stored copy once the codec is there, repaired with the schema', async () => {
    const { createSettingsStore: create, hydrateSettingsStore: hydrate } = await freshStoreModule();
    const store = create({ storage: memoryStorage(stored({ ...cloneDefaultSettings(), cooldownSeconds: 2, perCallCap: 'lots' })), hydrateOnCreate: false });
    await hydrate(store);
    expect(store.getState().settings).toEqual({ ...cloneDefaultSettings(), cooldownSeconds: 2 });
    expect(store.getState().repairedOnLoad).toEqual(['perCallCap']);
  });

  it('with nothing stored, is hydrated at once on the defaults without loading the codec', async () => {
    const { createSettingsStore: create, hydrateSettingsStore: hydrate } = await freshStoreModule();
    const { loadedSettingsCodec } = await import('./codec-loader');
    const store = create({ storage: memoryStorage(), hydrateOnCreate: false });
    await hydrate(store);
    expect(store.getState()).toMatchObject({ hydrated: true, settings: defaultHintSettings });
    expect(loadedSettingsCodec()).toBeNull();
  });

  it('refuses a write with a clear message and stores nothing until the codec has loaded', async () => {
    const { createSettingsStore: create } = await freshStoreModule();
    const storage = memoryStorage();
    const store = create({ storage, hydrateOnCreate: false });
    expect(store.getState().update({ perCallCap: 3 })).toEqual({ ok: false, errors: { '': 'The settings are still loading. Try again in a moment.' } });
    expect(store.getState().settings).toEqual(defaultHintSettings);
    store.setState({ hydrated: true });
    expect(storage.data.size).toBe(0);
  });

  it('keeps the saved copy untouched when the codec cannot load (defaults meanwhile)', async () => {
    vi.resetModules();
    vi.doMock('./codec', () => {
      throw new Error('chunk failed to load');
    });
    try {
      const { createSettingsStore: create, hydrateSettingsStore: hydrate } = await import('./store');
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const saved = stored({ ...cloneDefaultSettings(), cooldownSeconds: 2 });
      const storage = memoryStorage(saved);
      const store = create({ storage, hydrateOnCreate: false });
      await hydrate(store);
      expect(store.getState()).toMatchObject({ hydrated: true, settings: defaultHintSettings });
      expect(storage.data.get(SETTINGS_STORAGE_KEY)).toBe(saved[SETTINGS_STORAGE_KEY]);
      expect(warn).toHaveBeenCalled();
      warn.mockRestore();
    } finally {
      vi.doUnmock('./codec');
    }
  });
});
