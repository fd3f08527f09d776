import { findEscalationTrigger } from '@/lib/shared/escalation-phrases';
import { findCriterionEvidence } from '@/lib/shared/criterion-evidence';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { CriterionVerdict, Debrief, DebriefInput } from '@/lib/contracts/debrief';

/**
 * The offline debrief: deterministic, no model. Criteria are judged by keyword
 * evidence in the user's own words; delivery by the measured metrics.
 */


export const RUBRIC_NOTE =
  'Scored offline by the rubric, not by an AI model: each criterion is checked for evidence in your own words, delivery by the measured metrics.';

export const CRITERIA_WEIGHT = 0.65;
export const DELIVERY_WEIGHT = 0.35;
/** Each escalation trigger phrase said costs a point, up to this many. */
export const MAX_ESCALATION_PENALTY = 2;

type Check = { score: number; strength?: string; improvement?: string };

/** Each delivery check scores 0, 0.5 or 1; unmeasurable ones are left out. */
export function deliveryChecks(m: DeliveryMetrics): Check[] {
  const checks: Check[] = [];
  const s = m.specifics;
  const detail = `${s.dates.length} date(s), ${s.owners.length} owner(s), ${s.numbers.length} number(s), ${s.checkpoints.length} checkpoint(s)`;
  if (s.total >= 3) checks.push({ score: 1, strength: `You offered ${s.total} specifics: ${detail}.` });
  else checks.push({ score: s.total > 0 ? 0.5 : 0, improvement: `Offer more specifics: only ${s.total} (${detail}). Give an owner, a date and a checkpoint for every commitment.` });

  if (m.fillers.per100Words !== null) {
    const f = m.fillers.per100Words;
    if (f <= 2) checks.push({ score: 1, strength: `Clean delivery: ${f} filler words per 100 words.` });
    else checks.push({ score: f <= 4 ? 0.5 : 0, improvement: `Cut filler words: ${f} per 100 words (reference: 2 or fewer). Pause instead.` });
  }
  if (m.wordsPerMinute !== null) {
    const w = m.wordsPerMinute;
    if (w >= 140 && w <= 160) checks.push({ score: 1 });
    else checks.push({ score: w >= 120 && w <= 180 ? 0.5 : 0, improvement: `Adjust your pace: ${w} words per minute (reference 140-160).` });
  }
  const longest = m.longestMonologue;
  if (longest.words > 0) {
    const secs = longest.seconds === null ? '' : ` (${longest.seconds} s)`;
    if (longest.words <= 80) checks.push({ score: 1 });
    else checks.push({ score: longest.words <= 150 ? 0.5 : 0, improvement: `Shorten your answers: your longest stretch ran ${longest.words} words${secs}. Answer, then hand the turn back.` });
  }
  if (m.questionsAsked >= 1) checks.push({ score: 1, strength: m.questionsAsked >= 2 ? `You asked ${m.questionsAsked} questions instead of only defending.` : undefined });
  else checks.push({ score: 0, improvement: 'Ask at least one question to find out what the executive needs.' });
  if (m.talkRatio) {
    const t = m.talkRatio.percent;
    if (t >= 30 && t <= 45) checks.push({ score: 1 });
    else checks.push({ score: t >= 25 && t <= 60 ? 0.5 : 0, improvement: `Balance the talking: you had ${t}% of it (reference 30-45%).` });
  }
  return checks;
}

/**
 * A criterion ("Addresses the payment milestone head-on") as an instruction
 * ("address the payment milestone head-on"): the leading third-person verb loses its -s.
 */
export function asInstruction(criterion: string): string {
  const [first = '', ...rest] = criterion.trim().split(/\s+/);
  const lower = first.toLowerCase();
  let verb = lower;
  if (/(ss|sh|ch|x|z)es$/.test(lower)) verb = lower.slice(0, -2);
  else if (/[^aeiou]ies$/.test(lower)) verb = `${lower.slice(0, -3)}y`;
  else if (/[^s]s$/.test(lower)) verb = lower.slice(0, -1);
  return [verb, ...rest].join(' ');
}

function mostCommon<T extends string>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, c] of counts) if (best === null || c > (counts.get(best) ?? 0)) best = v;
  return best;
}

export function buildRubricDebrief(input: DebriefInput): Debrief {
  const { scenario, difficulty, metrics, tags } = input;
  const userUtterances = input.transcript.filter((i) => i.speaker === 'user' && i.text.trim()).map((i) => i.text.trim());
  const name = scenario.persona.name;

  const criteria: CriterionVerdict[] = scenario.successCriteria.map((c) => {
    const evidence = findCriterionEvidence(c, userUtterances);
    return { criterion: c.text, met: evidence !== null, evidence: evidence ?? '' };
  });
  const met = criteria.filter((c) => c.met).length;

  if (metrics.userWords === 0) {
    return {
      score: 1,
      summary: `No speech from you was recorded, so there is nothing to score against ${name}.`,
      strengths: [],
      improvements: ['Speak to the client: the debrief needs your answers to assess anything.'],
      keyTakeaway: 'Start the call and answer the opening question.',
      criteria,
      source: 'rubric',
      notes: [RUBRIC_NOTE],
      fallback: null,
    };
  }

  const checks = deliveryChecks(metrics);
  const deliveryShare = checks.reduce((n, c) => n + c.score, 0) / checks.length;
  const triggers = userUtterances
    .map((u) => findEscalationTrigger(u, scenario.escalation.triggerPhrases)?.phrase)
    .filter((p): p is string => Boolean(p));
  const penalty = Math.min(MAX_ESCALATION_PENALTY, triggers.length);
  const raw = 1 + 9 * (CRITERIA_WEIGHT * (met / criteria.length) + DELIVERY_WEIGHT * deliveryShare) - penalty;
  const score = Math.min(10, Math.max(1, Math.round(raw)));

  const strengths = [
    ...criteria.filter((c) => c.met).map((c) => `${c.criterion}: "${c.evidence}"`),
    ...checks.flatMap((c) => (c.strength ? [c.strength] : [])),
  ].slice(0, 4);
  const escalationAdvice = triggers.length
    ? [`You said "${triggers[0]}", which makes ${name} escalate. Own the gap and move straight to the plan.`]
    : [];
  const improvements = [
    ...escalationAdvice,
    ...criteria.filter((c) => !c.met).map((c) => `Not yet shown: ${c.criterion.charAt(0).toLowerCase()}${c.criterion.slice(1)}.`),
    ...checks.flatMap((c) => (c.improvement ? [c.improvement] : [])),
  ].slice(0, 4);

  const firstGap = criteria.find((c) => !c.met);
  const keyTakeaway = triggers.length
    ? `Never explain the gap away ("${triggers[0]}"): own it, then give an owner, a date and a checkpoint.`
    : firstGap
      ? `Next time, ${asInstruction(firstGap.criterion)}.`
      : `Keep leading with owners, dates and checkpoints: that is what moves ${name}.`;

  const lastTag = tags[tags.length - 1];
  const topObjection = mostCommon(tags.map((t) => t.objection_type));
  const clientLine = lastTag ? ` ${name} ended the call ${lastTag.sentiment}, pushing most on ${topObjection ?? lastTag.objection_type}.` : '';
  const summary =
    `On ${difficulty}, you met ${met} of ${criteria.length} success criteria and offered ${metrics.specifics.total} specifics.` +
    clientLine +
    (triggers.length ? ` You used ${triggers.length} escalation trigger phrase${triggers.length > 1 ? 's' : ''}.` : '');

  return { score, summary, strengths, improvements, keyTakeaway, criteria, source: 'rubric', notes: [RUBRIC_NOTE], fallback: null };
}
