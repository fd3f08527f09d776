import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Debrief } from '@/lib/contracts/debrief';
import type { Speaker } from '@/lib/contracts/transcript';
import type { TurnTag } from '@/lib/contracts/turn-tag';
import type { CustomScenarioRecord, EndReason } from '@/lib/contracts/practice-session';
import { scenarioSchema, type Difficulty, type Scenario } from '@/lib/contracts/scenario';
import { db } from './connection';
import { customScenarios, practiceSessions, transcriptItems, turnTags, type PracticeSessionRow, type TranscriptItemRow, type TurnTagRow } from './schema';

export * from './history-queries';

/**
 * Every database read and write of the app. Callers validate input first (server actions, zod).
 * Rows in, rows out: what a row means (status, duration, progress) is lib/practice/history's business.
 */

/** The PostgreSQL error code behind a driver or Drizzle error, if any. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export async function createPracticeSession({
  scenario,
  difficulty,
  startedAt,
  userId,
}: {
  scenario: Scenario;
  difficulty: Difficulty;
  startedAt?: Date;
  userId?: string | null;
}): Promise<PracticeSessionRow> {
  const [row] = await db()
    .insert(practiceSessions)
    .values({ scenarioId: scenario.id, scenarioTitle: scenario.title, scenario, difficulty, userId: userId ?? null, ...(startedAt ? { startedAt } : {}) })
    .returning();
  if (!row) throw new Error('insert into practice_sessions returned no row');
  return row;
}

export type AppendTranscriptItemInput = { sessionId: string; itemId: string; seq: number; speaker: Speaker; text: string; startedAt: Date; endedAt?: Date | null };

/** Saves one completed utterance. Idempotent on (session, item id): a repeat updates text/seq/end in place. */
export async function appendTranscriptItem(input: AppendTranscriptItemInput): Promise<'created' | 'updated' | 'session_not_found'> {
  try {
    const [row] = await db()
      .insert(transcriptItems)
      .values({ ...input, endedAt: input.endedAt ?? null })
      .onConflictDoUpdate({
        target: [transcriptItems.sessionId, transcriptItems.itemId],
        set: {
          text: sql`excluded.text`,
          seq: sql`excluded.seq`,
          speaker: sql`excluded.speaker`,
          endedAt: sql`coalesce(excluded.ended_at, ${transcriptItems.endedAt})`,
        },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    return row?.inserted ? 'created' : 'updated';
  } catch (error) {
    if (pgErrorCode(error) === '23503') return 'session_not_found';
    throw error;
  }
}

/** Records one tag_turn call. Idempotent on (session, call id). */
export async function addTurnTag({ sessionId, callId, itemId, tag }: { sessionId: string; callId: string; itemId?: string | null; tag: TurnTag }) {
  try {
    const rows = await db()
      .insert(turnTags)
      .values({
        sessionId,
        callId,
        itemId: itemId ?? null,
        objectionType: tag.objection_type,
        difficulty: tag.difficulty,
        sentiment: tag.sentiment,
        nextProbe: tag.next_probe,
      })
      .onConflictDoNothing({ target: [turnTags.sessionId, turnTags.callId] })
      .returning({ callId: turnTags.callId });
    return rows.length ? 'created' : 'duplicate';
  } catch (error) {
    if (pgErrorCode(error) === '23503') return 'session_not_found';
    throw error;
  }
}

/** Marks a session ended. Only the first call wins; returns null when it was already ended or does not exist. */
export async function endPracticeSession({ sessionId, endedAt, endReason }: { sessionId: string; endedAt: Date; endReason: EndReason }) {
  const [row] = await db()
    .update(practiceSessions)
    .set({ endedAt, endReason })
    .where(and(eq(practiceSessions.id, sessionId), isNull(practiceSessions.endedAt)))
    .returning({ id: practiceSessions.id });
  return row ?? null;
}

export async function savePracticeDebrief({ sessionId, metrics, debrief }: { sessionId: string; metrics: DeliveryMetrics; debrief: Debrief }) {
  const [row] = await db()
    .update(practiceSessions)
    // A coach's score, when there is one, stays the session's score (review-queries.ts).
    .set({ metrics, debrief, score: sql`coalesce((select cs.score from coach_scores cs where cs.session_id = ${practiceSessions.id}), ${debrief.score})` })
    .where(eq(practiceSessions.id, sessionId))
    .returning({ id: practiceSessions.id });
  return row !== undefined;
}

/** Deletes a session with its transcript, tags and review (cascade). */
export async function deletePracticeSessionById({ id }: { id: string }): Promise<boolean> {
  const rows = await db().delete(practiceSessions).where(eq(practiceSessions.id, id)).returning({ id: practiceSessions.id });
  return rows.length > 0;
}

export async function getPracticeSessionById({ id }: { id: string }): Promise<PracticeSessionRow | null> {
  const [row] = await db().select().from(practiceSessions).where(eq(practiceSessions.id, id));
  return row ?? null;
}

/** A session's utterances in saved order (seq); conversation order is sortTranscript's job. */
export async function listTranscriptItemsBySessionId({ sessionId }: { sessionId: string }): Promise<TranscriptItemRow[]> {
  return db().select().from(transcriptItems).where(eq(transcriptItems.sessionId, sessionId)).orderBy(asc(transcriptItems.seq), asc(transcriptItems.itemId));
}

export async function listTurnTagsBySessionId({ sessionId }: { sessionId: string }): Promise<TurnTagRow[]> {
  return db().select().from(turnTags).where(eq(turnTags.sessionId, sessionId)).orderBy(asc(turnTags.createdAt), asc(turnTags.callId));
}

function toRecord(row: typeof customScenarios.$inferSelect): CustomScenarioRecord | null {
  const parsed = scenarioSchema.safeParse(row.scenario);
  if (!parsed.success) {
    console.warn(`[db] custom scenario ${row.id} no longer matches the scenario schema; skipped`);
    return null;
  }
  return { scenario: parsed.data, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** One account's custom scenarios (undefined: everyone's, for scripts and tests). */
const ownScenario = (userId: string | undefined) => (userId === undefined ? undefined : eq(customScenarios.userId, userId));

export async function listCustomScenarios({ userId }: { userId?: string } = {}): Promise<CustomScenarioRecord[]> {
  const rows = await db().select().from(customScenarios).where(ownScenario(userId)).orderBy(asc(customScenarios.title), asc(customScenarios.id));
  return rows.map(toRecord).filter((r): r is CustomScenarioRecord => r !== null);
}

export async function getCustomScenarioById({ id, userId }: { id: string; userId?: string }): Promise<CustomScenarioRecord | null> {
  const [row] = await db().select().from(customScenarios).where(and(eq(customScenarios.id, id), ownScenario(userId)));
  return row ? toRecord(row) : null;
}

/** Inserts a new custom scenario; null when the id is taken. */
/** Every custom scenario id, whoever owns it (ids are unique across accounts). */
export async function listCustomScenarioIds(): Promise<string[]> {
  return (await db().select({ id: customScenarios.id }).from(customScenarios)).map((r) => r.id);
}

export async function createCustomScenario({ scenario, userId }: { scenario: Scenario; userId?: string | null }): Promise<CustomScenarioRecord | null> {
  const [row] = await db()
    .insert(customScenarios)
    .values({ id: scenario.id, title: scenario.title, scenario, userId: userId ?? null })
    .onConflictDoNothing({ target: customScenarios.id })
    .returning();
  return row ? toRecord(row) : null;
}

/** Replaces a custom scenario of this owner; null when they have none with this id. */
export async function updateCustomScenario({ scenario, userId }: { scenario: Scenario; userId?: string }): Promise<CustomScenarioRecord | null> {
  const [row] = await db()
    .update(customScenarios)
    .set({ title: scenario.title, scenario, updatedAt: new Date() })
    .where(and(eq(customScenarios.id, scenario.id), ownScenario(userId)))
    .returning();
  return row ? toRecord(row) : null;
}

export async function deleteCustomScenarioById({ id, userId }: { id: string; userId?: string }): Promise<boolean> {
  const rows = await db().delete(customScenarios).where(and(eq(customScenarios.id, id), ownScenario(userId))).returning({ id: customScenarios.id });
  return rows.length > 0;
}
