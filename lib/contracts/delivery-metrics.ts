import { z } from 'zod';
import type { Speaker } from './transcript';

/** Delivery metrics of a practice call, measured from the transcript by the app (never by a model). */
/** @public The schema the type is inferred from (kept for validating stored or imported data). */
export const deliveryMetricsSchema = z.object({
  userWords: z.number().int(),
  clientWords: z.number().int(),
  userTurns: z.number().int(),
  clientTurns: z.number().int(),
  /** User's share of the talking, percent; by speaking time when every item has times, else by words. */
  talkRatio: z.object({ percent: z.number(), basis: z.enum(['time', 'words']) }).nullable(),
  wordsPerMinute: z.number().nullable(),
  fillers: z.object({
    count: z.number().int(),
    per100Words: z.number().nullable(),
    perMinute: z.number().nullable(),
    top: z.array(z.object({ word: z.string(), count: z.number().int() })),
  }),
  longestMonologue: z.object({ words: z.number().int(), seconds: z.number().nullable() }),
  questionsAsked: z.number().int(),
  specifics: z.object({
    total: z.number().int(),
    dates: z.array(z.string()),
    owners: z.array(z.string()),
    numbers: z.array(z.string()),
    checkpoints: z.array(z.string()),
  }),
  /** First utterance start to last utterance end, seconds. */
  spanSeconds: z.number().nullable(),
});
export type DeliveryMetrics = z.infer<typeof deliveryMetricsSchema>;

/** What the metrics are computed from: a stored transcript item or a typed test call line. */
export type MetricsItem = { speaker: Speaker; text: string; startedAt: Date; endedAt: Date | null; seq?: number; itemId?: string };
