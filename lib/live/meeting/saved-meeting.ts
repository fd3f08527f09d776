import { z } from 'zod';
import { transcriptEntrySchema, type TranscriptEntry } from '@/lib/live/transcript/types';

/**
 * A finished live meeting as it is saved (app/actions/live.ts, table live_sessions) and read
 * back. One schema for the action's input and the page's client code. Times are epoch ms.
 */

/** Bounds on what one save carries; a server action takes at most 2 MB (next.config.ts). */
export const LIVE_SESSION_LIMITS = {
  titleChars: 120,
  lines: 5_000,
  lineChars: 4_000,
  /** All line texts together: keeps a save well under the 2 MB body limit. */
  totalChars: 1_000_000,
} as const;

/** How many saved meetings the live page lists under the console. */
export const PAST_MEETINGS_SHOWN = 5;

export const liveSessionIdSchema = z.uuid('not a valid meeting id');
const epochMs = z.number({ error: 'not a time' }).int('not a time').min(0, 'not a time');

export const liveSessionLineSchema = transcriptEntrySchema.extend({
  id: z.string().trim().min(1).max(200),
  text: z.string().max(LIVE_SESSION_LIMITS.lineChars, `A line can hold at most ${LIVE_SESSION_LIMITS.lineChars} characters`),
  at: epochMs,
});
export type LiveSessionLine = z.infer<typeof liveSessionLineSchema>;

export const saveLiveSessionInputSchema = z
  .object({
    /** Chosen by the page when the meeting starts: saving again (after continuing) updates it. */
    id: liveSessionIdSchema,
    title: z.string().trim().min(1, 'Give the meeting a title').max(LIVE_SESSION_LIMITS.titleChars),
    agentId: z.string().trim().min(1).max(64),
    backend: z.enum(['local', 'openai']),
    model: z.string().trim().min(1).max(64).nullable(),
    voice: z.string().trim().min(1).max(32).nullable(),
    startedAt: epochMs,
    endedAt: epochMs,
    lines: z
      .array(liveSessionLineSchema)
      .min(1, 'A meeting with nothing said is not saved')
      .max(LIVE_SESSION_LIMITS.lines, `A meeting can hold at most ${LIVE_SESSION_LIMITS.lines} lines`),
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

/**
 * Why a meeting cannot be saved as it is: too many lines or too much text in all. Checked
 * before the schema, so the page can say so in words (and offer the export instead).
 */
export function liveSessionSizeProblem(lines: readonly Pick<TranscriptEntry, 'text'>[]): string | null {
  const { lines: maxLines, totalChars } = LIVE_SESSION_LIMITS;
  if (lines.length > maxLines) {
    return `This meeting is too long to save: ${lines.length.toLocaleString('en-GB')} lines (at most ${maxLines.toLocaleString('en-GB')}). Export it as Markdown or JSON instead.`;
  }
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  if (chars > totalChars) {
    return `This meeting is too long to save: ${chars.toLocaleString('en-GB')} characters of text (at most ${totalChars.toLocaleString('en-GB')}). Export it as Markdown or JSON instead.`;
  }
  return null;
}

/** A title from the first words said, or a plain one. */
export function meetingTitle(lines: readonly Pick<TranscriptEntry, 'role' | 'text'>[]): string {
  const first = lines.find((l) => l.role === 'user' && l.text.trim())?.text.trim().replace(/\s+/g, ' ');
  if (!first) return 'Live meeting';
  const max = 60;
  return first.length <= max ? first : `${first.slice(0, max).replace(/\s+\S*$/, '')}…`;
}
