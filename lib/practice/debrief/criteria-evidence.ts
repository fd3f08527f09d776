import { normaliseSpeech } from '@/lib/shared/escalation-phrases';
import { isSignalToken, type SignalToken, type SuccessCriterion } from '@/lib/contracts/scenario';
import { countQuestions } from './metrics';
import { findSpecifics, type SpecificKind } from '@/lib/shared/specifics';

/**
 * Keyword evidence for success criteria, in the user's own words. A signal group
 * ("a|b|@date") is satisfied by a sentence containing any alternative; `match: all`
 * needs every group satisfied within one utterance.
 */

const TOKEN_KIND: Record<Exclude<SignalToken, '@question'>, SpecificKind> = {
  '@date': 'date',
  '@owner': 'owner',
  '@number': 'number',
  '@checkpoint': 'checkpoint',
};

export function splitSentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
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

export function groupMatches(group: string, sentence: string): boolean {
  return group.split('|').some((alt) => alternativeMatches(alt.trim(), sentence));
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

/** The first utterance that satisfies the criterion, quoted, or null. */
export function findCriterionEvidence(criterion: SuccessCriterion, userUtterances: readonly string[]): string | null {
  for (const utterance of userUtterances) {
    const sentences = splitSentences(utterance);
    if (sentences.length === 0) continue;
    const hits = criterion.signals.map((group) => sentences.flatMap((s, i) => (groupMatches(group, s) ? [i] : [])));
    const satisfied = criterion.match === 'all' ? hits.every((h) => h.length > 0) : hits.some((h) => h.length > 0);
    if (satisfied) return quoteOf(sentences, hits.flat());
  }
  return null;
}
