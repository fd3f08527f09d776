import { describe, expect, it } from 'vitest';
import { espeakVoice, fliteVoice, GA_VOICES, voiceGender } from './voices';

describe('voice mapping', () => {
  it('maps every GA voice to a male or female voice', () => {
    const genders = Object.fromEntries(GA_VOICES.map((v) => [v, voiceGender(v)]));
    expect(genders).toEqual({
      alloy: 'female', ash: 'male', ballad: 'male', coral: 'female', echo: 'male',
      sage: 'female', shimmer: 'female', verse: 'male', marin: 'female', cedar: 'male',
    });
  });

  it('reads names case-insensitively and speaks an unknown name female', () => {
    expect(voiceGender(' Cedar ')).toBe('male');
    expect(voiceGender('nova')).toBe('female');
  });

  it('names the flite and espeak-ng voices', () => {
    expect([fliteVoice('female'), fliteVoice('male')]).toEqual(['slt', 'rms']);
    expect([espeakVoice('female'), espeakVoice('male')]).toEqual(['en-us+f3', 'en-us+m3']);
  });
});
