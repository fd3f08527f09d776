import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { syncSettingsWithAccount } from './account-sync';
import { loadSettingsCodec } from './codec-loader';
import { cloneDefaultSettings, type HintSettings } from './schema';
import { createSettingsStore } from './store';

const memory = (): StateStorage => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

function fakeAccount(initial: HintSettings | null) {
  const saved: HintSettings[] = [];
  return {
    saved,
    load: vi.fn(async () => ({ ok: true as const, data: { settings: initial } })),
    save: vi.fn(async (s: HintSettings) => {
      saved.push(s);
      return { ok: true as const };
    }),
  };
}

describe('settings follow the account', () => {
  beforeAll(async () => {
    await loadSettingsCodec();
  });

  it("the account's copy replaces the device's, and is not echoed back", async () => {
    const store = createSettingsStore({ storage: memory() });
    const account = fakeAccount({ ...cloneDefaultSettings(), perCallCap: 3 });
    const sync = syncSettingsWithAccount(store, account, { debounceMs: 5 });
    await sync.started;
    expect(store.getState().settings.perCallCap).toBe(3);
    await new Promise((r) => setTimeout(r, 20));
    expect(account.save).not.toHaveBeenCalled();
    sync.stop();
  });

  it("an account without settings gets the device's; later changes are saved once, after the last edit", async () => {
    const store = createSettingsStore({ storage: memory() });
    store.getState().update({ perCallCap: 4 });
    const account = fakeAccount(null);
    const sync = syncSettingsWithAccount(store, account, { debounceMs: 10 });
    await sync.started;
    expect(account.saved.map((s) => s.perCallCap)).toEqual([4]);
    store.getState().update({ perCallCap: 5 });
    store.getState().update({ perCallCap: 6 });
    await vi.waitFor(() => expect(account.saved.map((s) => s.perCallCap)).toEqual([4, 6]));
    sync.stop();
    store.getState().update({ perCallCap: 7 });
    await new Promise((r) => setTimeout(r, 30));
    expect(account.saved).toHaveLength(2);
  });

  it('keeps the device copy and says so when the account cannot be reached', async () => {
    const store = createSettingsStore({ storage: memory() });
    store.getState().update({ perCallCap: 2 });
    const statuses: string[] = [];
    const sync = syncSettingsWithAccount(store, { load: async () => Promise.reject(new Error('offline')), save: async () => ({ ok: true as const }) }, { onStatus: (s) => statuses.push(s.state) });
    await sync.started;
    expect(store.getState().settings.perCallCap).toBe(2);
    expect(statuses).toEqual(['syncing', 'offline']);
    sync.stop();
  });
});
