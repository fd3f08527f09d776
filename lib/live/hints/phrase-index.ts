import { normalizeWords } from './normalize';
import type { WordStream } from './word-stream';

export type CompiledPhrase<T> = {
  /** Normalised words joined by one space: the identity of the phrase. */
  key: string;
  words: readonly string[];
  /** The phrase as the user typed it (for logs and hint metadata). */
  display: string;
  data: T;
};

/**
 * Phrases indexed by their LAST normalised word, longest first, so finding
 * the phrases that end at a given word is one map lookup plus a few short
 * comparisons — independent of how much has been said.
 */
export type PhraseIndex<T> = {
  readonly phrases: readonly CompiledPhrase<T>[];
  readonly byLastWord: ReadonlyMap<string, readonly CompiledPhrase<T>[]>;
  /** Word count of the longest phrase (0 when empty). */
  readonly maxWords: number;
};

/** Compile phrases; empty-after-normalisation phrases and later duplicates are skipped. */
export function compilePhrases<T>(entries: readonly { phrase: string; data: T }[]): PhraseIndex<T> {
  const phrases: CompiledPhrase<T>[] = [];
  const seen = new Set<string>();
  for (const { phrase, data } of entries) {
    const words = normalizeWords(phrase);
    const key = words.join(' ');
    if (!key || seen.has(key)) continue;
    seen.add(key);
    phrases.push({ key, words, display: phrase.trim(), data });
  }
  const byLastWord = new Map<string, CompiledPhrase<T>[]>();
  for (const p of phrases) {
    const last = p.words[p.words.length - 1] ?? '';
    const list = byLastWord.get(last) ?? [];
    list.push(p);
    byLastWord.set(last, list);
  }
  for (const list of byLastWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { phrases, byLastWord, maxWords: phrases.reduce((m, p) => Math.max(m, p.words.length), 0) };
}

/**
 * Phrases whose words end exactly at global index `end` of the stream (longest
 * first). Tentative words must be equal too: a phrase fires as soon as the
 * transcript spells it out. `minStart` rejects occurrences starting earlier.
 */
export function phrasesEndingAt<T>(
  index: PhraseIndex<T>,
  stream: WordStream,
  end: number,
  minStart = 0,
): CompiledPhrase<T>[] {
  const last = stream.wordAt(end);
  if (last === undefined) return [];
  const candidates = index.byLastWord.get(last);
  if (!candidates) return [];
  const out: CompiledPhrase<T>[] = [];
  for (const p of candidates) {
    const start = end - p.words.length + 1;
    if (start < minStart || start < stream.firstIndex) continue;
    let ok = true;
    for (let k = 0; k < p.words.length - 1; k++) {
      if (stream.wordAt(start + k) !== p.words[k]) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(p);
  }
  return out;
}

/** Index of `needle` inside `haystack` as a contiguous word run at or after `from`, or -1. */
export function indexOfWords(haystack: readonly string[], needle: readonly string[], from = 0): number {
  if (needle.length === 0) return -1;
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}
