/**
 * Detectors for "specifics" in the user's speech: dates, owners, numbers and
 * named checkpoints. Pure and deterministic; each stretch of text counts once,
 * in the first category that claims it (date > checkpoint > owner > number).
 */

export type SpecificKind = 'date' | 'checkpoint' | 'owner' | 'number';
/** `name`: for an owner, the person named ("Maria Lopez"); absent when the speaker owns it ("I will own"). */
export type SpecificMatch = { kind: SpecificKind; text: string; index: number; name?: string };

const MONTHS = 'January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const WEEKDAYS = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const NUM_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety';
const PERIOD = '(?:day|week|month|quarter|year|sprint)s?';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)';

const DATE_PATTERNS: RegExp[] = [
  // 30 June, June 30th, 30th of June, mid-July, end of June (month names are capitalised in transcripts)
  new RegExp(`\\b(?:${ORDINAL}|\\d{1,2})?(?: of)? ?(?:${MONTHS})\\b(?: ${ORDINAL}| \\d{1,2}\\b)?`, 'g'),
  new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)? May|May \\d{1,2}(?:st|nd|rd|th)?)\\b`, 'g'),
  new RegExp(`\\b(?:next |this |on |by )?${WEEKDAYS}\\b`, 'gi'),
  /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  new RegExp(`\\b(?:by |on )the ${ORDINAL}\\b`, 'gi'),
  new RegExp(`\\b(?:within|in) (?:the next )?(?:\\d+|${NUM_WORDS}|a|one) (?:working |business )?${PERIOD}\\b`, 'gi'),
  new RegExp(`\\b(?:by |before )?(?:the )?end of (?:the |this |next )?(?:day|week|month|quarter|year|Q[1-4])\\b`, 'gi'),
  new RegExp(`\\b(?:next|this) (?:week|month|quarter)\\b`, 'gi'),
  /\b(?:tomorrow|tonight|EOD|EOW)\b/gi,
  /\bQ[1-4](?: \d{4})?\b/g,
];

const CHECKPOINT_PATTERNS: RegExp[] = [
  /\bcheck ?points?\b|\bcheck-ins?\b|\bmilestones?\b|\bsteer(?:ing)? ?(?:co|committee|group|meeting)\b/gi,
  /\b(?:daily|weekly|fortnightly|biweekly|monthly) (?:review|call|check-in|checkin|report|meeting|update|stand-?up|status)s?\b/gi,
  /\b(?:review|status|progress) (?:meeting|session|call|point)s?\b|\bstand-?ups?\b|\bsign-?off\b|\bgo\/no-go\b|\bgo no go\b/gi,
  /\b(?:stage|quality) gates?\b|\bgate reviews?\b|\bdry runs?\b|\brehearsals?\b|\bdrills?\b|\b(?:failover|recovery|dr) tests?\b/gi,
];

const NOT_NAMES = new Set(
  'I We They He She It This That There These Those Which What Who Whoever Everyone Everybody Someone Somebody Anyone Nobody Nothing Everything Each Every Both Either Neither Our Your My Their The A An And But So If Then Now Yes No Okay OK Well Right Look Honestly Frankly Also Next Today Tomorrow Team Management Nothing Which'
    .split(' ')
    .concat(MONTHS.split('|'), ['May', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
);
const NAME = "[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?";
const OWN_VERBS = "(?:will|['’]ll) (?:own|lead|run|chair|drive|deliver|fix|present|send|coordinate|manage|personally)|owns|leads|is (?:leading|owning|running|accountable|responsible|in charge)";

const OWNER_PATTERNS: Array<{ re: RegExp; nameGroup?: number }> = [
  { re: new RegExp(`\\b(?:owner|owned by|accountable|responsible|in charge|lead(?:ing)? (?:it|this))(?: is| will be|:)? (${NAME})\\b`, 'g'), nameGroup: 1 },
  { re: new RegExp(`\\b(${NAME}),? (?:from (?:my|our) team,? )?(?:${OWN_VERBS})\\b`, 'g'), nameGroup: 1 },
  { re: /\bI(?: will|['’]ll) (?:personally|own|lead|take ownership|be accountable|be responsible|chair|run)\b|\bI(?: am|['’]m) (?:accountable|responsible|the owner|personally)\b|\bI own (?:this|it|the)\b/g },
];

const NUMBER_PATTERNS: RegExp[] = [
  /(?:€|\$|£)?\b\d+(?:[.,]\d+)*(?: ?(?:%|percent|per cent|k|m|million|thousand|points?|hours?|days?|weeks?|depots?|people|users?))?/gi,
  new RegExp(`\\b(?:${NUM_WORDS}|hundred|thousand|million|half|a dozen)(?:[ -](?:${NUM_WORDS}|hundred|thousand|million))*(?: (?:percent|per cent|points?))?\\b`, 'gi'),
];

function overlaps(claimed: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return claimed.some(([a, b]) => start < b && end > a);
}

export function findSpecifics(text: string): SpecificMatch[] {
  const claimed: Array<[number, number]> = [];
  const found: SpecificMatch[] = [];
  const take = (kind: SpecificKind, re: RegExp, nameGroup?: number) => {
    for (const m of text.matchAll(re)) {
      const raw = m[0];
      if (!raw.trim() || m.index === undefined) continue;
      const name = nameGroup === undefined ? undefined : m[nameGroup];
      if (name !== undefined && NOT_NAMES.has(name.split(/[ -]/)[0] ?? '')) continue;
      const start = m.index + (raw.length - raw.trimStart().length);
      const end = m.index + raw.trimEnd().length;
      if (overlaps(claimed, start, end)) continue;
      claimed.push([start, end]);
      found.push({ kind, text: text.slice(start, end), index: start, ...(name ? { name } : {}) });
    }
  };
  for (const re of DATE_PATTERNS) take('date', re);
  for (const re of CHECKPOINT_PATTERNS) take('checkpoint', re);
  for (const { re, nameGroup } of OWNER_PATTERNS) take('owner', re, nameGroup);
  for (const re of NUMBER_PATTERNS) take('number', re);
  return found.sort((a, b) => a.index - b.index);
}

