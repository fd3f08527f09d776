import { z } from 'zod';
import { objectionTypeSchema } from '@/lib/contracts/scenario';

/**
 * The persona's per-turn analytics, exactly as the tag_turn tool's arguments.
 * Used as the realtime tool's parameters, by the action that stores a tag, and by the debrief.
 */
export const SENTIMENTS = ['neutral', 'skeptical', 'frustrated'] as const;
export const sentimentSchema = z.enum(SENTIMENTS);
export type Sentiment = z.infer<typeof sentimentSchema>;

export const tagTurnParametersSchema = z.object({
  objection_type: objectionTypeSchema.describe('The family of the objection you raised this turn'),
  difficulty: z.number().int().min(1).max(5).describe('How hard this turn was for the consultant, 1 (gentle) to 5 (brutal)'),
  sentiment: sentimentSchema.describe('Your mood now'),
  next_probe: z.string().describe('The question you plan to ask next'),
});
export type TurnTag = z.infer<typeof tagTurnParametersSchema>;

/** A stored tag: the tool call's id, the persona item it tagged (when known) and when it arrived. */
export type StoredTurnTag = TurnTag & { callId: string; itemId: string | null; createdAt: Date };
