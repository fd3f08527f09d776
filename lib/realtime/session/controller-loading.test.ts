import { describe, expect, it } from 'vitest';
import { getAgentConfig } from '@/agents/registry';
import { localSecret, makeHarness } from '../test-support/harness';
import { loadRealtimeSdk } from './sdk-loader';

/** The SDK and the agent config load on demand (a dynamic import on the page); these pin what Connect does with them. */
describe('RealtimeController: what loads on demand', () => {
  it('connects with an agent config that arrives as a promise, the SDK loading alongside the mint', async () => {
    const calls: string[] = [];
    const h = makeHarness({
      deps: {
        getAgentConfig: async (id) => {
          calls.push(`config:${id}`);
          return getAgentConfig(id);
        },
        loadSdk: () => {
          calls.push('sdk');
          return loadRealtimeSdk();
        },
      },
    });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(true);
    expect(calls).toEqual(['sdk', 'config:practice-partner']);
    expect(h.store.getState()).toMatchObject({ status: expect.stringMatching(/connected|listening/), error: null });
    expect(h.plans).toHaveLength(1);
    h.controller.disconnect();
  });

  it('an SDK that does not download ends disconnected with words, before the mic opens; Retry tries again', async () => {
    let fail = true;
    let micOpened = 0;
    const h = makeHarness({
      deps: {
        loadSdk: () => (fail ? Promise.reject(new Error('Failed to load chunk /_next/static/chunks/sdk.js')) : loadRealtimeSdk()),
        openMicrophone: async () => {
          micOpened += 1;
          return h.mic;
        },
      },
    });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(h.store.getState().status).toBe('disconnected');
    expect(h.store.getState().error).toEqual({
      code: 'app_load_failed',
      message: 'The call could not start: part of the app did not download (Failed to load chunk /_next/static/chunks/sdk.js). Check your connection, then try again.',
    });
    expect(micOpened).toBe(0);
    expect(h.plans).toHaveLength(0);
    fail = false;
    await expect(h.controller.retry()).resolves.toBe(true);
    expect(h.store.getState().error).toBeNull();
    h.controller.disconnect();
  });

  it('agent configs that do not download end in the same words, before anything is minted', async () => {
    const h = makeHarness({ deps: { getAgentConfig: () => Promise.reject(new Error('network error')) } });
    await expect(h.controller.connect({ agentId: 'practice-partner' })).resolves.toBe(false);
    expect(h.mintCalls).toHaveLength(0);
    expect(h.store.getState().error?.code).toBe('app_load_failed');
    expect(h.store.getState().error?.message).toContain('(network error)');
  });

  it('a malformed minted secret is still refused once the SDK (with its schema) is there', async () => {
    const h = makeHarness({ minted: { ...localSecret, clientSecret: '' } });
    await h.controller.connect({ agentId: 'practice-partner' });
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', error: { code: 'invalid_response' } });
  });

  it('a disconnect while the config is still loading leaves nothing behind', async () => {
    let release: () => void = () => undefined;
    const h = makeHarness({
      deps: { getAgentConfig: (id) => new Promise((resolve) => (release = () => resolve(getAgentConfig(id)))) },
    });
    const connecting = h.controller.connect({ agentId: 'practice-partner' });
    h.controller.disconnect();
    release();
    await expect(connecting).resolves.toBe(false);
    expect(h.mintCalls).toHaveLength(0);
    expect(h.store.getState()).toMatchObject({ status: 'disconnected', error: null });
  });
});
