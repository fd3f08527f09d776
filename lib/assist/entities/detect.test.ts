import { describe, expect, it } from 'vitest';
import { detectEntities } from './detect';
import { normalizeSpokenDigits, normalizeSpokenEmail } from './spoken';

describe('detectEntities', () => {
  it('finds the order number and email of the rehearsal line', () => {
    expect(detectEntities('my order 4411-2093 never arrived, my email is dana.whitfield@example.com')).toEqual({
      orderNumbers: ['4411-2093'], emails: ['dana.whitfield@example.com'], phones: [], names: [],
    });
  });
  it('reads spoken digits and spoken emails', () => {
    const e = detectEntities('order four four one one dash two zero nine three, email dana dot whitfield at example dot com');
    expect(e.orderNumbers).toEqual(['4411-2093']);
    expect(e.emails).toEqual(['dana.whitfield@example.com']);
  });
  it('reads "order number 44112093" without a dash', () => {
    expect(detectEntities('my order number is 44112093').orderNumbers).toEqual(['4411-2093']);
  });
  it('finds US phone numbers in several shapes as E.164', () => {
    expect(detectEntities('call me on (415) 555-0123').phones).toEqual(['+14155550123']);
    expect(detectEntities('my number is +1 415 555 0123').phones).toEqual(['+14155550123']);
    expect(detectEntities('four one five five five five zero one two three').phones).toEqual(['+14155550123']);
  });
  it('does not read an order number as a phone', () => {
    expect(detectEntities('order 4411-2093').phones).toEqual([]);
  });
  it('finds names after a cue, not feelings', () => {
    expect(detectEntities('Hi, my name is Dana Whitfield and I am upset').names).toEqual(['Dana Whitfield']);
    expect(detectEntities("this is marcus okafor calling about my order").names).toEqual(['Marcus Okafor']);
    expect(detectEntities("I'm really upset").names).toEqual([]);
  });
  it('finds nothing in small talk', () => {
    expect(detectEntities('thanks, that is all')).toEqual({ orderNumbers: [], emails: [], phones: [], names: [] });
  });
});

describe('spoken forms', () => {
  it('expands double and triple', () => {
    expect(normalizeSpokenDigits('double four one one')).toBe('4411');
  });
  it('keeps "oh" as a word outside digits', () => {
    expect(normalizeSpokenDigits('oh no')).toBe('oh no');
    expect(normalizeSpokenDigits('four oh two')).toBe('402');
  });
  it('leaves "at" alone when it is not an address', () => {
    expect(normalizeSpokenEmail('I was at home')).toBe('I was at home');
  });
});
