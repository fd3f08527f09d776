import { describe, expect, it } from 'vitest';
import { compilePhrases, indexOfWords, phrasesEndingAt } from './phrase-index';
import { WordStream } from './word-stream';

describe('compilePhrases', () => {
  it('normalises, skips empty and duplicate phrases, and indexes by last word longest first', () => {
    const index = compilePhrases([
      { phrase: 'Good question', data: 1 },
      { phrase: 'good question!', data: 2 },
      { phrase: '?!', data: 3 },
      { phrase: 'really good question', data: 4 },
      { phrase: 'OK stop', data: 5 },
    ]);
    expect(index.phrases.map((p) => [p.key, p.data])).toEqual([
      ['good question', 1],
      ['really good question', 4],
      ['okay stop', 5],
    ]);
    expect(index.byLastWord.get('question')?.map((p) => p.data)).toEqual([4, 1]);
    expect(index.maxWords).toBe(3);
  });
});

describe('phrasesEndingAt', () => {
  it('finds phrases ending exactly at a word, respecting minStart', () => {
    const index = compilePhrases([
      { phrase: 'good question', data: 'a' },
      { phrase: 'a good question', data: 'b' },
    ]);
    const s = new WordStream(8);
    s.push('what a good question');
    expect(phrasesEndingAt(index, s, 3).map((p) => p.data)).toEqual(['b', 'a']);
    expect(phrasesEndingAt(index, s, 3, 2).map((p) => p.data)).toEqual(['a']);
    expect(phrasesEndingAt(index, s, 2)).toEqual([]);
    expect(phrasesEndingAt(index, s, 9)).toEqual([]);
  });
});

describe('indexOfWords', () => {
  it('finds contiguous word runs', () => {
    expect(indexOfWords(['not', 'a', 'good', 'question'], ['good', 'question'])).toBe(2);
    expect(indexOfWords(['a', 'b', 'a', 'b'], ['a', 'b'], 1)).toBe(2);
    expect(indexOfWords(['a', 'b'], ['b', 'c'])).toBe(-1);
    expect(indexOfWords(['a'], [])).toBe(-1);
  });
});
