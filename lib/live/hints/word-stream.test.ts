import { describe, expect, it } from 'vitest';
import { WordStream, compareAt } from './word-stream';

function words(s: WordStream): string[] {
  const out: string[] = [];
  for (let i = s.firstIndex; i < s.totalCount; i++) out.push(s.wordAt(i) ?? '?');
  return out;
}

describe('WordStream', () => {
  it('splits complete and tentative words across deltas', () => {
    const s = new WordStream(8);
    s.push("That's a go");
    expect(words(s)).toEqual(['that', 'is', 'a', 'go']);
    expect(s.completeCount).toBe(3);
    expect(s.isTentative(3)).toBe(true);
    s.push('od question');
    expect(words(s)).toEqual(['that', 'is', 'a', 'good', 'question']);
    expect(s.completeCount).toBe(4);
    s.push('! ');
    expect(s.completeCount).toBe(5);
    expect(s.totalCount).toBe(5);
  });

  it('end() completes the last token and refuses more input', () => {
    const s = new WordStream(8);
    s.push('okay sto');
    s.push('p');
    s.end();
    expect(s.completeCount).toBe(2);
    expect(s.isEnded).toBe(true);
    s.push(' more');
    expect(words(s)).toEqual(['okay', 'stop']);
  });

  it('compact() keeps a bounded window with stable global indices', () => {
    const s = new WordStream(4);
    for (let i = 0; i < 1_000; i++) {
      s.push(` w${i}`);
      s.compact();
    }
    expect(s.totalCount).toBe(1_000);
    expect(s.totalCount - s.firstIndex).toBeLessThanOrEqual(2 * 4 + 1);
    expect(s.wordAt(999)).toBe('w999');
    expect(s.wordAt(0)).toBeUndefined();
  });

  it('keeps everything of a big delta until compact() runs', () => {
    const s = new WordStream(2);
    s.push(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' ') + ' ');
    expect(s.wordAt(0)).toBe('w0');
    s.compact();
    expect(s.wordAt(0)).toBeUndefined();
    expect(s.wordAt(49)).toBe('w49');
  });

  it('bounds a whitespace-free carry', () => {
    const s = new WordStream(4);
    s.push('x'.repeat(10_000));
    expect((s.wordAt(0) ?? '').length).toBe(80);
  });
});

describe('compareAt', () => {
  it('reports match, open (still possible) and mismatch', () => {
    const s = new WordStream(8);
    s.push('good question bu');
    expect(compareAt(s, 0, ['good', 'question'])).toBe('match');
    expect(compareAt(s, 0, ['good', 'question', 'but'])).toBe('open');
    expect(compareAt(s, 0, ['good', 'question', 'but', 'why'])).toBe('open');
    expect(compareAt(s, 0, ['good', 'question', 'about'])).toBe('mismatch');
    s.push('t');
    expect(compareAt(s, 0, ['good', 'question', 'but'])).toBe('match');
    s.end();
    expect(compareAt(s, 0, ['good', 'question', 'but', 'why'])).toBe('mismatch');
  });

  it('treats a complete word that is a prefix as a mismatch', () => {
    const s = new WordStream(8);
    s.push('good question bu ');
    expect(compareAt(s, 0, ['good', 'question', 'but'])).toBe('mismatch');
  });
});
