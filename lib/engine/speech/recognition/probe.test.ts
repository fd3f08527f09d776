import { describe, expect, it } from 'vitest';
import { POCKETSPHINX_MODEL_DIR, probeRecognition } from './probe';

describe('probeRecognition', () => {
  it('is ok when the library loads and the model is there', async () => {
    const loaded: string[] = [];
    const probe = await probeRecognition({ load: (s) => (loaded.push(s), { unload: () => undefined }), exists: () => true });
    expect(probe).toEqual({ ok: true, problems: [] });
    expect(loaded).toEqual(['libpocketsphinx.so.3']);
  });

  it('names each missing piece', async () => {
    const probe = await probeRecognition({
      load: () => {
        throw new Error('Failed to load shared library: libpocketsphinx.so.3: cannot open shared object file');
      },
      exists: () => false,
    });
    expect(probe.ok).toBe(false);
    expect(probe.problems).toEqual([
      'libpocketsphinx.so.3 does not load (Failed to load shared library: libpocketsphinx.so.3: cannot open shared object file)',
      `no speech model at ${POCKETSPHINX_MODEL_DIR}`,
    ]);
  });

  it('finds the real library and model on this machine', async () => {
    expect(await probeRecognition()).toEqual({ ok: true, problems: [] });
  });
});
