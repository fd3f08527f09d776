import { describe, expect, it } from 'vitest';
import { createInterruptMatcher } from './interrupt-matcher';

const settings = { interruptPhrases: ['got it', 'Thanks', 'okay stop'] };

describe('createInterruptMatcher', () => {
  it('ignores interrupt phrases while no hint plays', () => {
    const m = createInterruptMatcher(settings);
    expect(m.armed).toBe(false);
    expect(m.feedDelta('a', 'got it, thanks', 0)).toBeNull();
    expect(m.feedCompleted('a', 'got it, thanks', 0)).toBeNull();
  });

  it('interrupts on the delta that completes a phrase while armed, then disarms', () => {
    const m = createInterruptMatcher(settings);
    m.arm();
    expect(m.feedDelta('a', 'Okay,', 100)).toBeNull();
    expect(m.feedDelta('a', ' sto', 120)).toBeNull();
    expect(m.feedDelta('a', 'p.', 140)).toEqual({ interrupt: { phrase: 'okay stop', itemId: 'a', at: 140 } });
    expect(m.armed).toBe(false);
    expect(m.feedDelta('a', ' got it', 160)).toBeNull();
  });

  it.each([['Thank you!'], ['thanks so much'], ['OK stop'], ['o.k., stop'], ['Got it.']])('matches the ASR variant %j', (text) => {
    const m = createInterruptMatcher(settings);
    m.arm();
    expect(m.feedDelta('a', text, 0)).toMatchObject({ interrupt: { itemId: 'a' } });
  });

  it('does not count words said before the hint started', () => {
    const m = createInterruptMatcher(settings);
    m.feedDelta('a', 'I got it', 0);
    m.arm();
    expect(m.feedDelta('a', ' and then', 10)).toBeNull();
    expect(m.feedCompleted('a', 'I got it and then', 20)).toBeNull();
    expect(m.armed).toBe(true);
    // ...but a phrase spoken after arm() in the same utterance does.
    m.feedDelta('b', 'so', 30);
    m.disarm();
    m.arm();
    expect(m.feedDelta('b', ' thanks', 40)).toMatchObject({ interrupt: { phrase: 'Thanks', itemId: 'b' } });
  });

  it('catches an utterance that only arrives completed', () => {
    const m = createInterruptMatcher(settings);
    m.arm();
    expect(m.feedCompleted('a', 'Great, got it.', 50)).toEqual({ interrupt: { phrase: 'got it', itemId: 'a', at: 50 } });
  });

  it('stops on a completed transcript that a recogniser revised after its deltas, once', () => {
    const m = createInterruptMatcher(settings);
    m.arm();
    // Deltas "okay go to"; the final text says "okay got it".
    expect(m.feedDelta('a', 'okay go', 0)).toBeNull();
    expect(m.feedDelta('a', ' to', 10)).toBeNull();
    expect(m.feedCompleted('a', 'okay got it', 20)).toEqual({ interrupt: { phrase: 'got it', itemId: 'a', at: 20 } });
    expect(m.armed).toBe(false);
  });

  it('does not stop on a revised completed transcript whose phrase came before the hint started', () => {
    const m = createInterruptMatcher(settings);
    m.feedDelta('a', 'got', 0);
    m.feedDelta('a', ' ut', 0);
    m.arm();
    expect(m.feedDelta('a', ' and then', 10)).toBeNull();
    expect(m.feedCompleted('a', 'got it and then', 20)).toBeNull();
    expect(m.armed).toBe(true);
  });

  it('applies new phrases live and resets for a new call', () => {
    const m = createInterruptMatcher(settings);
    m.updateSettings({ interruptPhrases: ['enough'] });
    m.arm();
    expect(m.feedDelta('a', 'got it', 0)).toBeNull();
    expect(m.feedDelta('a', ' enough', 0)).toMatchObject({ interrupt: { phrase: 'enough' } });
    m.arm();
    m.reset();
    expect(m.armed).toBe(false);
  });

  it('does nothing with no interrupt phrases configured', () => {
    const m = createInterruptMatcher({ interruptPhrases: [] });
    m.arm();
    expect(m.feedDelta('a', 'got it thanks okay stop', 0)).toBeNull();
  });
});
