import { z } from 'zod';
import { LIVE_SESSION_LIMITS } from './past-meetings';
import { transcriptEntrySchema } from '@/lib/live/transcript/types';
import { boundedEpochMs, deepStripControlChars, plainText } from '@/lib/contracts/safe-text';

/**
 * A finished live meeting as it is saved (app/actions/live.ts, table live_sessions) and read
 * back. One schema for the action's input and the page's client code. Times are epoch ms.
 */

const liveSessionIdSchema = z.uuid('not a valid meeting id');
const epochMs = z.number({ error: 'not a time' }).int('not a time').min(0, 'not a time');

const liveSessionLineSchema = transcriptEntrySchema.extend({
  id: plainText().trim().min(1).max(200),
  text: z.string().max(LIVE_SESSION_LIMITS.lineChars, `A line can hold at most ${LIVE_SESSION_LIMITS.lineChars} characters`),
  at: epochMs,
});
export type LiveSessionLine = z.infer<typeof liveSessionLineSchema>;

export const saveLiveSessionInputSchema = z
  .object({
    /** Chosen by the page when the meeting starts: saving again (after continuing) updates it. */
    id: liveSessionIdSchema,
    title: plainText().trim().min(1, 'Give the meeting a title').max(LIVE_SESSION_LIMITS.titleChars),
    agentId: z.string().trim().min(1).max(64),
    backend: z.enum(['local', 'openai']),
    model: z.string().trim().min(1).max(64).nullable(),
    voice: z.string().trim().min(1).max(32).nullable(),
    startedAt: boundedEpochMs(),
    endedAt: boundedEpochMs(),
    // What was said keeps every word: control characters (a pasted NUL) are dropped, not the meeting.
    lines: z.preprocess(
      deepStripControlChars,
      z
        .array(liveSessionLineSchema)
        .min(1, 'A meeting with nothing said is not saved')
        .max(LIVE_SESSION_LIMITS.lines, `A meeting can hold at most ${LIVE_SESSION_LIMITS.lines} lines`),
    ),
  })
  .refine((v) => v.endedAt >= v.startedAt, { path: ['endedAt'], message: 'must not be before startedAt' })
  .refine((v) => v.lines.every((l) => (l.role === 'hint') === (l.hint !== undefined)), { path: ['lines'], message: 'hint lines, and only they, carry a hint' });
export type SaveLiveSessionInput = z.infer<typeof saveLiveSessionInputSchema>;

export const listLiveSessionsInputSchema = z
  .object({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) })
  .default({ limit: 50, offset: 0 });
export type ListLiveSessionsInput = z.input<typeof listLiveSessionsInputSchema>;

export const getLiveSessionInputSchema = z.object({ id: liveSessionIdSchema });
export type GetLiveSessionInput = z.infer<typeof getLiveSessionInputSchema>;

/** A saved meeting in a list. */
export type LiveSessionSummary = {
  id: string;
  title: string;
  agentId: string;
  backend: 'local' | 'openai';
  startedAt: Date;
  endedAt: Date;
  lineCount: number;
  hintCount: number;
};

export type LiveSessionDetail = LiveSessionSummary & { model: string | null; voice: string | null; lines: LiveSessionLine[] };


