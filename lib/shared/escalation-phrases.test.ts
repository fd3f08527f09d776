import { describe, expect, it } from 'vitest';
import { findEscalationTrigger, findSaidPhrase, saidPhrase } from './escalation-phrases';

describe('saidPhrase', () => {
  it('gives the user’s own words for a phrase found after normalisation', () => {
    expect(saidPhrase("Honestly, it's not our fault.", 'not our fault')).toBe('not our fault');
    expect(saidPhrase("It isn't our fault.", 'not our fault')).toBe("isn't our fault");
    expect(saidPhrase("It was a 'one-off', really.", 'one-off')).toBe('one-off');
    expect(saidPhrase('We NEED more time!', 'need more time')).toBe('NEED more time');
    expect(saidPhrase('It was a one-off.', 'not our fault')).toBeNull();
    expect(saidPhrase('anything', '...')).toBeNull();
  });

  it('agrees with the trigger detector', () => {
    const phrases = ['need more time', 'not our fault'];
    const text = 'We need more time, it is not our fault';
    expect(findSaidPhrase(text, phrases)).toEqual({ phrase: findEscalationTrigger(text, phrases)?.phrase, said: 'need more time' });
    expect(findSaidPhrase('All good', phrases)).toBeNull();
  });
});
