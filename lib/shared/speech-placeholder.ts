/**
 * The honest stand-in transcript of a spoken turn the local engine could not
 * recognise (speech packages missing, recogniser failed): shown as said, but
 * never measured as words (pace, fillers, monologues). Pure.
 */
export function placeholderTranscript(ms: number): string {
  return `[speech, ${(ms / 1000).toFixed(1)} s — the local engine does not transcribe audio]`;
}

const PLACEHOLDER = /^\[speech, \d+(?:\.\d+)? s — the local engine does not transcribe audio\]$/;

export function isPlaceholderTranscript(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}
