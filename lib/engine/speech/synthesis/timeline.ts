/**
 * Where a reply's words fall in the audio actually sent: one span per piece
 * (its start and end in ms of streamed audio, and its words). Truncating at
 * `audio_end_ms` keeps the words spoken by then, interpolated within a piece.
 */
export type SpokenSpan = { startMs: number; endMs: number; wordsBefore: number; words: number };

export function wordsSpokenBy(spans: readonly SpokenSpan[], ms: number): number {
  let spoken = 0;
  for (const s of spans) {
    if (ms >= s.endMs) spoken = s.wordsBefore + s.words;
    else if (ms > s.startMs) return s.wordsBefore + Math.floor((s.words * (ms - s.startMs)) / (s.endMs - s.startMs));
    else break;
  }
  return spoken;
}
