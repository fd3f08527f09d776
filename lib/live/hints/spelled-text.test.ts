import { describe, expect, it } from 'vitest';
import { MAX_SPELLED_CHARS, SpelledText } from './spelled-text';

describe('SpelledText', () => {
  it('tells a revised completed transcript from the one the deltas spelled, after normalisation', () => {
    const s = new SpelledText();
    expect(s.any).toBe(false);
    s.push('okay');
    s.push(' got it');
    expect(s.any).toBe(true);
    expect(s.differs('OK, got it.')).toBe(false);
    expect(s.differs('okay got it thanks')).toBe(true);
  });

  it('treats an overlong utterance as always revised (it cannot compare what it did not keep)', () => {
    const s = new SpelledText();
    s.push('a'.repeat(MAX_SPELLED_CHARS));
    s.push(' more');
    expect(s.differs('a'.repeat(MAX_SPELLED_CHARS) + ' more')).toBe(true);
  });
});
