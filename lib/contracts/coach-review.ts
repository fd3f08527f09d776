import { z } from 'zod';
import { sessionIdSchema } from './practice-actions';

/** A coach's review of a practice session: a score that overrides the AI or rubric score, and comments pinned to utterances. */

export const setCoachScoreInputSchema = z.object({
  sessionId: sessionIdSchema,
  /** 1 to 10; null takes the coach score away (the AI or rubric score counts again). */
  score: z.number().int().min(1, 'a score from 1 to 10').max(10, 'a score from 1 to 10').nullable(),
});

export const addCoachCommentInputSchema = z.object({
  sessionId: sessionIdSchema,
  itemId: z.string().trim().min(1, 'pick the moment the comment is about').max(200),
  body: z.string().trim().min(1, 'write the comment').max(2_000, 'at most 2,000 characters'),
});

export const coachCommentRefInputSchema = z.object({ sessionId: sessionIdSchema, commentId: z.uuid() });

export type SetCoachScoreInput = z.input<typeof setCoachScoreInputSchema>;
export type AddCoachCommentInput = z.input<typeof addCoachCommentInputSchema>;
export type CoachCommentRefInput = z.input<typeof coachCommentRefInputSchema>;

export type CoachComment = { id: string; itemId: string; body: string; coachId: string; coachName: string; createdAt: Date };
export type SessionReview = {
  coachScore: { score: number; coachName: string; updatedAt: Date } | null;
  comments: CoachComment[];
};
/** The review, and what the viewer may do with it. */
export type SessionReviewView = SessionReview & { canReview: boolean; isOwner: boolean; ownerName: string | null };
