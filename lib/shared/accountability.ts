/**
 * Ownership and blame in the user's speech: "I will own the recovery plan personally",
 * "it's on us" versus "not our fault", "the depots resisted". Read the same way by the
 * debrief rubric (criterion evidence) and the local engine's persona. Pure; returns the
 * words as the user said them.
 */

const A = "['’]";
const SUBJECT = '(?:I|we)';
const MODAL = `(?:\\s+(?:will|shall|must)|${A}ll|\\s+(?:am|are)\\s+going\\s+to|\\s+want\\s+to)?`;
const ADVERB = '(?:\\s+(?:personally|fully|directly))?';
const OWN = '(?:own|take\\s+(?:full\\s+|personal\\s+)?(?:ownership|responsibility)|be\\s+(?:accountable|responsible|the\\s+owners?)|lead)';

const OWNERSHIP: readonly RegExp[] = [
  new RegExp(`\\b${SUBJECT}${MODAL}${ADVERB}\\s+${OWN}\\b`, 'gi'),
  new RegExp(`\\b(?:I(?:\\s+am|${A}m)|we(?:\\s+are|${A}re))${ADVERB}\\s+(?:accountable|responsible|the\\s+owners?)\\b`, 'gi'),
  new RegExp(`\\b(?:it|this|that)(?:${A}s|\\s+is|\\s+was)\\s+on\\s+(?:us|me)\\b`, 'gi'),
  /\b(?:my|our)\s+(?:responsibility|fault|failure|mistake)\b/gi,
  new RegExp(`\\b${SUBJECT}\\s+(?:missed|got\\s+(?:this|it)\\s+wrong|dropped\\s+the\\s+ball|let\\s+you\\s+down)\\b`, 'gi'),
  /\bownership\s+is\s+(?:mine|ours)\b/gi,
];

const OTHERS =
  '(?:the|your|their)\\s+(?:own\\s+)?(?:staff|people|teams?|depots?|depot\\s+managers?|managers?|unions?|vendors?|suppliers?|users?|crews?|drivers?|employees|workers|supervisors?|client)';
const PUSHBACK = `(?:resist\\w*|refus\\w*|(?:did|do|does|would|will|could)(?:\\s+not|n${A}t)|won${A}t|failed|ignored|blocked|pushed\\s+back|(?:are|were|is|was)\\s+(?:slow|late|the\\s+problem))`;

const BLAME: readonly RegExp[] = [
  /\bnot\s+(?:our|my)\s+(?:fault|responsibility|problem)\b/gi,
  new RegExp(`\\b(?:is|was)n${A}t\\s+(?:on\\s+(?:us|me)|(?:our|my)\\s+(?:fault|responsibility))\\b`, 'gi'),
  new RegExp(`\\b(?:it|this|that)(?:${A}s|\\s+is|\\s+was)\\s+not\\s+on\\s+(?:us|me)\\b`, 'gi'),
  /\b(?:out\s+of|beyond)\s+(?:our|my)\s+control\b/gi,
  /\b(?:staff|union|user|depot)\s+resistance\b/gi,
  new RegExp(`\\b${OTHERS}(?:\\s+\\w+){0,2}?\\s+${PUSHBACK}`, 'gi'),
];

/** A negation just before a match ("not our fault", "I don't think it's on us") turns it around. */
const NEGATED_BEFORE = new RegExp(`(?:\\b(?:not|never|no)|n${A}t)(?:\\s+\\S+){0,2}\\s*$`, 'i');

export type Reading = { text: string; index: number };

function firstMatch(text: string, patterns: readonly RegExp[], skipNegated: boolean): Reading | null {
  let best: Reading | null = null;
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      if (m.index === undefined) continue;
      if (skipNegated && NEGATED_BEFORE.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
      if (best === null || m.index < best.index) best = { text: m[0].trim(), index: m.index };
      break;
    }
  }
  return best;
}

/** The first place the speaker takes ownership ("I will own", "it's on us", "our fault"), or null. */
export function readOwnership(text: string): Reading | null {
  return firstMatch(text, OWNERSHIP, true);
}

/** The first place the speaker puts the problem on someone or something else, or null. */
export function readBlame(text: string): Reading | null {
  return firstMatch(text, BLAME, false);
}

/** Ownership without blame in the same stretch of speech: what "owns the gap without blaming" means. */
export function ownsWithoutBlame(text: string): boolean {
  return readOwnership(text) !== null && readBlame(text) === null;
}
