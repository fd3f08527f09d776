import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_DIR, recognitionModel } from './availability';
import { PocketsphinxRecognizer } from './recognizer';
import { concatPcm, FLITE_RATE, fliteAvailable, fliteSpeech, silence } from './test-support/flite-fixture';

const ready = recognitionModel().ok && fliteAvailable();

describe('recognitionModel', () => {
  it('names the missing files and the install line when the model is absent', () => {
    const r = recognitionModel('/nowhere/en-us', () => false);
    expect(r).toMatchObject({ ok: false, code: 'model_missing' });
    if (!r.ok) expect(r.message).toContain('apt-get install -y --no-install-recommends libpocketsphinx3 pocketsphinx-en-us');
    expect(recognitionModel(DEFAULT_MODEL_DIR, () => true)).toEqual({ ok: true, modelDir: DEFAULT_MODEL_DIR });
  });
});

describe('PocketsphinxRecognizer', () => {
  it('fails softly when the model cannot be loaded: utterances resolve null and it says why once', async () => {
    const lines: string[] = [];
    const r = new PocketsphinxRecognizer({ modelDir: '/nowhere/en-us', log: (l) => lines.push(l) });
    r.begin(() => undefined);
    r.audio(silence(300, FLITE_RATE));
    await expect(r.end()).resolves.toBeNull();
    expect(r.failed).toBe(true);
    expect(lines.join('\n')).toMatch(/speech recognition unavailable for this session \(model_missing: pocketsphinx could not load its model from \/nowhere\/en-us/);
    // Later utterances do not restart anything.
    r.begin(() => undefined);
    await expect(r.end()).resolves.toBeNull();
    expect(lines).toHaveLength(1);
    r.close();
  });

  it.runIf(ready)('is lazy, streams partials and a final per utterance, and frees its worker on close', async () => {
    const r = new PocketsphinxRecognizer({ modelDir: DEFAULT_MODEL_DIR });
    expect(r.stats().initMs).toBeNull();
    const partials: string[] = [];
    r.begin((t) => partials.push(t));
    r.audio(concatPcm(fliteSpeech('Okay, got it, thanks.'), silence(300, FLITE_RATE)));
    const first = await r.end();
    expect(first).toMatch(/got it/);
    expect(partials.length).toBeGreaterThan(5);
    expect(partials.some((p) => /got/.test(p))).toBe(true);
    // The next utterance reuses the same decoder.
    r.begin(() => undefined);
    r.audio(concatPcm(fliteSpeech("That's a good question."), silence(300, FLITE_RATE)));
    await expect(r.end()).resolves.toMatch(/good question/);
    const stats = r.stats();
    expect(stats.utterances).toBe(2);
    expect(stats.initMs).toBeGreaterThan(0);
    expect(stats.computeMs).toBeGreaterThan(0);
    r.close();
    expect(r.failed).toBe(false);
    r.begin(() => undefined);
    await expect(r.end()).resolves.toBeNull();
  });

  it.runIf(ready)('drops an aborted utterance and resolves pending ones null on close', async () => {
    const r = new PocketsphinxRecognizer({ modelDir: DEFAULT_MODEL_DIR });
    r.begin(() => undefined);
    r.audio(fliteSpeech('Cancel this one.'));
    r.abort();
    r.begin(() => undefined);
    r.audio(fliteSpeech('Okay, got it.'));
    const pending = r.end();
    r.close();
    await expect(pending).resolves.toBeNull();
  });
});
