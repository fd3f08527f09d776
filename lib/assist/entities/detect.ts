import { normalizeSpokenDigits, normalizeSpokenEmail } from './spoken';

/**
 * Deterministic entity detection on a customer turn: order numbers (NNNN-NNNN), emails (written
 * or spoken with "at"/"dot"), phone numbers (US 10 digits or E.164) and names after a cue
 * ("my name is", "this is", "I'm ... speaking"). No model: the panel fills from these.
 */

export type Entities = { orderNumbers: string[]; emails: string[]; phones: string[]; names: string[] };
export const NO_ENTITIES: Entities = { orderNumbers: [], emails: [], phones: [], names: [] };

const EMAIL = /\b[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;
const ORDER = /(?<![\d+])(\d{4})[-\s](\d{4})(?![\d-])|(?<=\border(?: number)?(?: is)?\s+#?)(\d{4})(\d{4})\b/gi;
const PHONE = /(?<![\d-])(?:\+?1[\s.-]?)?\(?([2-9]\d{2})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})(?![\d-])|\+[1-9]\d{7,14}\b/g;
const NAME_CUE = /\b(?:my name is|my name's|name is|this is|i am|i'm|it's)\s+([A-Za-z][a-z'-]+(?:\s+[A-Za-z][a-z'-]+){0,2})/gi;
const NOT_NAME = new Set([
  'calling', 'about', 'so', 'very', 'really', 'not', 'just', 'the', 'a', 'an', 'my', 'your', 'here', 'still', 'trying', 'looking', 'sorry',
  'upset', 'frustrated', 'angry', 'happy', 'fine', 'good', 'okay', 'ok', 'waiting', 'on', 'in', 'at', 'with', 'from', 'and', 'but', 'because',
  'order', 'email', 'phone', 'number', 'it', 'that', 'this', 'what', 'been', 'going', 'having', 'getting', 'ringing', 'speaking', 'is', 'was',
  'never', 'arrived', 'late', 'missing', 'gone', 'lost', 'done', 'over', 'sure', 'glad', 'afraid', 'disappointed', 'annoyed', 'confused',
]);

const unique = <T>(items: T[]) => [...new Set(items)];

function names(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(NAME_CUE)) {
    const words: string[] = [];
    for (const w of (m[1] ?? '').split(/\s+/)) {
      if (!w || NOT_NAME.has(w.toLowerCase())) break;
      words.push(w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
    }
    // A single word after "I'm" is usually not a name ("I'm upset" is filtered, "I'm Dana" is too short to look up alone).
    if (words.length >= 2 || (words.length === 1 && /name/i.test(m[0]))) found.push(words.join(' '));
  }
  return unique(found);
}

export function detectEntities(raw: string): Entities {
  const text = normalizeSpokenEmail(normalizeSpokenDigits(raw));
  const emails = unique([...text.matchAll(EMAIL)].map((m) => m[0].toLowerCase().replace(/\.$/, '')));
  const withoutEmails = text.replace(EMAIL, ' ');
  const orderNumbers = unique([...withoutEmails.matchAll(ORDER)].map((m) => (m[1] ? `${m[1]}-${m[2]}` : `${m[3]}-${m[4]}`)));
  const withoutOrders = withoutEmails.replace(ORDER, ' ');
  const phones = unique(
    [...withoutOrders.matchAll(PHONE)].map((m) => (m[1] ? `+1${m[1]}${m[2]}${m[3]}` : m[0].replace(/\D/g, '').replace(/^/, '+'))),
  );
  return { orderNumbers, emails, phones, names: names(withoutOrders) };
}
