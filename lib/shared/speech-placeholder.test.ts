import { describe, expect, it } from 'vitest';
import { isPlaceholderTranscript, placeholderTranscript } from './speech-placeholder';

describe('speech placeholder', () => {
  it('recognises its own placeholders and nothing a person would say', () => {
    expect(placeholderTranscript(1400)).toBe('[speech, 1.4 s — the local engine does not transcribe audio]');
    expect(isPlaceholderTranscript(placeholderTranscript(12_345))).toBe(true);
    expect(isPlaceholderTranscript(` ${placeholderTranscript(0)} `)).toBe(true);
    expect(isPlaceholderTranscript("that's a good question")).toBe(false);
    expect(isPlaceholderTranscript(`${placeholderTranscript(900)} and more`)).toBe(false);
  });
});
