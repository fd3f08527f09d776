import { difficultyProfile } from '@/lib/contracts/difficulty';
import { buildEscalationResponseInstructions } from '@/agents/prompts/roleplay-client';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import { findEscalationTrigger } from '@/lib/shared/escalation-phrases';

/**
 * Deterministic escalation: the app runs this on every completed transcription of
 * the user's speech and, on a match, tells the persona to escalate. Pure functions.
 */

export type EscalationState = {
  /** Escalations fired so far this call. */
  level: number;
  /** Persona turn count when the last escalation fired (null = never). */
  lastFiredAtTurn: number | null;
  firedPhrases: string[];
};

export const INITIAL_ESCALATION_STATE: EscalationState = { level: 0, lastFiredAtTurn: null, firedPhrases: [] };

export type EscalationEvent = {
  phrase: string;
  level: number;
  /** What the persona must say. */
  response: string;
  /** Instructions for a response.create override, built by the prompt builder. */
  instructions: string;
};

export type EscalationCheck = {
  /** The user's completed utterance. */
  text: string;
  /** How many turns the persona has taken so far. */
  clientTurns: number;
};

export type EscalationSkip = 'no_trigger' | 'cap_reached' | 'cooldown';

/**
 * Decide whether this utterance escalates. Difficulty sets how many escalations a
 * call allows and how many persona turns must pass between two of them.
 */
export function checkEscalation(
  state: EscalationState,
  check: EscalationCheck,
  scenario: Scenario,
  difficulty: Difficulty,
): { state: EscalationState; event: EscalationEvent | null; skipped: EscalationSkip | null } {
  const match = findEscalationTrigger(check.text, scenario.escalation.triggerPhrases);
  if (!match) return { state, event: null, skipped: 'no_trigger' };
  const profile = difficultyProfile(difficulty);
  if (state.level >= profile.maxEscalations) return { state, event: null, skipped: 'cap_reached' };
  if (state.lastFiredAtTurn !== null && check.clientTurns - state.lastFiredAtTurn < profile.escalationCooldownTurns) {
    return { state, event: null, skipped: 'cooldown' };
  }
  const level = state.level + 1;
  return {
    state: { level, lastFiredAtTurn: check.clientTurns, firedPhrases: [...state.firedPhrases, match.phrase] },
    event: {
      phrase: match.phrase,
      level,
      response: scenario.escalation.response,
      instructions: buildEscalationResponseInstructions(scenario, difficulty, match.phrase, level),
    },
    skipped: null,
  };
}
