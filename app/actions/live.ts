'use server';

import { fail, forbidden, ok, runGuardedAction, type ActionResult, type AuthErrorCode } from '@/lib/contracts/action-result';
import { owns, signedIn } from '@/lib/server/auth/guard';
import { getLiveSessionInputSchema, listLiveSessionsInputSchema, saveLiveSessionInputSchema, type GetLiveSessionInput, type ListLiveSessionsInput, type LiveSessionDetail, type LiveSessionSummary, type SaveLiveSessionInput } from '@/lib/live/meeting/saved-meeting';
import { liveSessionSizeProblem } from '@/lib/live/meeting/past-meetings';
import * as queries from '@/lib/server/db/live-session-queries';
import { db } from '@/lib/server/db/connection';
import { settleRealtimeUsage } from '@/lib/server/limits/realtime-minutes';

/**
 * Saved live meetings ("Past meetings" of the live assistant). Each action parses its input
 * with zod first and returns ActionResult. Error codes: invalid_input, too_large (more lines
 * or text than one save takes: the page offers the export instead), not_found, unauthenticated,
 * forbidden (another account's meeting), internal. Each account sees only its own meetings.
 */
const meeting = <D extends { id: string }>(access: 'read' | 'write') => owns<D>('live_session', (d) => d.id, access);

/** The sizes of an input not yet known to be valid, for the too_large check before the schema. */
function textsOf(input: unknown): { text: string }[] | null {
  const lines = (input as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return null;
  return lines.map((l) => ({ text: typeof (l as { text?: unknown } | null)?.text === 'string' ? (l as { text: string }).text : '' }));
}

/** Save a finished meeting. Saving the same id again (a continued meeting) replaces it. */
export async function saveLiveSession(input: SaveLiveSessionInput): Promise<ActionResult<{ id: string; created: boolean }, 'too_large' | 'invalid_input' | 'internal' | 'database_unavailable' | AuthErrorCode>> {
  const texts = textsOf(input);
  const problem = texts ? liveSessionSizeProblem(texts) : null;
  if (problem) return fail('too_large', problem);
  return runGuardedAction(meeting('write'), saveLiveSessionInputSchema, input, async (data, actor) => {
    const saved = await queries.saveLiveSession(data, { userId: actor.id });
    if (!saved) return forbidden('This meeting belongs to another account.');
    // The meeting is over: its realtime minutes count what it used (same subject as the mint).
    await settleRealtimeUsage(db(), { subject: `user:${actor.id}`, agentId: 'hint-assistant' }, new Date(data.endedAt));
    return ok(saved);
  });
}

/** Saved meetings, newest first, without their lines. */
export async function listLiveSessions(input?: ListLiveSessionsInput): Promise<ActionResult<LiveSessionSummary[], 'invalid_input' | 'internal' | 'database_unavailable' | AuthErrorCode>> {
  return runGuardedAction(signedIn(), listLiveSessionsInputSchema, input, async (page, actor) =>
    ok(await queries.listLiveSessions({ ...page, userId: actor.id })),
  );
}

export async function getLiveSession(input: GetLiveSessionInput): Promise<ActionResult<LiveSessionDetail, 'not_found' | 'invalid_input' | 'internal' | 'database_unavailable' | AuthErrorCode>> {
  return runGuardedAction(meeting('read'), getLiveSessionInputSchema, input, async ({ id }) => {
    const found = await queries.getLiveSessionById({ id });
    return found ? ok(found) : fail('not_found', 'This meeting is not in Past meetings (it may never have been saved).');
  });
}

export async function deleteLiveSession(input: GetLiveSessionInput): Promise<ActionResult<{ id: string }, 'not_found' | 'invalid_input' | 'internal' | 'database_unavailable' | AuthErrorCode>> {
  return runGuardedAction(meeting('write'), getLiveSessionInputSchema, input, async ({ id }, actor) =>
    (await queries.deleteLiveSessionById({ id, userId: actor.id })) ? ok({ id }) : fail('not_found', 'This meeting is not in Past meetings.'),
  );
}
