import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { findCriterionEvidence } from '@/lib/shared/criterion-evidence';
import { computeDeliveryMetrics } from './metrics';
import { asInstruction, buildRubricDebrief, deliveryChecks, RUBRIC_NOTE } from './rubric';
import { debriefSchema } from '@/lib/contracts/debrief';
import { strongCall, strongTags, weakCall } from './test-calls';

const coo = defaultScenario();
const rubric = (transcript: typeof strongCall, tags = strongTags) =>
  buildRubricDebrief({ scenario: coo, difficulty: 'medium', transcript, tags, metrics: computeDeliveryMetrics(transcript) });

describe('buildRubricDebrief', () => {
  it('gives the debrief shape, labelled as the offline rubric', () => {
    const d = rubric(strongCall);
    expect(debriefSchema.parse(d)).toEqual(d);
    expect(d.source).toBe('rubric');
    expect(d.notes).toEqual([RUBRIC_NOTE]);
    expect(d.fallback).toBeNull();
  });

  it('finds quoted evidence for each criterion in a strong call', () => {
    const d = rubric(strongCall);
    expect(d.criteria).toEqual([
      { criterion: 'Owns the gap without blaming client staff', met: true, evidence: "We own this gap, it's on us." },
      {
        criterion: 'Presents a recovery plan with named owners and dates',
        met: true,
        evidence: 'Sarah Jones will own the North depot recovery and we reach 90% by 30 June.',
      },
      {
        criterion: 'Sets a measurable checkpoint before the milestone',
        met: true,
        evidence: 'A weekly review every Friday, first checkpoint on the 14th, to protect the milestone payment.',
      },
      {
        criterion: 'Addresses the payment milestone head-on',
        met: true,
        evidence: 'A weekly review every Friday, first checkpoint on the 14th, to protect the milestone payment.',
      },
      { criterion: "Asks a question to understand the COO's priorities", met: true, evidence: 'What would you need to see before the steering committee?' },
    ]);
    // criteria 5/5 (0.65) + delivery 4.5/6 (pace 174 half, talk 65.5 % zero) -> 1 + 9 * 0.9125 = 9.2
    expect(d.score).toBe(9);
    expect(d.summary).toBe(
      'On medium, you met 5 of 5 success criteria and offered 9 specifics. Helen Brandt ended the call neutral, pushing most on Results.',
    );
    expect(d.improvements).toEqual(['Adjust your pace: 174 words per minute (reference 140-160).', 'Balance the talking: you had 65.5% of it (reference 30-45%).']);
    expect(d.keyTakeaway).toBe('Keep leading with owners, dates and checkpoints: that is what moves Helen Brandt.');
  });

  it('scores a call of excuses at the floor and names the trigger phrase', () => {
    const d = rubric(weakCall, []);
    expect(d.criteria.every((c) => !c.met && c.evidence === '')).toBe(true);
    expect(d.score).toBe(1);
    expect(d.strengths).toEqual([]);
    expect(d.improvements[0]).toBe('You said "not our fault", which makes Helen Brandt escalate. Own the gap and move straight to the plan.');
    expect(d.keyTakeaway).toBe('Never explain the gap away ("not our fault"): own it, then give an owner, a date and a checkpoint.');
    expect(d.summary).toBe('On medium, you met 0 of 5 success criteria and offered 0 specifics. You used 2 escalation trigger phrases.');
  });

  it('words the takeaway as an instruction from the first unmet criterion', () => {
    expect(asInstruction('Addresses the payment milestone head-on')).toBe('address the payment milestone head-on');
    expect(asInstruction('Owns the gap without blaming client staff')).toBe('own the gap without blaming client staff');
    expect(asInstruction("Asks a question to understand the COO's priorities")).toBe("ask a question to understand the COO's priorities");
    expect(asInstruction('Identifies the root cause')).toBe('identify the root cause');
    expect(asInstruction('Pushes back on scope creep')).toBe('push back on scope creep');
    expect(asInstruction('Fixes the date')).toBe('fix the date');
    expect(asInstruction('Discuss the risks')).toBe('discuss the risks');
    const owned = strongCall.map((i) => (i.speaker === 'user' ? { ...i, text: 'I own this gap. Maria will fix it by 14 June.' } : i));
    expect(rubric(owned, []).keyTakeaway).toMatch(/^Next time, (set|address|ask) /);
  });

  it('scores a silent call 1 without inventing strengths', () => {
    const silent = strongCall.filter((i) => i.speaker === 'client');
    const d = rubric(silent, []);
    expect(d.score).toBe(1);
    expect(d.strengths).toEqual([]);
    expect(d.summary).toBe('No speech from you was recorded, so there is nothing to score against Helen Brandt.');
  });

  it('is deterministic', () => {
    expect(rubric(strongCall)).toEqual(rubric(strongCall));
  });
});

describe('criterion evidence', () => {
  const owns = coo.successCriteria[0]!; // "Owns the gap without blaming client staff": we own|I own|...
  const plan = coo.successCriteria[1]!; // @owner + @date, match all
  it('credits ownership said any way, the same reading the offline persona uses', () => {
    expect(findCriterionEvidence(owns, ['I will own the recovery plan personally'])).toBe('I will own the recovery plan personally');
    const said = strongCall.map((i) => (i.speaker === 'user' ? { ...i, text: 'I will own the recovery plan personally.' } : i));
    expect(rubric(said, []).criteria[0]).toEqual({ criterion: 'Owns the gap without blaming client staff', met: true, evidence: 'I will own the recovery plan personally.' });
  });
  it('does not credit ownership next to blame on client staff', () => {
    expect(findCriterionEvidence(owns, ['We own it, but the depot managers refused to follow the process.'])).toBeNull();
    expect(findCriterionEvidence(owns, ["It's not on us.", 'We own this gap.'])).toBe('We own this gap.');
  });
  it('needs every signal in one utterance when match is all', () => {
    expect(findCriterionEvidence(plan, ['Sarah will own it.', 'We finish by 30 June.'])).toBeNull();
    expect(findCriterionEvidence(plan, ['Sarah will own it. We finish by 30 June.'])).toBe('Sarah will own it. We finish by 30 June.');
  });
  it('quotes the first matching sentence span, trimmed to a readable length', () => {
    const long = `We own it. ${'Then a very long explanation follows here. '.repeat(8)}`;
    expect(findCriterionEvidence(coo.successCriteria[0]!, [long])).toBe('We own it.');
  });
});

describe('deliveryChecks', () => {
  it('scores each measured metric 0, 0.5 or 1', () => {
    expect(deliveryChecks(computeDeliveryMetrics(strongCall)).map((c) => c.score)).toEqual([1, 1, 0.5, 1, 1, 0]);
    expect(deliveryChecks(computeDeliveryMetrics(weakCall)).map((c) => c.score)).toEqual([0, 0, 0.5, 1, 0, 0]);
  });
});
