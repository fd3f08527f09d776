/**
 * A reply split into the pieces synthesised one at a time: a small first piece
 * (first audio comes fast), a second of at most 8 words (made while the first
 * plays), then sentences, long ones cut at clauses, never more than MAX_WORDS. Pieces keep the reply's words exactly: joined with spaces they
 * are the reply.
 */
const FIRST_MAX_WORDS = 4;
const FIRST_CLAUSE_MAX_WORDS = 6;
/** The second piece is made while the short first one plays: keep it short too. */
const SECOND_MAX_WORDS = 8;
const MAX_WORDS = 18;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;
const CLAUSE_END = /[,;:—–]["'”’)\]]*$/u;

export function splitSpeech(text: string): string[] {
  const words = text.trim() === '' ? [] : text.trim().split(/\s+/);
  const pieces: string[] = [];
  let at = 0;
  while (at < words.length) {
    const first = pieces.length === 0;
    const end = pieceEnd(words, at, first, pieces.length === 1 ? SECOND_MAX_WORDS : MAX_WORDS);
    pieces.push(words.slice(at, end).join(' '));
    at = end;
  }
  return pieces;
}

/** Where the piece starting at `from` ends (exclusive). */
function pieceEnd(words: readonly string[], from: number, first: boolean, maxWords: number): number {
  const remaining = words.length - from;
  if (first) {
    // The first clause when it is short, else the first few words.
    for (let i = from; i < Math.min(words.length, from + FIRST_CLAUSE_MAX_WORDS); i++) {
      if (SENTENCE_END.test(words[i] ?? '') || CLAUSE_END.test(words[i] ?? '')) return i + 1;
    }
    return from + Math.min(remaining, FIRST_MAX_WORDS);
  }
  const limit = Math.min(words.length, from + maxWords);
  for (let i = from; i < limit; i++) if (SENTENCE_END.test(words[i] ?? '')) return i + 1;
  if (remaining <= maxWords) return words.length;
  // A long sentence: cut at its last clause break within the limit, else at the limit.
  for (let i = limit - 1; i > from + 2; i--) if (CLAUSE_END.test(words[i] ?? '')) return i + 1;
  return limit;
}
