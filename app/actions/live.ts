'use server';

import { fail, ok, runAction, type ActionResult } from '@/lib/contracts/action-result';
import { getLiveSessionInputSchema, listLiveSessionsInputSchema, saveLiveSessionInputSchema, type GetLiveSessionInput, type ListLiveSessionsInput, type LiveSessionDetail, type LiveSessionSummary, type SaveLiveSessionInput } from '@/lib/live/meeting/saved-meeting';
import { liveSessionSizeProblem } from '@/lib/live/meeting/past-meetings';
import * as queries from '@/lib/server/db/live-session-queries';
import { db } from '@/lib/server/db/connection';
import { settleRealtimeUsage } from '@/lib/server/limits/realtime-minutes';
import { requestClientIp } from '@/lib/server/model-access/client-key';

/**
 * Saved live meetings ("Past meetings" of the live assistant). Each action parses its input
 * with zod first and returns ActionResult. Error codes: invalid_input, too_large (more lines
 * or text than one save takes: the page offers the export instead), not_found, internal.
 * No accounts yet: every meeting is visible to whoever can reach the app.
 */

/** The sizes of an input not yet known to be valid, for the too_large check before the schema. */
function textsOf(input: unknown): { text: string }[] | null {
  const lines = (input as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return null;
  return lines.map((l) => ({ text: typeof (l as { text?: unknown } | null)?.text === 'string' ? (l as { text: string }).text : '' }));
}

/** Save a finished meeting. Saving the same id again (a continued meeting) replaces it. */
export async function saveLiveSession(input: SaveLiveSessionInput): Promise<ActionResult<{ id: string; created: boolean }, 'too_large' | 'invalid_input' | 'internal' | 'database_unavailable'>> {
  const texts = textsOf(input);
  const problem = texts ? liveSessionSizeProblem(texts) : null;
  if (problem) return fail('too_large', problem);
  return runAction(saveLiveSessionInputSchema, input, async (meeting) => {
    const saved = await queries.saveLiveSession(meeting);
    // The meeting is over: its realtime minutes count what it used (same subject as the mint).
    await settleRealtimeUsage(db(), { subject: `ip:${await requestClientIp()}`, agentId: 'hint-assistant' }, new Date(meeting.endedAt));
    return ok(saved);
  });
}

/** Saved meetings, newest first, without their lines. */
export async function listLiveSessions(input?: ListLiveSessionsInput): Promise<ActionResult<LiveSessionSummary[], 'invalid_input' | 'internal' | 'database_unavailable'>> {
  return runAction(listLiveSessionsInputSchema, input, async (page) => ok(await queries.listLiveSessions(page)));
}

export async function getLiveSession(input: GetLiveSessionInput): Promise<ActionResult<LiveSessionDetail, 'not_found' | 'invalid_input' | 'internal' | 'database_unavailable'>> {
  return runAction(getLiveSessionInputSchema, input, async ({ id }) => {
    const meeting = await queries.getLiveSessionById({ id });
    return meeting ? ok(meeting) : fail('not_found', 'This meeting is not in Past meetings (it may never have been saved).');
  });
}
