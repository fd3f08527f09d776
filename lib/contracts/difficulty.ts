import type { Difficulty } from './scenario';

/**
 * What each difficulty level changes in the persona's behaviour and in how the
 * app drives it. A level is a bundle of behaviours, not a label.
 */
export type DifficultyProfile = {
  level: Difficulty;
  label: string;
  /** How the executive treats partial answers, in words for the prompt. */
  patience: string;
  /** Raise the pressure (harder objection, sharper tone) every N of the persona's turns. */
  escalateEveryTurns: number;
  /** Objections the persona may stack in one turn. */
  objectionsPerTurn: 1 | 2;
  /** Interrupt the consultant after this many sentences without a specific. */
  interruptAfterSentences: number;
  /** Server VAD silence before the persona takes the turn: lower = jumps in sooner. */
  silenceDurationMs: number;
  startingSentiment: 'neutral' | 'skeptical' | 'frustrated';
  /** tag_turn difficulty range the persona should stay within. */
  tagDifficulty: { min: number; max: number };
  /** How many times per call the app fires the scenario's escalation line. */
  maxEscalations: number;
  /** Persona turns that must pass before another trigger phrase fires again. */
  escalationCooldownTurns: number;
  /** What a commitment needs before the persona accepts it (the `patience` line, as data for the local engine). */
  commitmentNeeds: readonly ('owner' | 'date' | 'checkpoint')[];
  /** Credit a partial answer and say what would satisfy, instead of pressing on it. */
  creditsPartialAnswers: boolean;
};

export const DIFFICULTY_PROFILES: Readonly<Record<Difficulty, DifficultyProfile>> = {
  easy: {
    level: 'easy',
    label: 'Easy',
    patience: 'Patient. Give credit for partial answers and say what would satisfy you. Let the consultant finish their point.',
    escalateEveryTurns: 4,
    objectionsPerTurn: 1,
    interruptAfterSentences: 5,
    silenceDurationMs: 900,
    startingSentiment: 'neutral',
    tagDifficulty: { min: 1, max: 3 },
    maxEscalations: 1,
    escalationCooldownTurns: 3,
    commitmentNeeds: ['owner', 'date'],
    creditsPartialAnswers: true,
  },
  medium: {
    level: 'medium',
    label: 'Medium',
    patience: 'Skeptical. Accept an answer only when it has an owner and a date; push once more on anything vague.',
    escalateEveryTurns: 3,
    objectionsPerTurn: 1,
    interruptAfterSentences: 3,
    silenceDurationMs: 650,
    startingSentiment: 'skeptical',
    tagDifficulty: { min: 2, max: 4 },
    maxEscalations: 2,
    escalationCooldownTurns: 2,
    commitmentNeeds: ['owner', 'date'],
    creditsPartialAnswers: false,
  },
  hard: {
    level: 'hard',
    label: 'Hard',
    patience:
      'Impatient. Accept nothing without an owner, a date and a checkpoint. Treat every vague answer as evasion and say so.',
    escalateEveryTurns: 2,
    objectionsPerTurn: 2,
    interruptAfterSentences: 2,
    silenceDurationMs: 450,
    startingSentiment: 'skeptical',
    tagDifficulty: { min: 3, max: 5 },
    maxEscalations: 5,
    escalationCooldownTurns: 0,
    commitmentNeeds: ['owner', 'date', 'checkpoint'],
    creditsPartialAnswers: false,
  },
};

export function difficultyProfile(level: Difficulty): DifficultyProfile {
  return DIFFICULTY_PROFILES[level];
}
