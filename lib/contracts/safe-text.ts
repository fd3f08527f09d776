import { z } from 'zod';

/**
 * Text that may reach the database. PostgreSQL cannot store NUL in text or jsonb at all, and
 * other C0 control characters (and DEL) are never meant in names, ids or speech. Tab, line
 * feed and carriage return are kept.
 *
 * - plainText(): fields a person types into a form (scenario fields, titles, ids) refuse them
 *   with a field error, so nothing is silently changed in what they wrote.
 * - spokenText(): what was said or typed into a call (transcripts, hints) has them stripped:
 *   a pasted NUL must not cost the user their turn.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const CONTROL_CHARS_MESSAGE = 'must not contain control characters (such as NUL); retype or paste it as plain text';

function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}

/** A string refusing control characters; chain .trim().min().max() as usual. */
export const plainText = () => z.string().regex(NO_CONTROL_CHARS, CONTROL_CHARS_MESSAGE);

/** A string with control characters removed before the usual checks run. */
export const spokenText = <T extends z.ZodType<unknown, string>>(then: T) => z.string().transform(stripControlChars).pipe(then);

/** The earliest and latest moments a stored time may carry: not before 2000, not over a day ahead of the server clock. */
const EARLIEST_TIME = Date.UTC(2000, 0, 1);
const LATEST_AHEAD_MS = 86_400_000;
const DATE_MESSAGE = 'must be a time between 2000 and tomorrow';

function timeInBounds(ms: number, now = Date.now()): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_TIME && ms <= now + LATEST_AHEAD_MS;
}

/** A Date (or ISO string or epoch ms) within those bounds. */
export const boundedDate = () => z.coerce.date({ error: 'not a valid date' }).refine((d) => timeInBounds(d.getTime()), DATE_MESSAGE);

/** Epoch milliseconds within those bounds. */
export const boundedEpochMs = () => z.number({ error: 'not a time' }).int('not a time').refine((n) => timeInBounds(n), DATE_MESSAGE);

/** Every string inside a JSON-like value with control characters stripped (for jsonb, which refuses \u0000 anywhere). */
export function deepStripControlChars(value: unknown): unknown {
  if (typeof value === 'string') return stripControlChars(value);
  if (Array.isArray(value)) return value.map(deepStripControlChars);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepStripControlChars(v)]));
  }
  return value;
}
