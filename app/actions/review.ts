'use server';
import { runGuardedAction, type ActionResult } from '@/lib/contracts/action-result';
import { getSessionInputSchema, type GetSessionInput } from '@/lib/contracts/practice-actions';
import {
  addCoachCommentInputSchema,
  coachCommentRefInputSchema,
  setCoachScoreInputSchema,
  type AddCoachCommentInput,
  type CoachCommentRefInput,
  type SessionReview,
  type SessionReviewView,
  type SetCoachScoreInput,
} from '@/lib/contracts/coach-review';
import { owns } from '@/lib/server/auth/guard';
import * as review from '@/lib/server/services/coach-review';

/**
 * Coach review of a practice session. The member who practised and their coach read it; only a
 * coach of the member's team writes it (forbidden for anyone else, the member included).
 */

const session = <D extends { sessionId: string }>(access: 'read' | 'review') => owns<D>('practice_session', (d) => d.sessionId, access);

export async function getSessionReview(input: GetSessionInput): Promise<ActionResult<SessionReviewView>> {
  return runGuardedAction(session('read'), getSessionInputSchema, input, (data, actor) => review.getSessionReviewView(actor, data.sessionId));
}

export async function setCoachScore(input: SetCoachScoreInput): Promise<ActionResult<SessionReview>> {
  return runGuardedAction(session('review'), setCoachScoreInputSchema, input, (data, actor) => review.setScore(actor, data));
}

export async function addCoachComment(input: AddCoachCommentInput): Promise<ActionResult<SessionReview>> {
  return runGuardedAction(session('review'), addCoachCommentInputSchema, input, (data, actor) => review.addComment(actor, data));
}

export async function deleteCoachComment(input: CoachCommentRefInput): Promise<ActionResult<SessionReview>> {
  return runGuardedAction(session('review'), coachCommentRefInputSchema, input, (data, actor) => review.deleteComment(actor, data));
}
