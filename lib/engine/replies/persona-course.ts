import type { CommitmentPart, PersonaBrief, PersonaObjection } from '@/lib/contracts/persona-brief';
import { SENTIMENTS, type ObjectionType, type TurnTag } from '@/lib/contracts/turn-tag';
import { criterionEvidenceIn } from '@/lib/shared/criterion-evidence';
import { acknowledge, givenParts, list, mergeGiven, nothingGiven, nounsFor, press, readTurn, type Given, type TurnReading } from './persona-reading';

/**
 * The persona's course through a call, replayed from the user's turns (deterministic: same
 * turns, same course). Each turn adds what the user gave to the commitment under discussion;
 * when the commitment has what the difficulty needs, the persona acknowledges it and moves
 * to the next objection, otherwise it presses on only what is missing (at most twice).
 */

const MAX_PRESSES = 2;

type Outcome = 'accepted' | 'credited' | 'pressed' | 'question' | 'moved_on';

type CourseStep = {
  reading: TurnReading;
  /** What the commitment under discussion has so far, this turn included. */
  pending: Given;
  missing: CommitmentPart[];
  outcome: Outcome;
  /** Every success criterion is now met, and this turn met the last of them. */
  allCriteriaMet: boolean;
  vague: boolean;
  mood: number;
};

type Course = { steps: CourseStep[]; everGiven: ReadonlySet<CommitmentPart> };

function replayCourse(brief: PersonaBrief, userTexts: readonly string[]): Course {
  let pending: Given = {};
  let presses = 0;
  let mood = SENTIMENTS.indexOf(brief.startingSentiment);
  const met = new Set<number>();
  const everGiven = new Set<CommitmentPart>();
  const steps: CourseStep[] = [];
  for (const text of userTexts) {
    const reading = readTurn(text);
    const gave = givenParts(reading.given);
    gave.forEach((p) => everGiven.add(p));
    const merged = mergeGiven(pending, reading.given);
    const missing = brief.needs.filter((p) => merged[p] === undefined);
    const newlyMet = brief.criteria.flatMap((c, i) => (!met.has(i) && criterionEvidenceIn(c, text) !== null ? [i] : []));
    newlyMet.forEach((i) => met.add(i));
    const vague = gave.length === 0 && !reading.ownership && !reading.question;
    let outcome: Outcome;
    if (missing.length === 0) outcome = 'accepted';
    else if (brief.creditsPartialAnswers && gave.length > 0) outcome = 'credited';
    else if (reading.question && gave.length === 0) outcome = 'question';
    else if (presses >= MAX_PRESSES) outcome = 'moved_on';
    else outcome = 'pressed';
    // A partial answer credited on easy stays on record for the next commitment.
    const movesOn = outcome === 'accepted' || outcome === 'moved_on';
    const progressed = brief.needs.some((p) => merged[p] !== undefined && pending[p] === undefined);
    pending = movesOn ? {} : merged;
    presses = movesOn || outcome === 'credited' ? 0 : outcome === 'pressed' && !progressed ? presses + 1 : presses;
    if ((outcome === 'accepted' || newlyMet.length > 0) && !reading.blame) mood -= 1;
    else if (vague || reading.blame) mood += 1;
    mood = Math.min(SENTIMENTS.length - 1, Math.max(0, mood));
    const allCriteriaMet = newlyMet.length > 0 && met.size === brief.criteria.length;
    steps.push({ reading, pending: merged, missing, outcome, allCriteriaMet, vague, mood });
  }
  return { steps, everGiven };
}

/** How many times the persona has said each objection of the bank (in its own earlier turns). */
function raisedCounts(brief: PersonaBrief, personaTexts: readonly string[]): number[] {
  return brief.objections.map((o) => personaTexts.filter((t) => t.includes(o.text)).length);
}

/**
 * The next objection: one not yet answered (its asks all given already: never ask for an owner
 * the user has named) and raised least, in bank order; not the one just raised when another exists.
 */
function chooseObjection(brief: PersonaBrief, raised: readonly number[], everGiven: ReadonlySet<CommitmentPart>, last: number | null): number {
  const answered = (o: PersonaObjection) => o.asks.length > 0 && o.asks.every((a) => everGiven.has(a));
  const order = brief.objections
    .map((o, i) => ({ i, key: [answered(o) ? 1 : 0, raised[i] ?? 0, i] }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!)
    .map((c) => c.i);
  return order.find((i) => i !== last) ?? order[0] ?? 0;
}

const PART_TYPE: Record<CommitmentPart, ObjectionType> = { owner: 'Governance', date: 'Plan', checkpoint: 'Plan', number: 'Results' };

export type TurnPlan = { text: string; tag: TurnTag };

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** The persona's answer to the last user turn, and its tag. */
export function planTurn(brief: PersonaBrief, userTexts: readonly string[], personaTexts: readonly string[]): TurnPlan {
  const { steps, everGiven } = replayCourse(brief, userTexts);
  const step = steps.at(-1);
  if (!step) throw new Error('planTurn needs at least one user turn');
  const { reading, outcome, missing } = step;
  const raised = raisedCounts(brief, personaTexts);
  const lastSaid = personaTexts.at(-1) ?? '';
  const lastIndex = brief.objections.findIndex((o) => lastSaid.includes(o.text));
  const current = lastIndex >= 0 ? lastIndex : null;
  const gave = givenParts(reading.given).length > 0;

  const parts: string[] = [];
  if (reading.sentences > brief.interruptAfterSentences && !gave) parts.push('Stop.');
  if (reading.blame) parts.push('That is an excuse, not a plan.');
  let next: number | null = null;
  switch (outcome) {
    case 'accepted':
      parts.push(acknowledge(step.pending, reading.ownership) ?? '');
      if (step.allCriteriaMet) parts.push('That is what I needed.');
      next = chooseObjection(brief, raised, everGiven, current);
      break;
    case 'credited':
      parts.push(acknowledge(reading.given, reading.ownership) ?? '', `${nounsFor(missing).replace(/^a/, 'A')} would settle it.`);
      next = chooseObjection(brief, raised, everGiven, current);
      break;
    case 'moved_on': {
      const still = missing.map((p) => (p === 'owner' && reading.ownership ? 'named owner' : p));
      parts.push(gave || reading.ownership ? (acknowledge(reading.given, reading.ownership) ?? '') : '', `Still no ${list(still.map((p, i) => (i === 0 ? p : `no ${p}`)))}.`);
      next = chooseObjection(brief, raised, everGiven, current);
      break;
    }
    case 'question':
      parts.push('Fair question.', `I need ${nounsFor(missing)} I can defend.`);
      break;
    case 'pressed': {
      const ack = gave || reading.ownership ? acknowledge(reading.given, reading.ownership) : null;
      parts.push(ack ?? (givenParts(step.pending).length === 0 ? nothingGiven(missing) : ''), press(missing));
      break;
    }
  }
  const objection = next === null ? null : brief.objections[next];
  if (objection) parts.push(objection.text);

  const afterRaised = next === null ? raised : raised.map((n, i) => (i === next ? n + 1 : n));
  const following = next === null ? null : brief.objections[chooseObjection(brief, afterRaised, everGiven, next)];
  const pressing = missing[0] ? PART_TYPE[missing[0]] : 'Plan';
  const currentType = current === null ? null : (brief.objections[current]?.type ?? null);
  const pressure = Math.floor(steps.length / brief.escalateEvery) + (step.vague || reading.blame ? 1 : 0);
  return {
    text: parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim(),
    tag: {
      objection_type: objection?.type ?? (outcome === 'question' ? (currentType ?? pressing) : pressing),
      difficulty: clamp(brief.tagRange.min + pressure, brief.tagRange.min, brief.tagRange.max),
      sentiment: SENTIMENTS[step.mood] ?? brief.startingSentiment,
      next_probe: following?.text ?? press(missing.length > 0 ? missing : brief.needs),
    },
  };
}
