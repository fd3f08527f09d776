import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('./sdk');
  vi.resetModules();
});

describe('loadRealtimeSdk', () => {
  it('loads the SDK module once and shares it', async () => {
    vi.resetModules();
    const { loadRealtimeSdk } = await import('./sdk-loader');
    const [a, b] = await Promise.all([loadRealtimeSdk(), loadRealtimeSdk()]);
    expect(a).toBe(b);
    expect(typeof a.RealtimeSession).toBe('function');
    expect(typeof a.CueWebSocketTransport).toBe('function');
    expect(typeof a.mintedSecretSchema.safeParse).toBe('function');
  });

  it('forgets a failed download, so the next call tries again; a prefetch failure is silent', async () => {
    vi.resetModules();
    vi.doMock('./sdk', () => {
      throw new Error('Failed to load chunk');
    });
    const { loadRealtimeSdk, prefetchRealtimeSdk } = await import('./sdk-loader');
    expect(() => prefetchRealtimeSdk()).not.toThrow();
    await expect(loadRealtimeSdk()).rejects.toThrow();
    vi.doUnmock('./sdk');
    vi.resetModules();
    await expect(loadRealtimeSdk()).resolves.toHaveProperty('RealtimeSession');
  });
});
