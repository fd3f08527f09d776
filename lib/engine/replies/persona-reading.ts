import type { CommitmentPart } from '@/lib/contracts/persona-brief';
import { readBlame, readOwnership } from '@/lib/shared/accountability';
import { countQuestions } from '@/lib/shared/questions';
import { findSpecifics, type SpecificMatch } from '@/lib/shared/specifics';

/**
 * How the persona reads one user turn, with the debrief's own detectors (lib/shared):
 * the owner, date, checkpoint and number given (as the user said them), ownership and
 * blame, a question. And the words it answers with: an acknowledgement built only from
 * what was given, a press on only what is missing. Pure.
 */

/** What the user has given towards a commitment, in their own words. `owner: null` = the speaker owns it. */
export type Given = { owner?: { name: string | null }; date?: string; checkpoint?: string; number?: string };

export type TurnReading = {
  given: Given;
  /** The speaker took ownership ("I will own", "it's on us"), as said. */
  ownership: string | null;
  blame: string | null;
  question: boolean;
  sentences: number;
};

export function givenParts(given: Given): CommitmentPart[] {
  return (['owner', 'date', 'checkpoint', 'number'] as const).filter((p) => given[p] !== undefined);
}

/** The named owner if there is one, with the date closest after it (else the last before it). */
function pickOwnerAndDate(text: string, found: SpecificMatch[]): Pick<Given, 'owner' | 'date'> {
  const owners = found.filter((m) => m.kind === 'owner');
  const dates = found.filter((m) => m.kind === 'date');
  const owner = owners.find((m) => m.name) ?? owners[0];
  if (!owner) return dates[0] ? { date: withPreposition(text, dates[0]) } : {};
  const date = dates.find((d) => d.index > owner.index) ?? dates.filter((d) => d.index < owner.index).at(-1);
  return { owner: { name: owner.name ?? null }, ...(date ? { date: withPreposition(text, date) } : {}) };
}

/** "on 30 May" rather than "30 May" when the user said the preposition. */
function withPreposition(text: string, date: SpecificMatch): string {
  const before = /\b(by|on|before|until)\s+$/i.exec(text.slice(Math.max(0, date.index - 8), date.index));
  return before?.[1] && !/^(?:by|on|before|until)\b/i.test(date.text) ? `${before[1]} ${date.text}` : date.text;
}

/** Where the turn asks questions: their words are not commitments ("before the steering committee?"). */
function questionSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(/[^.!?]+[.!?]*/g)].flatMap((m) => (m.index !== undefined && countQuestions(m[0]) > 0 ? [[m.index, m.index + m[0].length] as [number, number]] : []));
}

export function readTurn(text: string): TurnReading {
  const asked = questionSpans(text);
  const found = findSpecifics(text).filter((m) => !asked.some(([a, b]) => m.index >= a && m.index < b));
  const first = (kind: SpecificMatch['kind']) => found.find((m) => m.kind === kind)?.text;
  const checkpoint = first('checkpoint');
  const number = first('number');
  const given: Given = { ...pickOwnerAndDate(text, found), ...(checkpoint ? { checkpoint } : {}), ...(number ? { number } : {}) };
  return {
    given,
    ownership: readOwnership(text)?.text ?? null,
    blame: readBlame(text)?.text ?? null,
    question: asked.length > 0,
    sentences: text.split(/[.!?]+(?:\s|$)/).filter((s) => s.trim() !== '').length,
  };
}

/** Newer words win (a corrected date), except that "I own it" never replaces a named owner. */
export function mergeGiven(into: Given, more: Given): Given {
  const owner = more.owner?.name ? more.owner : (into.owner ?? more.owner);
  return { ...into, ...more, ...(owner ? { owner } : {}) };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => (/^(?:By|On|Before|Until|Next|This|Within|In|Tomorrow|Tonight|End)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "weekly review" -> "a weekly review"; "milestones", "the steering committee" stay. */
function withArticle(noun: string): string {
  if (/^(?:the|a|an|our|my|your|every|each)\b/i.test(noun) || /s$/i.test(noun)) return noun;
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** "1 March" -> "by 1 March"; "on Thursday", "within two weeks", "next week" stay as said. */
export function whenPhrase(date: string): string {
  if (/^(?:by|on|before|until|next|this|within|in|tomorrow|tonight|EOD|EOW)\b/i.test(date)) return lowerFirst(date);
  return `by ${date}`;
}

/** "Maria Lopez by 1 March — fine." Built only from the words given; null when nothing was. */
export function acknowledge(given: Given, ownership: string | null): string | null {
  const when = given.date ? whenPhrase(given.date) : null;
  const parts: string[] = [];
  if (given.owner?.name) parts.push(when ? `${given.owner.name} ${when}` : given.owner.name);
  else if (given.owner) parts.push(when ? `You own it, ${when}` : 'You own it');
  else if (given.number) parts.push(when ? `${given.number} ${when}` : given.number);
  else if (when) parts.push(capitalise(when));
  if (given.checkpoint) parts.push(parts.length ? `with ${withArticle(given.checkpoint)}` : capitalise(withArticle(given.checkpoint)));
  if (parts.length > 0) return `${parts.join(', ')} — ${given.owner || given.checkpoint ? 'fine' : 'noted'}.`;
  return ownership ? 'Owning it is a start.' : null;
}

const ASK: Record<CommitmentPart, string> = {
  owner: 'who owns it',
  date: 'by when',
  checkpoint: 'what checkpoint tells me it is working',
  number: 'what number',
};
const NOUN: Record<CommitmentPart, string> = { owner: 'an owner', date: 'a date', checkpoint: 'a checkpoint', number: 'a number' };

/** "a, b and c" */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One question for exactly what is missing: "By when? Give me a date." */
export function press(missing: readonly CommitmentPart[]): string {
  if (missing.length === 1) {
    const only = missing[0] ?? 'owner';
    if (only === 'owner') return 'Who owns it? One name.';
    if (only === 'date') return 'By when? Give me a date.';
    return `${capitalise(ASK[only])}?`;
  }
  const asks = missing.map((p) => ASK[p]);
  return `${capitalise(asks.slice(0, -1).join(', '))}, and ${asks.at(-1)}?`;
}

/** "No owner, no date." — said only when the turn gave none of what is needed. */
export function nothingGiven(missing: readonly CommitmentPart[]): string {
  return `${capitalise(missing.map((p) => `no ${p}`).join(', '))}.`;
}

/** "a date and a checkpoint" */
export function nounsFor(parts: readonly CommitmentPart[]): string {
  return list(parts.map((p) => NOUN[p]));
}
