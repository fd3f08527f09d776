import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { AWAIT_ESCALATION_MS, EscalationDriver, isEscalationMetadata, type HeldEscalation } from './escalation-driver';

const coo = defaultScenario();

function setup(difficulty: 'easy' | 'medium' | 'hard' = 'medium') {
  const calls: string[] = [];
  const held: HeldEscalation[] = [];
  let now = 1000;
  const driver = new EscalationDriver(
    coo,
    difficulty,
    {
      interruptCurrent: () => calls.push('interrupt'),
      cancelResponse: (id) => calls.push(`cancel:${id ?? 'active'}`),
      dropAudio: (id) => calls.push(`drop:${id}`),
      requestResponse: (r) => calls.push(`request:${JSON.stringify(r.metadata)}:${String(r.instructions).includes('# Right now')}`),
      held: (h) => held.push(h),
    },
    () => now,
  );
  return { driver, calls, held, tick: (ms: number) => (now += ms) };
}

describe('EscalationDriver', () => {
  it('does nothing without a trigger phrase', () => {
    const { driver, calls } = setup();
    expect(driver.userTurn('We own the gap', 1, { typed: false })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('spoken, reply not seen yet: cancels what the server started, asks for the escalation, and hides a reply that starts before it', () => {
    const { driver, calls } = setup();
    const fired = driver.userTurn("Honestly, it's not our fault.", 1, { typed: false });
    expect(fired).toMatchObject({ phrase: 'not our fault', level: 1, response: coo.escalation.response, typed: false, at: 1000 });
    // The escalation as data (level, the phrase heard) for the local engine, in words for a model.
    expect(calls).toEqual(['cancel:active', 'request:{"cue_purpose":"escalation","level":"1","phrase":"not our fault"}:true']);
    driver.responseCreated('resp_auto', null);
    expect(driver.isSuperseded('resp_auto')).toBe(true);
    expect(calls.slice(2)).toEqual(['drop:resp_auto', 'cancel:resp_auto']);
    driver.responseDone('resp_auto');
    driver.responseCreated('resp_esc', { cue_purpose: 'escalation', level: '1' });
    expect(driver.isSuperseded('resp_esc')).toBe(false);
    driver.responseDone('resp_esc');
    driver.responseCreated('resp_next', null);
    expect(driver.isSuperseded('resp_next')).toBe(false);
  });

  it('spoken, reply already under way: interrupts it and queues the escalation', () => {
    const { driver, calls } = setup();
    driver.responseCreated('resp_auto', null);
    driver.userTurn('We need more time', 2, { typed: false });
    expect(calls).toEqual(['interrupt', 'request:{"cue_purpose":"escalation","level":"1","phrase":"need more time"}:true']);
    expect(driver.isSuperseded('resp_auto')).toBe(true);
  });

  it('typed: sends the words first, no cancelling', () => {
    const { driver, calls } = setup();
    driver.userTurn('the unions blocked it', 1, { typed: true, beforeRequest: () => calls.push('send words') });
    expect(calls).toEqual(['send words', 'request:{"cue_purpose":"escalation","level":"1","phrase":"the unions"}:true']);
    driver.responseCreated('resp_other', null);
    expect(driver.isSuperseded('resp_other')).toBe(false);
  });

  it('stops hiding other replies once waiting for the escalation has gone on too long', () => {
    const { driver, tick } = setup();
    driver.userTurn('not our fault', 1, { typed: false });
    tick(AWAIT_ESCALATION_MS + 1);
    driver.responseCreated('late', null);
    expect(driver.isSuperseded('late')).toBe(false);
  });

  it('respects the difficulty’s cap and cooldown (medium: 2 per call, 2 persona turns apart)', () => {
    const { driver } = setup('medium');
    expect(driver.userTurn('not our fault', 1, { typed: true })?.level).toBe(1);
    expect(driver.userTurn('not our fault', 2, { typed: true })).toBeNull();
    expect(driver.userTurn('need more time', 3, { typed: true })?.level).toBe(2);
    expect(driver.userTurn('need more time', 9, { typed: true })).toBeNull();
    expect(driver.state.firedPhrases).toEqual(['not our fault', 'need more time']);
  });

  it('notes a trigger phrase that is held back, with the client turns left in the cooldown, or the cap', () => {
    const { driver, held, calls } = setup('medium');
    driver.userTurn('not our fault', 1, { typed: true });
    calls.length = 0;
    expect(driver.userTurn('Well, it is out of our control', 2, { typed: false })).toBeNull();
    expect(held).toEqual([{ phrase: 'out of our control', reason: 'cooldown', turnsLeft: 1, maxEscalations: 2, at: 1000, typed: false }]);
    // Held back means nothing is cancelled or requested: the client answers normally.
    expect(calls).toEqual([]);
    driver.userTurn('need more time', 3, { typed: true });
    driver.userTurn('We need more time', 7, { typed: true });
    expect(held.at(-1)).toMatchObject({ phrase: 'need more time', reason: 'cap_reached', turnsLeft: null, maxEscalations: 2 });
    // No trigger, no note.
    driver.userTurn('Maria owns it', 8, { typed: true });
    expect(held).toHaveLength(2);
  });

  it('asks once more when the service refused the request because a reply was active', () => {
    const { driver, calls } = setup();
    driver.userTurn('not our fault', 1, { typed: true });
    driver.responseRefused();
    driver.responseRefused();
    expect(calls.filter((c) => c.startsWith('request:'))).toHaveLength(2);
  });

  it('recognises its own metadata only', () => {
    expect(isEscalationMetadata({ cue_purpose: 'escalation' })).toBe(true);
    expect(isEscalationMetadata({ cue_purpose: 'hint' })).toBe(false);
    expect(isEscalationMetadata(null)).toBe(false);
  });
});
