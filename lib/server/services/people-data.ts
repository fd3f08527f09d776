import 'server-only';
import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import type { Actor } from '@/lib/server/auth/policy';
import * as accounts from '@/lib/server/db/account-queries';
import { listCustomScenarios, listPracticeSessionRows } from '@/lib/server/db/queries';
import { getLiveSessionById, listLiveSessions } from '@/lib/server/db/live-session-queries';
import { getPracticeSessionDetail } from './practice-history';
import { getSessionReview } from './coach-review';

/**
 * People's data is theirs: everything an account holds as one JSON document, and deleting
 * the account with all of it (the database cascades from users to sessions, transcripts,
 * meetings, scenarios, settings and reviews).
 */

const PAGE = 200;

async function allSessionIds(userId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await listPracticeSessionRows({ limit: PAGE, offset, ownerIds: [userId] });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < PAGE) return ids;
  }
}

async function allMeetingIds(userId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows = await listLiveSessions({ userId, limit: PAGE, offset });
    ids.push(...rows.map((r) => r.id));
    if (rows.length < PAGE) return ids;
  }
}

export async function exportAccountData(actor: Actor, now = new Date()): Promise<{ fileName: string; json: string }> {
  const user = await accounts.getUserById({ id: actor.id });
  const practiceSessions = [];
  for (const id of await allSessionIds(actor.id)) {
    const session = await getPracticeSessionDetail({ id });
    if (session) practiceSessions.push({ ...session, review: await getSessionReview(id) });
  }
  const meetings = [];
  for (const id of await allMeetingIds(actor.id)) {
    const meeting = await getLiveSessionById({ id });
    if (meeting) meetings.push(meeting);
  }
  const scenarios = (await listCustomScenarios({ userId: actor.id })).map((r) => r.scenario);
  const settings = (await accounts.getUserSettings({ userId: actor.id }))?.settings ?? null;
  const document = {
    format: 'cue-account-export',
    version: 1,
    exportedAt: now.toISOString(),
    account: user ? { id: user.id, name: user.name, email: user.email, role: user.role, createdAt: user.createdAt } : null,
    settings,
    customScenarios: scenarios,
    practiceSessions,
    liveMeetings: meetings,
  };
  return { fileName: `cue-export-${now.toISOString().slice(0, 10)}.json`, json: JSON.stringify(document, null, 2) };
}

export async function deleteAccountAndData(actor: Actor): Promise<ActionResult<{ deleted: true }, 'conflict'>> {
  if (actor.role === 'admin' && (await accounts.countAdminsOtherThan({ id: actor.id })) === 0 && (await accounts.countUsers()) > 1) {
    return fail('conflict', 'You are the only admin. Make another account admin in /admin first, then delete yours.');
  }
  await accounts.deleteUserById({ id: actor.id });
  // The last account gone: the next visitor sets Cue up again.
  if ((await accounts.countUsers()) === 0) await accounts.releaseOwnerClaim();
  return ok({ deleted: true as const });
}
