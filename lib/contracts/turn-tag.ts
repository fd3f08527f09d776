import { z } from 'zod';

/**
 * The turn-tag vocabulary: the five objection families the persona tags its turns with
 * (tag_turn) and its moods. Every list of them in the app (editor, database checks, the
 * engine's persona) is one of these.
 */
export const OBJECTION_TYPES = ['Results', 'Data', 'Governance', 'Payment', 'Plan'] as const;
export const objectionTypeSchema = z.enum(OBJECTION_TYPES);
export type ObjectionType = z.infer<typeof objectionTypeSchema>;

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
