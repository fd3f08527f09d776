import { describe, expect, it } from 'vitest';
import { NOISE_LIMITS, NoiseWatch } from './noise-watch';

/** Feed `levels` (one every 500 ms from `from`), like the call controller's clock does. */
function feed(watch: NoiseWatch, from: number, levels: readonly number[]): number {
  let at = from;
  for (const level of levels) {
    watch.level(level, at);
    at += 500;
  }
  return at;
}

const repeat = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe('NoiseWatch', () => {
  it('flags a turn that stays open with the level above the speech floor in nearly every sample', () => {
    const watch = new NoiseWatch();
    watch.speechStarted('item_1', 0);
    const end = feed(watch, 0, repeat(17, (i) => 0.2 + (i % 3) * 0.05));
    expect(watch.verdict(7500)).toBeNull();
    expect(watch.verdict(end)).toEqual({ kind: 'steady', since: 0 });
  });

  it('does not flag speech: the level dips between words, and the turn ends at a pause', () => {
    const watch = new NoiseWatch();
    watch.speechStarted('item_1', 0);
    // One sample in four near silence: someone talking, not a fan.
    const end = feed(watch, 0, repeat(24, (i) => (i % 4 === 3 ? 0.02 : 0.4)));
    expect(watch.verdict(end)).toBeNull();
    watch.speechStopped('item_1', end);
    watch.transcribed('item_1', 'Maria owns the North depot fix.');
    expect(watch.verdict(end + 5000)).toBeNull();
  });

  it('flags any turn left open for twenty seconds, whatever the level', () => {
    const watch = new NoiseWatch();
    watch.speechStarted('item_1', 1000);
    feed(watch, 1000, repeat(40, (i) => (i % 2 ? 0.02 : 0.5)));
    expect(watch.verdict(1000 + NOISE_LIMITS.longTurnMs - 1)).toBeNull();
    expect(watch.verdict(1000 + NOISE_LIMITS.longTurnMs)).toEqual({ kind: 'long_turn', since: 1000 });
  });

  it('flags three wordless turns within twenty seconds (the client keeps being cut off), once each had time for a transcript', () => {
    const watch = new NoiseWatch();
    for (const [n, at] of [0, 4000, 8000].entries()) {
      watch.speechStarted(`item_${n}`, at);
      watch.speechStopped(`item_${n}`, at + 600);
      watch.transcribed(`item_${n}`, '  ');
    }
    expect(watch.verdict(9000)).toBeNull();
    expect(watch.verdict(8600 + NOISE_LIMITS.transcriptGraceMs)).toEqual({ kind: 'cutoffs', since: 0 });
    // Out of the window again: calm.
    expect(watch.verdict(40_000)).toBeNull();
  });

  it('does not count turns that brought words', () => {
    const watch = new NoiseWatch();
    for (const [n, at] of [0, 3000, 6000].entries()) {
      watch.speechStarted(`item_${n}`, at);
      watch.speechStopped(`item_${n}`, at + 1500);
      if (n !== 1) watch.transcribed(`item_${n}`, 'Yes.');
    }
    expect(watch.verdict(15_000)).toBeNull();
  });

  it('forgets everything on reset (muted, or the noisy turn discarded)', () => {
    const watch = new NoiseWatch();
    watch.speechStarted('item_1', 0);
    const end = feed(watch, 0, repeat(20, () => 0.3));
    expect(watch.verdict(end)).not.toBeNull();
    watch.reset();
    expect(watch.verdict(end)).toBeNull();
    // Still muted: the level reads 0 and nothing new starts.
    expect(watch.verdict(feed(watch, end, repeat(40, () => 0)))).toBeNull();
  });

  it('closes a turn the service never closed when the next one starts', () => {
    const watch = new NoiseWatch();
    watch.speechStarted('item_1', 0);
    watch.speechStarted('item_2', 1000);
    watch.speechStopped('item_2', 2000);
    watch.transcribed('item_2', 'Fine.');
    expect(watch.verdict(NOISE_LIMITS.longTurnMs + 5000)).toBeNull();
  });
});
