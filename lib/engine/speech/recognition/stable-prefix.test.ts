import { describe, expect, it } from 'vitest';
import { StablePrefix, words } from './stable-prefix';

describe('StablePrefix', () => {
  it('emits only the words two consecutive partials agree on, once each', () => {
    const s = new StablePrefix();
    expect(s.partial('okay')).toBeNull();
    expect(s.partial('okay go')).toBe('okay');
    expect(s.partial('okay go to')).toBe(' go');
    // "go to" is revised to "got it": nothing new is agreed yet...
    expect(s.partial('okay got it')).toBeNull();
    // ...then the corrected words are sent again, with the words before them, so "got it" reads as said.
    expect(s.partial('okay got it thanks')).toBe(' okay got it');
    expect(s.emittedCount).toBe(3);
    expect(s.partial('okay got it thanks')).toBe(' thanks');
    // A shorter hypothesis that agrees with what was sent adds nothing.
    expect(s.partial('okay got')).toBeNull();
  });

  it('sends nothing for a repeated empty partial and emits a stable repeated hypothesis whole', () => {
    const s = new StablePrefix();
    expect(s.partial('')).toBeNull();
    expect(s.partial('')).toBeNull();
    expect(s.partial("that's a good question")).toBeNull();
    expect(s.partial("that's a good question")).toBe("that's a good question");
    expect(s.partial("that's a good question")).toBeNull();
  });

  it('hands out the final words after those already sent', () => {
    const s = new StablePrefix();
    s.partial('we will');
    s.partial('we will refund');
    expect(s.final('we will refund the fee')).toBe(' refund the fee');
    const t = new StablePrefix();
    expect(t.final('got it')).toBe('got it');
    const u = new StablePrefix();
    u.partial('a b c');
    u.partial('a b c');
    expect(u.final('a b')).toBeNull();
  });

  it('a correction of a phrase\'s last word resends the phrase whole (the deltas read "good question", not "good plan question")', () => {
    const s = new StablePrefix();
    s.partial("that's a good plan");
    expect(s.partial("that's a good plan")).toBe("that's a good plan");
    expect(s.partial("that's a good question")).toBeNull();
    const delta = s.partial("that's a good question let");
    expect(delta).toBe(" that's a good question");
    expect(`that's a good plan${delta}`).toContain('good question');
    // a correction deep in a long hypothesis resends only the three words before it
    const t = new StablePrefix();
    t.partial('one two three four five six');
    t.partial('one two three four five six');
    t.partial('one two three four five seven');
    expect(t.partial('one two three four five seven')).toBe(' three four five seven');
    // plain growth adds only the new words
    expect(t.partial('one two three four five seven eight')).toBeNull();
    expect(t.partial('one two three four five seven eight')).toBe(' eight');
  });

  it('splits on any whitespace', () => {
    expect(words('  a\tb \n c ')).toEqual(['a', 'b', 'c']);
    expect(words('')).toEqual([]);
  });
});
