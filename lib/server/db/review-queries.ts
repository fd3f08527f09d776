import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CoachComment } from '@/lib/contracts/coach-review';
import { db } from './connection';
import { coachComments, coachScores, practiceSessions, users } from './schema';

/**
 * Coach scores and pinned comments. Callers check that the caller coaches the session's owner.
 * A coach's score overrides the AI or rubric score everywhere: `practice_sessions.score` is the
 * session's effective score (the coach's when there is one, else its debrief's), so the history
 * list, progress and charts read it through their indexes; the debrief keeps its own score.
 */

export async function getCoachScore({ sessionId }: { sessionId: string }) {
  const [row] = await db()
    .select({ score: coachScores.score, coachName: users.name, updatedAt: coachScores.updatedAt })
    .from(coachScores)
    .innerJoin(users, eq(users.id, coachScores.coachId))
    .where(eq(coachScores.sessionId, sessionId));
  return row ?? null;
}

export async function setCoachScore({ sessionId, coachId, score }: { sessionId: string; coachId: string; score: number }) {
  const updatedAt = new Date();
  await db().transaction(async (tx) => {
    await tx
      .insert(coachScores)
      .values({ sessionId, coachId, score, updatedAt })
      .onConflictDoUpdate({ target: coachScores.sessionId, set: { coachId, score, updatedAt } });
    await tx.update(practiceSessions).set({ score }).where(eq(practiceSessions.id, sessionId));
  });
}

export async function clearCoachScore({ sessionId }: { sessionId: string }) {
  await db().transaction(async (tx) => {
    await tx.delete(coachScores).where(eq(coachScores.sessionId, sessionId));
    await tx
      .update(practiceSessions)
      .set({ score: sql`(${practiceSessions.debrief}->>'score')::int` })
      .where(eq(practiceSessions.id, sessionId));
  });
}

export async function listCoachComments({ sessionId }: { sessionId: string }): Promise<CoachComment[]> {
  return db()
    .select({ id: coachComments.id, itemId: coachComments.itemId, body: coachComments.body, coachId: coachComments.coachId, coachName: users.name, createdAt: coachComments.createdAt })
    .from(coachComments)
    .innerJoin(users, eq(users.id, coachComments.coachId))
    .where(eq(coachComments.sessionId, sessionId))
    .orderBy(asc(coachComments.createdAt), asc(coachComments.id));
}

export async function addCoachComment(values: { sessionId: string; coachId: string; itemId: string; body: string }) {
  const [row] = await db().insert(coachComments).values(values).returning({ id: coachComments.id });
  if (!row) throw new Error('insert into coach_comments returned no row');
  return row.id;
}

/** A coach deletes their own comment; false when there is none of theirs with this id. */
export async function deleteCoachComment({ id, sessionId, coachId }: { id: string; sessionId: string; coachId: string }): Promise<boolean> {
  const rows = await db()
    .delete(coachComments)
    .where(and(eq(coachComments.id, id), eq(coachComments.sessionId, sessionId), eq(coachComments.coachId, coachId)))
    .returning({ id: coachComments.id });
  return rows.length > 0;
}
