import { z } from 'zod';
import { ESCALATION_METADATA, type EscalationRequest } from './escalation-metadata';
import { objectionTypeSchema, sentimentSchema } from './turn-tag';

/**
 * What the local engine's role-play persona plays from: structured data built from a
 * scenario and a difficulty (agents/prompts/roleplay-brief.ts), carried to the engine in
 * its signed token. The engine never reads the prompt text. The OpenAI path ignores it.
 */

/** The parts of a commitment the persona listens for, in the debrief's own words (lib/shared/specifics). */
const COMMITMENT_PARTS = ['owner', 'date', 'checkpoint', 'number'] as const;
const commitmentPartSchema = z.enum(COMMITMENT_PARTS);
export type CommitmentPart = z.infer<typeof commitmentPartSchema>;

const line = (max: number) => z.string().trim().min(1).max(max);
const tagLevel = z.number().int().min(1).max(5);

const personaObjectionSchema = z.object({
  type: objectionTypeSchema,
  text: line(300),
  /** What the objection asks for; the persona skips it once the user has given all of that. */
  asks: z.array(commitmentPartSchema).max(COMMITMENT_PARTS.length).default([]),
});
export type PersonaObjection = z.infer<typeof personaObjectionSchema>;

const personaQuoteSchema = z.object({
  /** A phrase the line quotes ("one-off"). */
  phrase: line(80),
  /** The sentence of the line that holds the quote ("I've heard 'one-off' before."). */
  sentence: line(400),
});

const personaEscalationSchema = z.object({
  /** What the persona says when the app escalates. */
  line: line(400),
  triggerPhrases: z.array(line(80)).max(20),
  /**
   * Quotes in the line. The persona says a quoted phrase only if the user said it; otherwise it
   * quotes the user's own trigger words instead, or drops that sentence.
   */
  quotes: z.array(personaQuoteSchema).max(5).default([]),
});
export type PersonaEscalation = z.infer<typeof personaEscalationSchema>;

const personaCriterionSchema = z.object({
  text: line(200),
  /** Keyword | phrase | detector-token groups, as in the scenario (read by lib/shared/criterion-evidence). */
  signals: z.array(line(120)).min(1).max(20),
  match: z.enum(['any', 'all']).default('any'),
});

export const personaBriefSchema = z.object({
  name: line(80),
  role: line(200),
  openingLine: line(400),
  objections: z.array(personaObjectionSchema).min(1).max(30),
  tagRange: z.object({ min: tagLevel, max: tagLevel }).refine((r) => r.min <= r.max, { message: 'min must not exceed max' }),
  startingSentiment: sentimentSchema,
  /** Raise the pressure every N of the persona's turns. */
  escalateEvery: z.number().int().min(1).max(20),
  /** Cut in ("Stop.") after this many sentences without a specific. */
  interruptAfterSentences: z.number().int().min(1).max(20),
  /** What a commitment needs before the persona accepts it and moves to the next objection. */
  needs: z.array(commitmentPartSchema).min(1).max(COMMITMENT_PARTS.length),
  /** Credit a partial answer, say what would satisfy, and move on (instead of pressing). */
  creditsPartialAnswers: z.boolean(),
  escalation: personaEscalationSchema,
  criteria: z.array(personaCriterionSchema).max(8).default([]),
});
export type PersonaBrief = z.infer<typeof personaBriefSchema>;
export type PersonaBriefInput = z.input<typeof personaBriefSchema>;

const escalationMetadataSchema = z.object({
  [ESCALATION_METADATA.key]: z.literal(ESCALATION_METADATA.value),
  level: z.string().regex(/^[1-9]\d{0,2}$/, 'level is a positive whole number'),
  /** The trigger phrase the app heard in the user's words. */
  phrase: z.string().trim().min(1).max(80).optional(),
});

/** The escalation a response's metadata asks for, or null when it asks for none (or is malformed). */
export function readEscalationMetadata(metadata: unknown): EscalationRequest | null {
  const parsed = escalationMetadataSchema.safeParse(metadata);
  return parsed.success ? { level: Number(parsed.data.level), phrase: parsed.data.phrase ?? null } : null;
}
