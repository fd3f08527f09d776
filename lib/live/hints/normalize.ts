/**
 * Text normalisation for phrase matching against live ASR transcripts.
 *
 * Everything works on ONE whitespace-separated raw token at a time
 * (`normalizeToken`), so the same function serves the incremental matcher
 * (which only knows the token being spoken right now) and whole strings
 * (`normalizeWords`). A raw token may expand to several words ("that's" ->
 * "that is", "thanks" -> "thank you") or to none (punctuation, fillers).
 * Phrases and transcripts go through the same function, so only consistency
 * matters, not linguistic truth ("'d" always becomes "would").
 */

const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g;
const COMBINING_MARKS = /\p{M}+/gu;
/** Separators inside a raw token: anything but letters, digits, apostrophes and periods. */
const SEPARATORS = /[^\p{L}\p{N}'.]+/u;
const DOTTED_LETTERS = /^(?:\p{L}\.)+\p{L}?$/u; // o.k  u.s.a  a.m
const DECIMAL = /^\p{N}+\.\p{N}+$/u;

/** Fillers ASR models sometimes keep; dropped so "okay, um, stop" still matches "okay stop". */
const FILLERS = new Set(['um', 'umm', 'uh', 'uhh', 'uhm', 'erm', 'hmm', 'hm']);

/** Whole-word variants (after apostrophes are handled). Values may hold several words. */
const WORD_VARIANTS: Readonly<Record<string, string>> = {
  ok: 'okay',
  okey: 'okay',
  okeh: 'okay',
  kay: 'okay',
  alright: 'all right',
  thanks: 'thank you',
  thx: 'thank you',
  thankyou: 'thank you',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  lemme: 'let me',
  gimme: 'give me',
  kinda: 'kind of',
  sorta: 'sort of',
  dunno: 'do not know',
  gotcha: 'got you',
  cannot: 'can not',
  // apostrophe-less contractions ASR models emit
  thats: 'that is',
  whats: 'what is',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  im: 'i am',
  youre: 'you are',
  theyre: 'they are',
  ive: 'i have',
};

const IRREGULAR_CONTRACTIONS: Readonly<Record<string, string>> = {
  "can't": 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "ain't": 'is not',
  "let's": 'let us',
  "y'all": 'you all',
};

/** Stems whose "'s" means "is" (otherwise "'s" is a possessive and the apostrophe is dropped). */
const S_IS = new Set(['that', 'it', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'how', 'when', 'why', 'this']);

const SUFFIX_CONTRACTIONS: ReadonlyArray<readonly [string, string]> = [
  ["n't", ' not'],
  ["'re", ' are'],
  ["'ve", ' have'],
  ["'ll", ' will'],
  ["'d", ' would'],
  ["'m", ' am'],
];

const NUMBER_WORDS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
] as const;

function expandContraction(word: string): string {
  const irregular = IRREGULAR_CONTRACTIONS[word];
  if (irregular) return irregular;
  if (!word.includes("'")) return word;
  for (const [suffix, replacement] of SUFFIX_CONTRACTIONS) {
    if (word.length > suffix.length && word.endsWith(suffix)) return word.slice(0, -suffix.length) + replacement;
  }
  if (word.endsWith("'s")) {
    const stem = word.slice(0, -2);
    return S_IS.has(stem) ? `${stem} is` : stem + 's';
  }
  return word;
}

function pushWord(out: string[], word: string): void {
  const bare = word.replace(/'/g, '');
  if (!bare || FILLERS.has(bare)) return;
  const variant = WORD_VARIANTS[bare];
  if (variant) {
    for (const w of variant.split(' ')) out.push(w);
    return;
  }
  if (/^\d+$/.test(bare)) {
    const n = Number(bare);
    out.push(n < NUMBER_WORDS.length && String(n) === bare ? (NUMBER_WORDS[n] ?? bare) : bare);
    return;
  }
  out.push(bare);
}

function normalizePiece(piece: string, out: string[]): void {
  // Trim apostrophes and periods at the edges ("'quote'", "end.", "o.k.").
  const trimmed = piece.replace(/^['.]+|['.]+$/g, '');
  if (!trimmed) return;
  if (DOTTED_LETTERS.test(trimmed)) return pushWord(out, trimmed.replace(/\./g, ''));
  if (DECIMAL.test(trimmed)) {
    const [whole = '', fraction = ''] = trimmed.split('.');
    pushWord(out, whole);
    out.push('point');
    pushWord(out, fraction);
    return;
  }
  for (const part of trimmed.split('.')) {
    if (!part) continue;
    for (const w of expandContraction(part.replace(/^'+|'+$/g, '')).split(' ')) pushWord(out, w);
  }
}

/** Normalise one raw (whitespace-free) token into zero or more words. Pure. */
export function normalizeToken(raw: string): string[] {
  const lowered = raw.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(APOSTROPHES, "'");
  const out: string[] = [];
  for (const piece of lowered.split(SEPARATORS)) if (piece) normalizePiece(piece, out);
  return out;
}

/** Normalise a whole text into words. */
export function normalizeWords(text: string): string[] {
  const out: string[] = [];
  for (const token of text.split(/\s+/)) {
    if (token) for (const w of normalizeToken(token)) out.push(w);
  }
  return out;
}

/** Normalise a whole text into one space-separated string ("That's a GOOD question!" -> "that is a good question"). */
export function normalizeText(text: string): string {
  return normalizeWords(text).join(' ');
}
