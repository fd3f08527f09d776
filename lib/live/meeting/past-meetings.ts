import type { TranscriptEntry } from '@/lib/live/transcript/types';

/**
 * Past meetings: what the live page needs from first load (no schema here, so zod stays out of it);
 * the schemas that check a save are in saved-meeting.ts, on the server side of the action.
 */

/** How many saved meetings the live page lists under the console. */
export const PAST_MEETINGS_SHOWN = 5;

/** Bounds on what one save carries; a server action takes at most 2 MB (next.config.ts). */
export const LIVE_SESSION_LIMITS = {
  titleChars: 120,
  lines: 5_000,
  lineChars: 4_000,
  /** All line texts together: keeps a save well under the 2 MB body limit. */
  totalChars: 1_000_000,
} as const;

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
