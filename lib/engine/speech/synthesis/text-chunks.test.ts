import { describe, expect, it } from 'vitest';
import { splitSpeech } from './text-chunks';

const count = (s: string) => s.split(' ').length;

describe('splitSpeech', () => {
  it('keeps every word, in order', () => {
    const text = 'Quick hint (saw 3 messages): ask what matters most to them, then confirm the date. Offer two options! Would Tuesday work?';
    expect(splitSpeech(text).join(' ')).toBe(text);
  });

  it('makes the first piece small: a short first clause or four words', () => {
    expect(splitSpeech('Got it, thanks. Let us move on to the budget now.')[0]).toBe('Got it,');
    expect(splitSpeech('The launch moved to April because QA found two blockers.')[0]).toBe('The launch moved to');
  });

  it('then speaks whole sentences, cutting long ones at a clause, at most 18 words', () => {
    const long = Array.from({ length: 30 }, (_, i) => (i === 11 ? `w${i},` : `w${i}`)).join(' ') + '.';
    const pieces = splitSpeech(`Okay. Right. ${long} Short one.`);
    expect(pieces.slice(0, 2)).toEqual(['Okay.', 'Right.']);
    expect(pieces[2]?.endsWith('w11,')).toBe(true);
    expect(pieces.every((p) => count(p) <= 18)).toBe(true);
    expect(pieces.at(-1)).toBe('Short one.');
  });

  it('cuts a sentence with no clause break: 4 words, 8, then 18', () => {
    const text = Array.from({ length: 45 }, (_, i) => `w${i}`).join(' ');
    expect(splitSpeech(text).map(count)).toEqual([4, 8, 18, 15]);
  });

  it('gives nothing for empty text', () => {
    expect(splitSpeech('   ')).toEqual([]);
  });
});
