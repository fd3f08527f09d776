import { difficultyProfile } from '@/lib/contracts/difficulty';
import { personaBriefSchema, type CommitmentPart, type PersonaBrief } from '@/lib/contracts/persona-brief';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';

/**
 * The persona as data for the local engine: the same scenario and difficulty the prompt
 * builder (roleplay-client.ts) puts into words, as a PersonaBrief. Pure: same input, same brief.
 */

const ASKS: ReadonlyArray<[CommitmentPart, RegExp]> = [
  ['owner', /\bone name\b|\bwho\b[^.?!]*\b(?:owns?|owner|leads?|accountable|responsible|watches|signs?)\b/i],
  ['date', /\bby when\b|\bwhen will\b|\bwhat date\b|\bgive me (?:a )?dates?\b|\bdeadline\b/i],
  ['checkpoint', /\bcheckpoints?\b|\bhow (?:will|do|would) I know\b|\bwhether (?:this|it) is working\b/i],
  ['number', /\bin numbers\b|\bwhat number\b|\ba number\b|\bhow (?:much|many)\b/i],
];

/** What an objection asks the consultant for ("Who on your side owns this? One name." -> owner). */
export function asksOf(objection: string): CommitmentPart[] {
  return ASKS.flatMap(([part, re]) => (re.test(objection) ? [part] : []));
}

const QUOTED = /(^|[\s(—–])(['"‘“])([^'"‘’“”\n]{1,80}?)['"’”](?=[\s.,;:!?)—–]|$)/g;

function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]*/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Phrases the escalation line quotes, each with the sentence that holds it. */
export function quotesIn(line: string): { phrase: string; sentence: string }[] {
  const all = sentences(line);
  const found: { phrase: string; sentence: string }[] = [];
  for (const m of line.matchAll(QUOTED)) {
    const phrase = m[3]?.trim();
    const at = (m.index ?? 0) + (m[1]?.length ?? 0);
    if (!phrase) continue;
    let offset = 0;
    const sentence = all.find((s) => {
      const start = line.indexOf(s, offset);
      offset = start + s.length;
      return start <= at && at < start + s.length;
    });
    if (sentence) found.push({ phrase, sentence });
  }
  return found;
}

export function buildPersonaBrief(scenario: Scenario, difficulty: Difficulty): PersonaBrief {
  const p = difficultyProfile(difficulty);
  return personaBriefSchema.parse({
    name: scenario.persona.name,
    role: scenario.persona.role,
    openingLine: scenario.openingLine,
    objections: scenario.objectionBank.map((o) => ({ type: o.type, text: o.text, asks: asksOf(o.text) })),
    tagRange: p.tagDifficulty,
    startingSentiment: p.startingSentiment,
    escalateEvery: p.escalateEveryTurns,
    interruptAfterSentences: p.interruptAfterSentences,
    needs: [...p.commitmentNeeds],
    creditsPartialAnswers: p.creditsPartialAnswers,
    escalation: {
      line: scenario.escalation.response,
      triggerPhrases: scenario.escalation.triggerPhrases,
      quotes: quotesIn(scenario.escalation.response),
    },
    criteria: scenario.successCriteria.map((c) => ({ text: c.text, signals: c.signals, match: c.match })),
  });
}
