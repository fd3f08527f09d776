import { describe, expect, it } from 'vitest';
import { normalizeKeywords, transcriptionConfig } from './transcription';
import { MAX_TRANSCRIPTION_KEYWORDS } from '@/lib/contracts/models';

describe('transcription keywords', () => {
  it('go with models that take them, once each, trimmed', () => {
    expect(transcriptionConfig('gpt-live-transcribe', [' got  it', 'Got it', '', 'walk me through'])).toEqual({ model: 'gpt-live-transcribe', keywords: ['got it', 'walk me through'] });
    expect(transcriptionConfig('gpt-transcribe', [])).toEqual({ model: 'gpt-transcribe' });
    expect(transcriptionConfig('gpt-4o-mini-transcribe', ['got it'])).toEqual({ model: 'gpt-4o-mini-transcribe' });
  });

  it('are capped', () => {
    const many = Array.from({ length: 80 }, (_, i) => `phrase ${i}`);
    expect(normalizeKeywords(many)).toHaveLength(MAX_TRANSCRIPTION_KEYWORDS);
  });
});
