import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { AWAIT_ESCALATION_MS, EscalationDriver, isEscalationMetadata } from './escalation-driver';

const coo = defaultScenario();

function setup(difficulty: 'easy' | 'medium' | 'hard' = 'medium') {
  const calls: string[] = [];
  let now = 1000;
  const driver = new EscalationDriver(
    coo,
    difficulty,
    {
      interruptCurrent: () => calls.push('interrupt'),
      cancelResponse: (id) => calls.push(`cancel:${id ?? 'active'}`),
      dropAudio: (id) => calls.push(`drop:${id}`),
      requestResponse: (r) => calls.push(`request:${JSON.stringify(r.metadata)}:${String(r.instructions).includes('# Right now')}`),
    },
    () => now,
  );
  return { driver, calls, tick: (ms: number) => (now += ms) };
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
