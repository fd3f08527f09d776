import { z } from 'zod';
import { plainText } from './safe-text';
import { voiceSchema } from '@/lib/contracts/agent-config';
import { fieldErrorsFromZod, type FieldError } from '@/lib/contracts/action-result';
import { objectionTypeSchema } from './turn-tag';
import { isSignalToken, SIGNAL_TOKENS } from './signal-tokens';

/**
 * One schema for a role-play scenario: the editor form, JSON import and the
 * server actions all validate with it. Types are inferred, never hand-written.
 */

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const difficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficultySchema>;


const text = (min: number, max: number) => plainText().trim().min(min).max(max);
const key = plainText().trim().min(1, 'name the metric').max(60);

export const scenarioIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{2,63}$/, 'use 3-64 lowercase letters, digits and dashes, starting with a letter');

const personaSchema = z.object({
  name: text(1, 80),
  role: text(3, 200),
  style: text(3, 400),
  voiceInstructions: text(3, 400),
  voice: voiceSchema,
});

const factsSchema = z
  .object({
    phase: text(2, 200),
    /** Metric name -> target value (units in `units`). */
    targets: z.record(key, z.number().finite()),
    /** Metric name -> where it stands today. Every metric here has a target. */
    current: z.record(key, z.number().finite()),
    /** Metric name -> unit shown after the number ("%", "days", "k EUR"). */
    units: z.record(key, plainText().trim().max(20)).default({}),
    /** Contract terms the executive can hold over the consultant, e.g. payment_milestone. */
    contract: z.record(key, text(1, 300)),
    /** Anything else the executive knows (names, history, politics). */
    other: z.array(text(3, 300)).max(12).default([]),
  })
  .superRefine((facts, ctx) => {
    for (const metric of Object.keys(facts.current)) {
      if (!(metric in facts.targets)) {
        ctx.addIssue({ code: 'custom', path: ['current', metric], message: `"${metric}" has no target` });
      }
    }
    for (const metric of Object.keys(facts.units)) {
      if (!(metric in facts.targets)) {
        ctx.addIssue({ code: 'custom', path: ['units', metric], message: `"${metric}" has no target` });
      }
    }
  });

const objectionSchema = z.object({
  type: objectionTypeSchema,
  text: text(5, 300),
});

const escalationSchema = z.object({
  /** Phrases in the consultant's speech that make the executive escalate ("not our fault"). */
  triggerPhrases: z.array(text(2, 80)).min(1).max(20),
  /** What the executive says when a trigger phrase is heard. */
  response: text(5, 400),
});

const successCriterionSchema = z.object({
  text: text(5, 200),
  /**
   * Evidence the offline rubric looks for in the consultant's own words. Each signal is a
   * keyword or phrase, a detector token (@date @owner @number @checkpoint @question), or
   * alternatives separated by "|" ("milestone|payment|@number").
   */
  signals: z
    .array(
      text(2, 120).refine(
        (s) => s.split('|').every((alt) => alt.trim().length > 0 && (!alt.trim().startsWith('@') || isSignalToken(alt.trim()))),
        { message: `use words, phrases or ${SIGNAL_TOKENS.join(' ')}, alternatives separated by |` },
      ),
    )
    .min(1)
    .max(20),
  /** any = one signal in one turn is enough; all = every signal must appear in the same turn. */
  match: z.enum(['any', 'all']).default('any'),
});

const difficultyNotesSchema = z.object({
  easy: plainText().trim().max(400).default(''),
  medium: plainText().trim().max(400).default(''),
  hard: plainText().trim().max(400).default(''),
});

export const scenarioSchema = z.object({
  id: scenarioIdSchema,
  title: text(3, 100),
  summary: text(10, 400),
  /** Who the user plays ("Engagement lead of the consultancy running the programme"). */
  userRole: text(3, 200),
  persona: personaSchema,
  facts: factsSchema,
  hotButtons: z.array(text(3, 200)).min(1).max(12),
  objectionBank: z.array(objectionSchema).min(3).max(30),
  escalation: escalationSchema,
  successCriteria: z.array(successCriterionSchema).min(1).max(8),
  defaultDifficulty: difficultySchema.default('medium'),
  /** Scenario-specific behaviour per level, on top of the built-in difficulty profile. */
  difficultyNotes: difficultyNotesSchema.default({ easy: '', medium: '', hard: '' }),
  openingLine: text(3, 400),
  timeLimitMinutes: z.number().int().min(2).max(60).default(10),
});

export type Scenario = z.infer<typeof scenarioSchema>;
/** What a form or a JSON file may hold before defaults are applied. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Facts = Scenario['facts'];

type ScenarioSource = 'builtin' | 'custom';
export type ScenarioEntry = { source: ScenarioSource; scenario: Scenario };

export type { FieldError };
/** Zod issues -> `{ path: 'persona.role', message }[]`, one per issue, in order. */
export const toFieldErrors = fieldErrorsFromZod;

export type ScenarioParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: FieldError[] };

export function parseScenario(input: unknown): ScenarioParseResult {
  const parsed = scenarioSchema.safeParse(input);
  return parsed.success ? { ok: true, scenario: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}

/** The largest scenario file (JSON text) an import accepts. */
export const MAX_SCENARIO_FILE_CHARS = 200_000;
