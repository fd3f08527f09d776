import 'server-only';
import { fail, ok, type ActionResult } from '@/lib/contracts/action-result';
import type { SessionReview, SessionReviewView } from '@/lib/contracts/coach-review';
import { coaches, type Actor } from '@/lib/server/auth/policy';
import { getUserById } from '@/lib/server/db/account-queries';
import { getOwnership } from '@/lib/server/db/ownership-queries';
import { listTranscriptItemsBySessionId } from '@/lib/server/db/queries';
import * as q from '@/lib/server/db/review-queries';

/** A coach's review of a team member's session. The guard has checked that the caller may read (or review) it. */

export async function getSessionReview(sessionId: string): Promise<SessionReview> {
  const [coachScore, comments] = await Promise.all([q.getCoachScore({ sessionId }), q.listCoachComments({ sessionId })]);
  return { coachScore, comments };
}

export async function getSessionReviewView(actor: Actor, sessionId: string): Promise<ActionResult<SessionReviewView, 'not_found'>> {
  const owner = await getOwnership({ kind: 'practice_session', id: sessionId });
  if (!owner) return fail('not_found', `No practice session ${sessionId}.`);
  const ownerUser = owner.userId ? await getUserById({ id: owner.userId }) : null;
  return ok({ ...(await getSessionReview(sessionId)), canReview: coaches(actor, owner), isOwner: owner.userId === actor.id, ownerName: ownerUser?.name ?? null });
}

export async function setScore(actor: Actor, { sessionId, score }: { sessionId: string; score: number | null }): Promise<ActionResult<SessionReview, 'not_found'>> {
  if (score === null) await q.clearCoachScore({ sessionId });
  else await q.setCoachScore({ sessionId, coachId: actor.id, score });
  return ok(await getSessionReview(sessionId));
}

export async function addComment(actor: Actor, input: { sessionId: string; itemId: string; body: string }): Promise<ActionResult<SessionReview, 'not_found' | 'invalid_input'>> {
  const items = await listTranscriptItemsBySessionId({ sessionId: input.sessionId });
  if (!items.some((i) => i.itemId === input.itemId)) {
    return fail('invalid_input', 'That moment is not in this transcript.', [{ path: 'itemId', message: 'not an utterance of this session' }]);
  }
  await q.addCoachComment({ ...input, coachId: actor.id });
  return ok(await getSessionReview(input.sessionId));
}

export async function deleteComment(actor: Actor, { sessionId, commentId }: { sessionId: string; commentId: string }): Promise<ActionResult<SessionReview, 'not_found'>> {
  if (!(await q.deleteCoachComment({ id: commentId, sessionId, coachId: actor.id }))) return fail('not_found', 'No comment of yours with this id on this session.');
  return ok(await getSessionReview(sessionId));
}
