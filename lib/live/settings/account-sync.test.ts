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

/** The account on the server: its settings and their time; every save is a later time. */
function fakeAccount(initial: HintSettings | null, at = 1_000) {
  const saved: HintSettings[] = [];
  let clock = at;
  return {
    saved,
    load: vi.fn(async () => ({ ok: true as const, data: { settings: initial, updatedAt: initial ? new Date(at) : null } })),
    save: vi.fn(async (s: HintSettings) => {
      saved.push(s);
      return { ok: true as const, data: { updatedAt: new Date((clock += 1_000)) } };
    }),
  };
}
function fakeDevice(hasCopy: boolean, syncedAt: number | null) {
  const d = { hasCopy, at: syncedAt, syncedAt: { get: () => d.at, set: (ms: number) => void (d.at = ms) } };
  return d;
}

describe('settings follow the account', () => {
  beforeAll(async () => {
    await loadSettingsCodec();
  });

  it("a device without a copy takes the account's, and does not echo it back", async () => {
    const store = createSettingsStore({ storage: memory() });
    const account = fakeAccount({ ...cloneDefaultSettings(), perCallCap: 3 });
    const device = fakeDevice(false, null);
    const sync = syncSettingsWithAccount(store, account, { debounceMs: 5, device });
    await sync.started;
    expect(store.getState().settings.perCallCap).toBe(3);
    expect(device.at).toBe(1_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(account.save).not.toHaveBeenCalled();
    sync.stop();
  });

  it('the account changed on another device since this one synced: the account wins', async () => {
    const store = createSettingsStore({ storage: memory() });
    store.getState().update({ perCallCap: 9 });
    const sync = syncSettingsWithAccount(store, fakeAccount({ ...cloneDefaultSettings(), perCallCap: 3 }, 5_000), { device: fakeDevice(true, 4_000) });
    await sync.started;
    expect(store.getState().settings.perCallCap).toBe(3);
    sync.stop();
  });

  it("the device's copy is newer (or of unknown age): it is saved to the account; later changes once, after the last edit", async () => {
    const store = createSettingsStore({ storage: memory() });
    store.getState().update({ perCallCap: 4 });
    const account = fakeAccount({ ...cloneDefaultSettings(), perCallCap: 3 }, 1_000);
    const device = fakeDevice(true, null);
    const sync = syncSettingsWithAccount(store, account, { debounceMs: 10, device });
    await sync.started;
    expect(store.getState().settings.perCallCap).toBe(4);
    expect(account.saved.map((s) => s.perCallCap)).toEqual([4]);
    expect(device.at).toBe(2_000);
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
    const sync = syncSettingsWithAccount(
      store,
      { load: async () => Promise.reject(new Error('offline')), save: async () => ({ ok: true as const, data: { updatedAt: new Date() } }) },
      { onStatus: (s) => statuses.push(s.state) },
    );
    await sync.started;
    expect(store.getState().settings.perCallCap).toBe(2);
    expect(statuses).toEqual(['syncing', 'offline']);
    sync.stop();
  });
});
