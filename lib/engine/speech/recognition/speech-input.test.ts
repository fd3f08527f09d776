import { describe, expect, it } from 'vitest';
import type { Recognizer } from './recognizer';
import { SpeechInput } from './speech-input';

/** A scripted recogniser: records audio; partials and the final are pushed by the test. */
function fakeRecognizer() {
  const fed: number[] = [];
  let onPartial: ((t: string) => void) | null = null;
  let resolveEnd: ((t: string | null) => void) | null = null;
  const state = { failed: false, begun: 0, closed: false };
  const r: Recognizer = {
    prepare: () => undefined,
    begin: (cb) => {
      state.begun += 1;
      onPartial = cb;
    },
    audio: (pcm) => fed.push(pcm.length),
    end: () => new Promise((resolve) => (resolveEnd = resolve)),
    abort: () => (onPartial = null),
    close: () => (state.closed = true),
    get failed() {
      return state.failed;
    },
    stats: () => ({ audioMs: 0, computeMs: 0, initMs: null, utterances: 0 }),
  };
  return { r, fed, state, partial: (t: string) => onPartial?.(t), finish: (t: string | null) => resolveEnd?.(t) };
}

describe('SpeechInput', () => {
  it('makes the recogniser on the first audio, then starts an utterance with the audio before the VAD noticed it', () => {
    const fake = fakeRecognizer();
    let made = 0;
    const s = new SpeechInput(() => (made++, fake.r), 24_000, () => undefined);
    expect(made).toBe(0);
    for (let i = 0; i < 20; i++) s.audio(new Int16Array(2400)); // 2 s at 24 kHz
    expect(made).toBe(1);
    expect(fake.fed).toEqual([]);
    s.begin('item_1');
    expect(made).toBe(1);
    // About 600 ms of 16 kHz prefix (whole chunks), not the whole 2 s.
    const prefix = fake.fed.reduce((a, b) => a + b, 0);
    expect(prefix).toBeGreaterThanOrEqual(9600);
    expect(prefix).toBeLessThanOrEqual(11_200);
    s.audio(new Int16Array(2400));
    expect(fake.fed.at(-1)).toBe(1600);
  });

  it('turns partials into stable deltas for the utterance item and hands back the rest with the final', async () => {
    const fake = fakeRecognizer();
    const deltas: [string, string][] = [];
    const s = new SpeechInput(() => fake.r, 24_000, (id, d) => deltas.push([id, d]));
    s.begin('item_7');
    fake.partial('good');
    fake.partial('good question');
    fake.partial('good question');
    expect(deltas).toEqual([
      ['item_7', 'good'],
      ['item_7', ' question'],
    ]);
    const ended = s.end();
    expect(s.inUtterance).toBe(false);
    fake.finish(' good question thanks ');
    await expect(ended).resolves.toEqual({ text: 'good question thanks', rest: ' thanks' });
  });

  it('sends no live deltas without an item id and reports a failed recogniser as unusable', async () => {
    const fake = fakeRecognizer();
    const deltas: string[] = [];
    const s = new SpeechInput(() => fake.r, 8000, (_, d) => deltas.push(d));
    s.begin(null);
    fake.partial('hello');
    fake.partial('hello');
    expect(deltas).toEqual([]);
    const ended = s.end();
    fake.finish(null);
    await expect(ended).resolves.toBeNull();
    fake.state.failed = true;
    expect(s.usable).toBe(false);
    s.begin('item_2');
    expect(fake.state.begun).toBe(1);
    await expect(s.end()).resolves.toBeNull();
    s.close();
    expect(fake.state.closed).toBe(true);
  });
});
