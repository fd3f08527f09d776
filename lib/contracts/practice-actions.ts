import { z } from 'zod';
import { MAX_SCENARIO_FILE_CHARS } from '@/lib/contracts/scenario';
import { difficultySchema, scenarioIdSchema } from '@/lib/contracts/scenario';
import { boundedDate, plainText, spokenText } from './safe-text';
import { speakerSchema } from './transcript';
import { tagTurnParametersSchema } from './turn-tag';

/**
 * Inputs of the practice server actions (app/actions/practice.ts), shared with the
 * client code that calls them. Dates may be Date objects, ISO strings or epoch ms.
 */

export const sessionIdSchema = z.uuid('not a valid session id');
const when = boundedDate();

export const END_REASONS = ['user', 'time_limit', 'disconnected'] as const;

export const startPracticeSessionInputSchema = z.object({
  scenarioId: scenarioIdSchema,
  /** Defaults to the scenario's own default difficulty. */
  difficulty: difficultySchema.optional(),
});

export const appendTranscriptItemInputSchema = z
  .object({
    sessionId: sessionIdSchema,
    itemId: plainText().trim().min(1).max(200),
    seq: z.number().int().min(0).max(1_000_000),
    speaker: speakerSchema,
    // A pasted NUL or other control character is dropped, never the whole turn.
    text: spokenText(z.string().trim().min(1, 'empty utterances are not saved').max(20_000)),
    startedAt: when,
    endedAt: when.nullable().optional(),
  })
  .refine((v) => !v.endedAt || v.endedAt.getTime() >= v.startedAt.getTime(), {
    path: ['endedAt'],
    message: 'must not be before startedAt',
  });

export const recordTurnTagInputSchema = z.object({
  sessionId: sessionIdSchema,
  /** The tag_turn tool call id (idempotency key). */
  callId: plainText().trim().min(1).max(200),
  /** The persona's transcript item the tag belongs to, when known. */
  itemId: plainText().trim().min(1).max(200).nullable().optional(),
  tag: tagTurnParametersSchema.extend({ next_probe: spokenText(z.string().trim().max(500)) }),
});

export const endPracticeSessionInputSchema = z.object({
  sessionId: sessionIdSchema,
  reason: z.enum(END_REASONS).default('user'),
});

export const listHistoryInputSchema = z
  .object({
    scenarioId: scenarioIdSchema.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .default({ limit: 50, offset: 0 });

/** /history's URL: ?scenario= and ?page= (1-based). */
export const historyViewInputSchema = z.object({
  scenarioId: scenarioIdSchema.optional(),
  /** A coach's pick of one person whose sessions to show (?person=); others see only their own. */
  person: z.string().min(1).max(100).optional(),
  page: z.number().int().min(1).max(1_000_000).default(1),
});

export const getSessionInputSchema = z.object({ sessionId: sessionIdSchema });
export const getProgressInputSchema = z.object({ scenarioId: scenarioIdSchema });
export const scenarioRefInputSchema = z.object({ scenarioId: scenarioIdSchema });

/** The scenario itself is checked separately so its field errors read "persona.role", as in the editor form. */
export const saveCustomScenarioInputSchema = z.object({
  mode: z.enum(['create', 'update']),
  scenario: z.unknown(),
});

export const duplicateScenarioInputSchema = z.object({
  scenarioId: scenarioIdSchema,
  /** Id for the copy; a free "<id>-copy[-n]" is chosen when omitted. */
  newId: scenarioIdSchema.optional(),
  title: plainText().trim().min(3).max(100).optional(),
});

export const importScenarioInputSchema = z.object({
  json: z.string().min(1).max(MAX_SCENARIO_FILE_CHARS),
  /** What to do when the id is taken: refuse, save under a new id, or replace a custom scenario. */
  onConflict: z.enum(['fail', 'copy', 'replace']).default('fail'),
});

export type StartPracticeSessionInput = z.input<typeof startPracticeSessionInputSchema>;
export type AppendTranscriptItemInput = z.input<typeof appendTranscriptItemInputSchema>;
export type RecordTurnTagInput = z.input<typeof recordTurnTagInputSchema>;
export type EndPracticeSessionInput = z.input<typeof endPracticeSessionInputSchema>;
export type ListHistoryInput = z.input<typeof listHistoryInputSchema>;
export type GetSessionInput = z.input<typeof getSessionInputSchema>;
export type HistoryViewInput = z.input<typeof historyViewInputSchema>;
export type GetProgressInput = z.input<typeof getProgressInputSchema>;
export type ScenarioRefInput = z.input<typeof scenarioRefInputSchema>;
export type SaveCustomScenarioInput = z.input<typeof saveCustomScenarioInputSchema>;
export type DuplicateScenarioInput = z.input<typeof duplicateScenarioInputSchema>;
export type ImportScenarioInput = z.input<typeof importScenarioInputSchema>;
