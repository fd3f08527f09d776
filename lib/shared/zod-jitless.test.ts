import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

/** The flag set without importing zod is the one zod reads. */
describe('zod-jitless', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    z.config({ jitless: false });
  });
  it('turns on zod’s jitless parsing in the browser', async () => {
    vi.stubGlobal('window', {});
    expect(z.config().jitless).not.toBe(true);
    await import('./zod-jitless');
    expect(z.config().jitless).toBe(true);
  });
});
