import { DEFAULT_REALTIME_MODEL } from '@/lib/contracts/models';

/**
 * The hint assistant's words and voice, as plain data and pure builders: nothing here
 * needs the agent-config schema, so the live page can use it from first load (the
 * validated agent config, agents/hint-assistant.ts, loads with the realtime SDK).
 */

export const HINT_ASSISTANT_ID = 'hint-assistant';
/** The assistant's voice and model; also the live settings' defaults. */
export const HINT_ASSISTANT_VOICE = 'marin';
export const HINT_ASSISTANT_MODEL = DEFAULT_REALTIME_MODEL;

export type HintInstructionInput = { kind: 'quick' | 'full'; maxSeconds: number };

/** Standing instructions: the hint assistant listens and says nothing unless asked. */
export function buildHintAssistantInstructions(): string {
  return [
    'You are Cue, a silent coach listening to a live meeting through the user\'s microphone.',
    'Never speak unless you receive an explicit hint request. Do not greet, do not acknowledge, do not summarise on your own.',
    'When a hint is requested, speak only to the user, in their earpiece: short, concrete, in plain words they can repeat.',
    'Prefer one direct answer, then one follow-up question the user can ask. No preamble, no "great question".',
  ].join('\n');
}

/** Per-request instructions for an out-of-band hint, bounded by speaking time (~150 words per minute). */
export function buildHintRequestInstructions({ kind, maxSeconds }: HintInstructionInput): string {
  const words = Math.max(8, Math.round((maxSeconds * 150) / 60));
  const shape =
    kind === 'quick'
      ? 'Give one quick hint: the single most useful thing to say next.'
      : 'Give full guidance: the answer, the reasoning in one or two points, and a follow-up question to ask.';
  return `${shape} The conversation so far is in the input. Speak for at most ${maxSeconds} seconds (about ${words} words). Stop when done.`;
}
