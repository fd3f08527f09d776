/** Escalation trigger phrases found in what the user said, by whole words after normalisation. Pure. */

const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bshan't\b/g, 'shall not'],
  [/\bain't\b/g, 'is not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\bi'm\b/g, 'i am'],
  [/\b(it|that|there|what|here|he|she)'s\b/g, '$1 is'],
];

/** Lowercase, straight quotes, no accents or punctuation, contractions expanded, single spaces. */
export function normaliseSpeech(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) s = s.replace(pattern, replacement);
  return s
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export type TriggerMatch = { phrase: string; index: number };

/** The trigger phrase that occurs first in the text (whole words only), or null. */
export function findEscalationTrigger(text: string, triggerPhrases: readonly string[]): TriggerMatch | null {
  const haystack = ` ${normaliseSpeech(text)} `;
  let best: TriggerMatch | null = null;
  for (const phrase of triggerPhrases) {
    const needle = normaliseSpeech(phrase);
    if (!needle) continue;
    const at = haystack.indexOf(` ${needle} `);
    if (at >= 0 && (best === null || at < best.index)) best = { phrase, index: at };
  }
  return best;
}

/**
 * Where a phrase occurs in what the user said (whole words after normalisation), as the user's
 * own words: "isn't our fault" for "not our fault" in "It isn't our fault.", or null.
 */
export function saidPhrase(text: string, phrase: string): string | null {
  const needle = normaliseSpeech(phrase).split(' ').filter(Boolean);
  if (needle.length === 0) return null;
  const raw = [...text.matchAll(/\S+/g)];
  const tokens: { token: string; word: number }[] = [];
  raw.forEach((m, word) => {
    for (const token of normaliseSpeech(m[0]).split(' ')) if (token) tokens.push({ token, word });
  });
  for (let i = 0; i + needle.length <= tokens.length; i++) {
    if (!needle.every((t, j) => tokens[i + j]?.token === t)) continue;
    const first = raw[tokens[i]?.word ?? 0];
    const last = raw[tokens[i + needle.length - 1]?.word ?? 0];
    if (first?.index === undefined || last?.index === undefined) return null;
    const span = text.slice(first.index, last.index + last[0].length);
    return span.replace(/^[\s"'“”‘’([{<-]+|[\s"'“”‘’.,;:!?)\]}>…-]+$/gu, '') || null;
  }
  return null;
}

/** The first of the phrases the user said, in the user's own words, or null. */
export function findSaidPhrase(text: string, phrases: readonly string[]): { phrase: string; said: string } | null {
  const match = findEscalationTrigger(text, phrases);
  const said = match ? saidPhrase(text, match.phrase) : null;
  return match && said ? { phrase: match.phrase, said } : null;
}
