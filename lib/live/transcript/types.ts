import { z } from 'zod';
import { HINT_KINDS } from '@/lib/live/settings/schema';

/**
 * One line of a live-session transcript, independent of the SDK's item
 * shapes: the live page maps its store to these for export.
 * - 'user': what was heard in the meeting (microphone, and tab audio if enabled)
 * - 'assistant': anything else the assistant said outside a hint
 * - 'hint': a hint the assistant spoke, with what triggered it
 */
export const transcriptEntrySchema = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant', 'hint']),
  text: z.string(),
  /** Epoch milliseconds. */
  at: z.number(),
  hint: z
    .object({
      kind: z.enum(HINT_KINDS),
      /** The trigger phrase, or 'button' / 'shortcut'. */
      trigger: z.string(),
      interrupted: z.boolean(),
      /** How the hint ended (saved meetings); absent in older exports. */
      status: z.enum(['done', 'interrupted', 'failed']).optional(),
    })
    .optional(),
  /** How a meeting line came in: heard or typed (saved meetings). */
  source: z.enum(['voice', 'text']).optional(),
});
export type TranscriptEntry = z.infer<typeof transcriptEntrySchema>;

/** @public The schema the type is inferred from (kept for validating stored or imported data). */
export const transcriptMetaSchema = z.object({
  title: z.string().default('Live session'),
  /** Epoch milliseconds of the session start; entry times are shown relative to it. */
  startedAt: z.number(),
  endedAt: z.number().optional(),
  model: z.string().optional(),
  voice: z.string().optional(),
});
export type TranscriptMeta = z.input<typeof transcriptMetaSchema>;
