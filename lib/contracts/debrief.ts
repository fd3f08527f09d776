import { z } from 'zod';
import type { DeliveryMetrics, MetricsItem } from './delivery-metrics';
import type { Difficulty, Scenario } from './scenario';
import type { StoredTurnTag, TurnTag } from './turn-tag';

/**
 * The coaching debrief. The model fills `debriefModelOutputSchema` (its structured
 * output); the app adds where it came from. The offline rubric fills the same shape.
 */

const criterionVerdictSchema = z.object({
  criterion: z.string().describe('The success criterion, copied exactly from the list given'),
  met: z.boolean().describe('true only if the consultant clearly did this'),
  evidence: z
    .string()
    .describe("A short verbatim quote of the consultant's words that shows it; empty string if not met and nothing close was said"),
});
export type CriterionVerdict = z.infer<typeof criterionVerdictSchema>;

export const debriefModelOutputSchema = z.object({
  score: z.number().int().min(1).max(10).describe('Overall performance, 1 (poor) to 10 (excellent)'),
  summary: z.string().describe('Two or three sentences on how the call went'),
  strengths: z.array(z.string()).describe('What the consultant did well, concrete, 1-4 items'),
  improvements: z.array(z.string()).describe('What to do differently next time, concrete, 1-4 items'),
  keyTakeaway: z.string().describe('The single most important lesson, one sentence'),
  criteria: z.array(criterionVerdictSchema).describe('One verdict per success criterion, in the order given'),
});
export type DebriefModelOutput = z.infer<typeof debriefModelOutputSchema>;

const DEBRIEF_SOURCES = ['model', 'rubric'] as const;

const DEBRIEF_ERROR_CODES = ['upstream_unauthorized', 'upstream_rate_limited', 'upstream_unavailable', 'timeout', 'upstream_invalid_output'] as const;
const debriefErrorCodeSchema = z.enum(DEBRIEF_ERROR_CODES);
export type DebriefErrorCode = z.infer<typeof debriefErrorCodeSchema>;

export const debriefSchema = debriefModelOutputSchema.extend({
  source: z.enum(DEBRIEF_SOURCES),
  /** Remarks for the reader, e.g. why the rubric was used instead of the model. */
  notes: z.array(z.string()).default([]),
  /** Set when the model path failed and the rubric stood in. */
  fallback: z.object({ code: debriefErrorCodeSchema, message: z.string() }).nullable().default(null),
});
export type Debrief = z.infer<typeof debriefSchema>;

/** What a debrief (model or rubric) is made from. */
export type DebriefInput = {
  scenario: Scenario;
  difficulty: Difficulty;
  transcript: readonly MetricsItem[];
  tags: readonly (TurnTag | StoredTurnTag)[];
  metrics: DeliveryMetrics;
};
