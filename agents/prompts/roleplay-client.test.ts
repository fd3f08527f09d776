import { describe, expect, it } from 'vitest';
import { DIFFICULTY_PROFILES } from '@/lib/contracts/difficulty';
import { defaultScenario, getBuiltinScenario } from '@/agents/scenarios';
import { buildClientInstructions, buildEscalationDirective, buildEscalationResponseInstructions, formatFacts } from './roleplay-client';

const coo = defaultScenario();

describe('buildClientInstructions', () => {
  const text = buildClientInstructions(coo, 'medium');

  it('is pure: same scenario and difficulty, same text', () => {
    expect(buildClientInstructions(coo, 'medium')).toBe(text);
  });

  it('states the persona, the user role and stays in character', () => {
    expect(text.startsWith('You are Helen Brandt, Chief Operating Officer of Metro Municipal Services')).toBe(true);
    expect(text).toContain('The person talking to you is the Engagement lead of the consultancy running the transformation programme.');
    expect(text).toContain('Never say you are an AI');
    expect(text).toContain('Direct, data-obsessed, low tolerance for excuses.');
    expect(text).toContain('Voice: Business formal, steady pace');
  });

  it('lists the facts with units, contract terms and other facts', () => {
    expect(formatFacts(coo.facts)).toEqual([
      '- Phase: Month 5 of a 9-month operational transformation: rolling the new service process out to all depots',
      '- SIC compliance: target 95%, current 78%',
      '- Depots live on the new process: target 12 depots, current 7 depots',
      '- Contract, payment milestone: Milestone 3, EUR 1.2M, is released only when SIC compliance reaches 90% by 30 June',
      '- Contract, governance: Quarterly steering committee in three weeks; the COO chairs it',
      '- North and Riverside depots account for most of the gap (North is at 61%)',
      "- The consultancy's weekly status reports have shown green for six weeks",
      "- The council's audit committee has asked the COO for a written recovery plan",
    ]);
    expect(text).toContain('- SIC compliance: target 95%, current 78%');
  });

  it('includes hot buttons, the numbered objection bank with types, and the escalation rule', () => {
    expect(text).toContain('- Green status reports while the numbers are red');
    expect(text).toContain('1. [Results] Seventy-eight percent. You promised ninety-five.');
    expect(text).toContain('5. [Governance] Who on your side owns this? One name.');
    expect(text).toContain(
      'If the consultant uses phrases like "staff resistance", "not our fault", "need more time", "the unions", "out of our control", "it\'s complicated", escalate by saying: "Stop. I didn\'t hire you',
    );
  });

  it('carries the behaviour rules', () => {
    expect(text).toContain('Speak in short sentences of 10 to 20 words.');
    expect(text).toContain('Interrupt rambling.');
    expect(text).toContain('who owns it (one name), by when (a date), and how you will know (a named checkpoint)');
    expect(text).toContain('Escalate every 3 turns');
    expect(text).toContain('call the tag_turn tool once: objection_type (Results, Data, Governance, Payment or Plan)');
    expect(text).toContain('difficulty from 2 to 4');
    expect(text.endsWith(`Open the call by saying: "${coo.openingLine}"`)).toBe(true);
  });

  it('changes behaviour with difficulty, not just the label', () => {
    const easy = buildClientInstructions(coo, 'easy');
    const hard = buildClientInstructions(coo, 'hard');
    expect(easy).toContain('# Difficulty: Easy');
    expect(easy).toContain('Raise the pressure every 4 of your turns');
    expect(easy).toContain('Raise one objection per turn.');
    expect(easy).toContain('more than 5 sentences');
    expect(easy).toContain('difficulty from 1 to 3');
    expect(easy).toContain('Start neutral.');
    expect(easy).toContain('For this scenario: Accept a credible plan even if one owner is missing.');
    expect(hard).toContain('Raise the pressure every 2 of your turns');
    expect(hard).toContain('You may stack two objections in one turn');
    expect(hard).toContain('more than 2 sentences');
    expect(hard).toContain('difficulty from 3 to 5');
    expect(hard).toContain('Accept nothing without an owner, a date and a checkpoint.');
    expect(hard).toContain('For this scenario: Mention early that the audit committee');
    expect(text).not.toContain('For this scenario:');
    expect(DIFFICULTY_PROFILES.hard.silenceDurationMs).toBeLessThan(DIFFICULTY_PROFILES.medium.silenceDurationMs);
    expect(DIFFICULTY_PROFILES.medium.silenceDurationMs).toBeLessThan(DIFFICULTY_PROFILES.easy.silenceDurationMs);
  });

  it('builds from any scenario in the library', () => {
    const cio = getBuiltinScenario('cio-outage-review')!;
    const t = buildClientInstructions(cio, 'hard');
    expect(t).toContain('You are Priya Raman');
    expect(t).toContain('- Recovery time: target 2 hours, current 9 hours');
  });
});

describe('escalation instructions', () => {
  it('name the phrase, the line to say and sharpen from the second escalation', () => {
    expect(buildEscalationDirective(coo, 'medium', 'not our fault', 1)).toBe(
      [
        'The consultant just said "not our fault". Escalate now, in character, as Helen Brandt.',
        `Say, in your own voice: "${coo.escalation.response}"`,
        'Then stop and wait. Your sentiment is now frustrated; tag this turn with difficulty 4.',
      ].join('\n'),
    );
    expect(buildEscalationDirective(coo, 'hard', 'need more time', 2)).toContain('This is escalation 2: name a consequence');
  });
  it('keep the whole persona, because a response override replaces the session instructions', () => {
    const full = buildEscalationResponseInstructions(coo, 'hard', 'not our fault', 1);
    expect(full).toBe(`${buildClientInstructions(coo, 'hard')}\n\n# Right now\n${buildEscalationDirective(coo, 'hard', 'not our fault', 1)}`);
  });
});
