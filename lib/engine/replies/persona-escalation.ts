import type { PersonaEscalation } from '@/lib/contracts/persona-brief';
import { findSaidPhrase, saidPhrase } from '@/lib/shared/escalation-phrases';

/**
 * The escalation line as the persona says it. A phrase the line quotes is said only if the
 * user said it; otherwise the user's own trigger words take its place, or the sentence that
 * quotes it is dropped. The persona never puts words in the user's mouth. Pure.
 */

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

function againLine(level: number): string | null {
  if (level < 2) return null;
  return level < ORDINALS.length ? `That's the ${ORDINALS[level]} time.` : `That's ${level} times now.`;
}

/** The user's own words for the trigger the app heard (or any trigger phrase), most recent turn first. */
function userTriggerWords(escalation: PersonaEscalation, userTexts: readonly string[], heard: string | null): string | null {
  for (const text of [...userTexts].reverse()) {
    const own = heard ? saidPhrase(text, heard) : null;
    if (own) return own;
    const any = findSaidPhrase(text, escalation.triggerPhrases);
    if (any) return any.said;
  }
  return null;
}

export function escalationLine(escalation: PersonaEscalation, userTexts: readonly string[], heard: string | null, level: number, fallback: string): string {
  let line = escalation.line;
  for (const quote of escalation.quotes) {
    if (!line.includes(quote.sentence)) continue;
    if (userTexts.some((t) => saidPhrase(t, quote.phrase) !== null)) continue;
    const own = userTriggerWords(escalation, userTexts, heard);
    const sentence = own && quote.sentence.includes(quote.phrase) ? quote.sentence.replace(quote.phrase, own) : '';
    line = line.replace(quote.sentence, sentence);
  }
  const spoken = line.replace(/\s+/g, ' ').trim() || fallback;
  const again = againLine(level);
  return again ? `${spoken} ${again}` : spoken;
}
