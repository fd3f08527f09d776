import { describe, expect, it } from 'vitest';
import { personaBriefSchema, readEscalationMetadata, type PersonaBriefInput } from './persona-brief';
import { escalationMetadata } from '@/lib/contracts/escalation-metadata';

const valid: PersonaBriefInput = {
  name: 'Helen Brandt',
  role: 'COO',
  openingLine: 'Explain.',
  objections: [{ type: 'Governance', text: 'Who owns it?', asks: ['owner'] }],
  tagRange: { min: 2, max: 4 },
  startingSentiment: 'skeptical',
  escalateEvery: 3,
  interruptAfterSentences: 3,
  needs: ['owner', 'date'],
  creditsPartialAnswers: false,
  escalation: { line: 'Stop.', triggerPhrases: ['not our fault'] },
};

describe('personaBriefSchema', () => {
  it('accepts a brief and fills the defaults', () => {
    const brief = personaBriefSchema.parse(valid);
    expect(brief.escalation.quotes).toEqual([]);
    expect(brief.criteria).toEqual([]);
  });

  it('rejects what the persona could not play', () => {
    const bad = (patch: Record<string, unknown>) => personaBriefSchema.safeParse({ ...valid, ...patch }).success;
    expect(bad({ tagRange: { min: 4, max: 2 } })).toBe(false);
    expect(bad({ objections: [] })).toBe(false);
    expect(bad({ objections: [{ type: 'Money', text: 'Pay up.' }] })).toBe(false);
    expect(bad({ startingSentiment: 'angry' })).toBe(false);
    expect(bad({ needs: [] })).toBe(false);
    expect(bad({ needs: ['budget'] })).toBe(false);
  });
});

describe('escalation metadata', () => {
  it('round-trips level and phrase as strings (the Realtime API metadata rule)', () => {
    const m = escalationMetadata(2, 'not our fault');
    expect(m).toEqual({ cue_purpose: 'escalation', level: '2', phrase: 'not our fault' });
    expect(readEscalationMetadata(m)).toEqual({ level: 2, phrase: 'not our fault' });
    expect(readEscalationMetadata(escalationMetadata(1, null))).toEqual({ level: 1, phrase: null });
  });

  it('reads nothing from other or malformed metadata', () => {
    expect(readEscalationMetadata(null)).toBeNull();
    expect(readEscalationMetadata({ cue_purpose: 'hint' })).toBeNull();
    expect(readEscalationMetadata({ cue_purpose: 'escalation', level: 'two' })).toBeNull();
    expect(readEscalationMetadata({ cue_purpose: 'escalation', level: '0' })).toBeNull();
  });
});
