import { normalizeToken } from './normalize';

/** A raw token longer than this cannot be part of a phrase (phrases are <= 60 chars); only its tail is kept. */
const MAX_CARRY_CHARS = 80;
const WHITESPACE = /\s/;

/**
 * The normalised words of ONE utterance, fed delta by delta, keeping only a
 * bounded window of the most recent words.
 *
 * Words have global indices (0 = first word of the utterance). Words before
 * the last whitespace are complete; the raw token after it (the "carry") may
 * still grow ("quest" -> "question"), so its words are tentative: they are
 * visible to matchers (a phrase fires as soon as it is spelled out) but are
 * recomputed on the next delta. Work per delta is O(delta length + words in
 * it), independent of how long the utterance or the meeting has been, as
 * long as the owner calls `compact()` after scanning.
 */
export class WordStream {
  private words: string[] = [];
  private base = 0; // global index of words[0]
  private carry = '';
  private tentative: string[] = [];
  private ended = false;

  constructor(private capacity: number) {}

  /** Keep at least `capacity` complete words (grows the window when settings add longer phrases). */
  setCapacity(capacity: number): void {
    this.capacity = Math.max(this.capacity, capacity);
  }

  /** Number of complete words so far (global index of the first tentative word). */
  get completeCount(): number {
    return this.base + this.words.length;
  }

  /** Complete + tentative words (exclusive global end). */
  get totalCount(): number {
    return this.completeCount + this.tentative.length;
  }

  /** Global index of the oldest word still held. */
  get firstIndex(): number {
    return this.base;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** True when the word at `index` may still change (part of the token being spoken). */
  isTentative(index: number): boolean {
    return index >= this.completeCount;
  }

  /** The word at a global index, or undefined if it was dropped from the window or does not exist yet. */
  wordAt(index: number): string | undefined {
    if (index < this.base) return undefined;
    const complete = this.words.length + this.base;
    return index < complete ? this.words[index - this.base] : this.tentative[index - complete];
  }

  /** Feed a raw transcription delta. */
  push(delta: string): void {
    if (this.ended || !delta) return;
    const text = this.carry + delta;
    let lastSpace = -1;
    for (let i = text.length - 1; i >= 0; i--) {
      if (WHITESPACE.test(text[i] ?? '')) {
        lastSpace = i;
        break;
      }
    }
    if (lastSpace >= 0) {
      this.appendComplete(text.slice(0, lastSpace));
      this.carry = text.slice(lastSpace + 1);
    } else {
      this.carry = text;
    }
    if (this.carry.length > MAX_CARRY_CHARS) this.carry = this.carry.slice(-MAX_CARRY_CHARS);
    this.tentative = this.carry ? normalizeToken(this.carry) : [];
  }

  /** The utterance is over: the carry becomes complete and nothing more is accepted. */
  end(): void {
    if (this.ended) return;
    this.appendComplete(this.carry);
    this.carry = '';
    this.tentative = [];
    this.ended = true;
  }

  private appendComplete(text: string): void {
    for (const token of text.split(/\s+/)) {
      if (!token) continue;
      for (const word of normalizeToken(token)) this.words.push(word);
    }
  }

  /**
   * Drop old words, keeping the last `capacity` complete words. Call after the
   * new words were scanned (a big delta must be scanned in full first).
   * Amortised O(1): trims only once the window holds twice its capacity.
   */
  compact(): void {
    if (this.words.length <= this.capacity * 2) return;
    const drop = this.words.length - this.capacity;
    this.words = this.words.slice(drop);
    this.base += drop;
  }
}

/** Result of comparing a phrase with the stream from a position. */
export type SequenceMatch = 'match' | 'open' | 'mismatch';

/**
 * Compare `expected` words with the stream starting at global index `start`.
 * 'open' means every word heard so far agrees and the rest may still come
 * (the stream has not ended and either ran out of words or its last tentative
 * word is a prefix of the expected one).
 */
export function compareAt(stream: WordStream, start: number, expected: readonly string[]): SequenceMatch {
  if (start < stream.firstIndex) return 'mismatch';
  for (let k = 0; k < expected.length; k++) {
    const index = start + k;
    const want = expected[k] ?? '';
    if (index >= stream.totalCount) return stream.isEnded ? 'mismatch' : 'open';
    const got = stream.wordAt(index) ?? '';
    if (got === want) continue;
    const lastTentative = index === stream.totalCount - 1 && stream.isTentative(index);
    return lastTentative && want.startsWith(got) ? 'open' : 'mismatch';
  }
  return 'match';
}
