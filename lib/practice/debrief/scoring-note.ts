import { difficultyProfile } from '@/lib/contracts/difficulty';
import type { Debrief } from '@/lib/contracts/debrief';
import type { Difficulty } from '@/lib/contracts/scenario';
import { CRITERIA_WEIGHT, DELIVERY_WEIGHT, MAX_ESCALATION_PENALTY } from './rubric';

/**
 * How the session's difficulty bears on its score, in words for the debrief: the offline
 * rubric uses one scale for every difficulty (difficulty changes the client instead); the
 * AI coach is told to calibrate to it. Built from the rubric's weights and the difficulty
 * profile, so the words follow the code. Pure.
 */

const pct = (x: number) => `${Math.round(x * 100)} %`;
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

export function difficultyScoringNote(source: Debrief['source'], difficulty: Difficulty, personaName: string): string[] {
  const p = difficultyProfile(difficulty);
  const cooldown = p.escalationCooldownTurns > 0 ? `, at least ${p.escalationCooldownTurns} client turns apart` : ', with no cooldown';
  const client =
    `On ${p.label}, ${personaName} starts ${p.startingSentiment}, interrupts after ${p.interruptAfterSentences} sentences without a specific, ` +
    `raises ${p.objectionsPerTurn === 1 ? 'one objection' : 'up to two objections'} a turn and escalates at most ${times(p.maxEscalations)} a call${cooldown}.`;
  if (source === 'model') {
    return [
      'The AI coach calibrates the score to the difficulty: on Hard, a calm, specific answer under pressure earns more credit; on Easy, it expects owners, dates and checkpoints without prompting.',
      client,
    ];
  }
  return [
    `The offline rubric scores Easy, Medium and Hard on the same scale: success criteria count ${pct(CRITERIA_WEIGHT)}, delivery checks ${pct(DELIVERY_WEIGHT)}, and each escalation phrase you said costs a point (at most ${MAX_ESCALATION_PENALTY}).`,
    `Difficulty changes the client, not the scale. ${client} So the same score on Hard was earned under more pressure.`,
    'An escalation phrase counts even when the client did not escalate (cooling down, or the call’s limit reached): the score follows what you said.',
  ];
}
