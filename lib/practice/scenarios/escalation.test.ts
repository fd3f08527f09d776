import { describe, expect, it } from 'vitest';
import { checkEscalation, INITIAL_ESCALATION_STATE, type EscalationState } from './escalation';
import { findEscalationTrigger, normaliseSpeech } from '@/lib/shared/escalation-phrases';
import { defaultScenario } from '@/agents/scenarios';
import { buildEscalationResponseInstructions } from '@/agents/prompts/roleplay-client';

const coo = defaultScenario();
const triggers = coo.escalation.triggerPhrases;

describe('normaliseSpeech', () => {
  it('lowercases, expands contractions, straightens quotes and drops punctuation', () => {
    expect(normaliseSpeech('It’s NOT our fault!')).toBe('it is not our fault');
    expect(normaliseSpeech("We'll need more time, honestly.")).toBe('we will need more time honestly');
    expect(normaliseSpeech("It isn't our fault; we can't")).toBe('it is not our fault we can not');
    expect(normaliseSpeech('Café — résumé')).toBe('cafe resume');
  });
});

describe('findEscalationTrigger', () => {
  it('matches trigger phrases through contractions and punctuation', () => {
    expect(findEscalationTrigger('Honestly, it isn’t our fault.', triggers)?.phrase).toBe('not our fault');
    expect(findEscalationTrigger("We'll NEED more time.", triggers)?.phrase).toBe('need more time');
    expect(findEscalationTrigger("Well, it's complicated", triggers)?.phrase).toBe("it's complicated");
  });
  it('matches whole words only', () => {
    expect(findEscalationTrigger('Those are not our faults alone', triggers)).toBeNull();
    expect(findEscalationTrigger('We reunions planned', ['unions'])).toBeNull();
    expect(findEscalationTrigger('We own this gap. Owner is Sarah, date is Friday.', triggers)).toBeNull();
  });
  it('returns the trigger that occurs first', () => {
    expect(findEscalationTrigger('We need more time because of staff resistance', triggers)?.phrase).toBe('need more time');
  });
});

describe('checkEscalation', () => {
  const run = (difficulty: 'easy' | 'medium' | 'hard', utterances: Array<[string, number]>) => {
    let state: EscalationState = INITIAL_ESCALATION_STATE;
    const fired: Array<string | null> = [];
    for (const [text, clientTurns] of utterances) {
      const r = checkEscalation(state, { text, clientTurns }, coo, difficulty);
      state = r.state;
      fired.push(r.event ? `${r.event.level}:${r.event.phrase}` : r.skipped);
    }
    return { fired, state };
  };

  it('fires deterministically with the scenario response and prompt-builder instructions', () => {
    const r = checkEscalation(INITIAL_ESCALATION_STATE, { text: 'That is not our fault', clientTurns: 2 }, coo, 'medium');
    expect(r.event).toMatchObject({ phrase: 'not our fault', level: 1, response: coo.escalation.response });
    expect(r.event?.instructions).toBe(buildEscalationResponseInstructions(coo, 'medium', 'not our fault', 1));
    expect(r.state).toEqual({ level: 1, lastFiredAtTurn: 2, firedPhrases: ['not our fault'] });
    expect(INITIAL_ESCALATION_STATE.level).toBe(0);
  });

  it('applies cap and cooldown by difficulty', () => {
    const script: Array<[string, number]> = [
      ['not our fault', 1],
      ['we need more time', 2],
      ['staff resistance', 3],
      ['the unions again', 5],
      ['out of our control', 6],
      ['all good now', 7],
    ];
    expect(run('easy', script).fired).toEqual(['1:not our fault', 'cap_reached', 'cap_reached', 'cap_reached', 'cap_reached', 'no_trigger']);
    expect(run('medium', script).fired).toEqual(['1:not our fault', 'cooldown', '2:staff resistance', 'cap_reached', 'cap_reached', 'no_trigger']);
    expect(run('hard', script).fired).toEqual([
      '1:not our fault',
      '2:need more time',
      '3:staff resistance',
      '4:the unions',
      '5:out of our control',
      'no_trigger',
    ]);
  });
});
