import { isSignalToken, type SignalToken } from '@/lib/contracts/signal-tokens';
import { readBlame, readOwnership } from './accountability';
import { normaliseSpeech } from './escalation-phrases';
import { countQuestions } from './questions';
import { findSpecifics, type SpecificKind } from './specifics';

/**
 * Keyword evidence for success criteria, in the user's own words: the debrief rubric and
 * the local engine's persona read a turn the same way. A signal group ("a|b|@date") is
 * satisfied by a sentence containing any alternative; `match: all` needs every group
 * satisfied within one utterance. A group about ownership ("we own|I own") is also met by
 * any way of taking ownership ("I will own the recovery plan personally"), and never by an
 * utterance that puts the blame elsewhere.
 */

export type CriterionSignals = { signals: readonly string[]; match: 'any' | 'all' };

const TOKEN_KIND: Record<Exclude<SignalToken, '@question'>, SpecificKind> = {
  '@date': 'date',
  '@owner': 'owner',
  '@number': 'number',
  '@checkpoint': 'checkpoint',
};

function splitSentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

function alternatives(group: string): string[] {
  return group.split('|').map((alt) => alt.trim()).filter(Boolean);
}

function alternativeMatches(alt: string, sentence: string): boolean {
  if (isSignalToken(alt)) {
    if (alt === '@question') return countQuestions(sentence) > 0;
    const kind = TOKEN_KIND[alt];
    return findSpecifics(sentence).some((m) => m.kind === kind);
  }
  const needle = normaliseSpeech(alt);
  return needle.length > 0 && ` ${normaliseSpeech(sentence)} `.includes(` ${needle} `);
}

/** A group that asks for ownership: one of its keyword alternatives itself reads as taking ownership. */
export function isOwnershipGroup(group: string): boolean {
  return alternatives(group).some((alt) => !isSignalToken(alt) && readOwnership(alt) !== null);
}

/** Does the sentence satisfy the group? `blames`: the utterance around it puts the blame elsewhere. */
export function groupMatches(group: string, sentence: string, blames = readBlame(sentence) !== null): boolean {
  if (isOwnershipGroup(group)) {
    if (blames) return false;
    if (readOwnership(sentence) !== null) return true;
  }
  return alternatives(group).some((alt) => alternativeMatches(alt, sentence));
}

const MAX_QUOTE = 240;

function quoteOf(sentences: string[], matched: number[]): string {
  const first = Math.min(...matched);
  const last = Math.max(...matched);
  const span = sentences.slice(first, last + 1).join(' ');
  if (span.length <= MAX_QUOTE) return span;
  const head = sentences[first] ?? span;
  return head.length <= MAX_QUOTE ? head : `${head.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
}

/** The criterion's evidence in one utterance, quoted, or null. */
export function criterionEvidenceIn(criterion: CriterionSignals, utterance: string): string | null {
  const sentences = splitSentences(utterance);
  if (sentences.length === 0) return null;
  const blames = readBlame(utterance) !== null;
  const hits = criterion.signals.map((group) => sentences.flatMap((s, i) => (groupMatches(group, s, blames) ? [i] : [])));
  const satisfied = criterion.match === 'all' ? hits.every((h) => h.length > 0) : hits.some((h) => h.length > 0);
  return satisfied ? quoteOf(sentences, hits.flat()) : null;
}

/** The first utterance that satisfies the criterion, quoted, or null. */
export function findCriterionEvidence(criterion: CriterionSignals, userUtterances: readonly string[]): string | null {
  for (const utterance of userUtterances) {
    const evidence = criterionEvidenceIn(criterion, utterance);
    if (evidence !== null) return evidence;
  }
  return null;
}
