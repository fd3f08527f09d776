import { describe, expect, it } from 'vitest';
import { wordsSpokenBy } from './timeline';

const spans = [
  { startMs: 0, endMs: 1000, wordsBefore: 0, words: 2 },
  { startMs: 1000, endMs: 4000, wordsBefore: 2, words: 6 },
];

describe('wordsSpokenBy', () => {
  it('keeps whole pieces heard and the heard share of the piece in progress', () => {
    expect(wordsSpokenBy(spans, 0)).toBe(0);
    expect(wordsSpokenBy(spans, 499)).toBe(0);
    expect(wordsSpokenBy(spans, 500)).toBe(1);
    expect(wordsSpokenBy(spans, 1000)).toBe(2);
    expect(wordsSpokenBy(spans, 2500)).toBe(5);
    expect(wordsSpokenBy(spans, 4000)).toBe(8);
    expect(wordsSpokenBy(spans, 9000)).toBe(8);
  });

  it('keeps nothing before any audio', () => {
    expect(wordsSpokenBy([], 1200)).toBe(0);
  });
});
