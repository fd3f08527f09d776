import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeToken, normalizeWords } from './normalize';

describe('normalizeText', () => {
  it.each([
    ['Good question!', 'good question'],
    ["That's a good question.", 'that is a good question'],
    ['That\u2019s a GOOD   question', 'that is a good question'],
    ['thats a good question', 'that is a good question'],
    ['Okay, stop.', 'okay stop'],
    ['OK stop', 'okay stop'],
    ['O.K. stop!', 'okay stop'],
    ['o.k stop', 'okay stop'],
    ['okay, um, stop', 'okay stop'],
    ['Thanks!', 'thank you'],
    ['Thank you.', 'thank you'],
    ['Got it...', 'got it'],
    ["I'm gonna think", 'i am going to think'],
    ["Don't, won't, can't, cannot", 'do not will not can not can not'],
    ["we'll, you're, they've, I'd", 'we will you are they have i would'],
    ["Let's walk through it", 'let us walk through it'],
    ["John's question", 'johns question'],
    ['follow-up—question', 'follow up question'],
    ['Give me 2 minutes', 'give me two minutes'],
    ['Give me 20 or 21 or 007', 'give me twenty or 21 or 007'],
    ['version 3.5', 'version three point five'],
    ['Café résumé', 'cafe resume'],
    ['alright then', 'all right then'],
    ['  ?! ... ', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('drops filler-only input entirely', () => {
    expect(normalizeWords('um uh hmm')).toEqual([]);
  });
});

describe('normalizeToken', () => {
  it('expands one raw token to several words', () => {
    expect(normalizeToken("that's")).toEqual(['that', 'is']);
    expect(normalizeToken('gonna')).toEqual(['going', 'to']);
  });

  it('splits tokens glued by punctuation', () => {
    expect(normalizeToken('question,walk')).toEqual(['question', 'walk']);
    expect(normalizeToken('well...okay')).toEqual(['well', 'okay']);
  });

  it('returns no words for pure punctuation', () => {
    expect(normalizeToken('—')).toEqual([]);
    expect(normalizeToken('...')).toEqual([]);
  });

  it('gives the same words token by token as for the whole text', () => {
    const text = "Hmm, that's not a GOOD question, o.k.? Thanks—gonna stop.";
    const byToken = text.split(/\s+/).flatMap(normalizeToken);
    expect(byToken).toEqual(normalizeWords(text));
    expect(byToken.join(' ')).toBe('that is not a good question okay thank you going to stop');
  });
});
