import 'server-only';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Debrief } from '@/lib/contracts/debrief';
import { env } from '@/lib/server/env';
import { buildScenarioProgress } from '@/lib/practice/history/progress';
import { sortTranscript, type Speaker, type TranscriptItem } from '@/lib/contracts/transcript';
import type { StoredTurnTag, TurnTag } from '@/lib/contracts/turn-tag';
import type {
  CustomScenarioRecord,
  EndReason,
  PracticeSessionDetail,
  PracticeSessionSummary,
  ScenarioProgress,
  ScenarioProgressSummary,
} from '@/lib/contracts/practice-session';
import { scenarioSchema, type Difficulty, type Scenario } from '@/lib/contracts/scenario';
import { databaseConfigFromEnv, getDatabase, type Database } from './client';
import { customScenarios, practiceSessions, transcriptItems, turnTags, type PracticeSessionRow } from './schema';

/** Every database read and write of the app. Callers validate input first (server actions, zod). */

function db(): Database {
  return getDatabase(databaseConfigFromEnv(env())).db;
}

/** The PostgreSQL error code behind a driver or Drizzle error, if any. */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

const activity = () =>
  db()
    .select({
      sessionId: transcriptItems.sessionId,
      itemCount: count().as('item_count'),
      lastActivityAt: sql<Date | string | null>`max(coalesce(${transcriptItems.endedAt}, ${transcriptItems.startedAt}))`.as('last_activity_at'),
    })
    .from(transcriptItems)
    .groupBy(transcriptItems.sessionId)
    .as('activity');

function toDate(v: Date | string | null | undefined): Date | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v : new Date(v);
}

function summarise(row: PracticeSessionRow, itemCount: number, lastActivityAt: Date | null): PracticeSessionSummary {
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    scenarioTitle: row.scenarioTitle,
    difficulty: row.difficulty,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    endReason: row.endReason,
    status: row.endedAt === null ? 'unfinished' : row.debrief === null ? 'debrief_pending' : 'completed',
    score: row.score,
    durationSeconds: row.endedAt ? Math.max(0, Math.round((row.endedAt.getTime() - row.startedAt.getTime()) / 1000)) : null,
    itemCount,
    lastActivityAt,
  };
}

export async function createPracticeSession({ scenario, difficulty, startedAt }: { scenario: Scenario; difficulty: Difficulty; startedAt?: Date }) {
  const [row] = await db()
    .insert(practiceSessions)
    .values({ scenarioId: scenario.id, scenarioTitle: scenario.title, scenario, difficulty, ...(startedAt ? { startedAt } : {}) })
    .returning();
  if (!row) throw new Error('insert into practice_sessions returned no row');
  return summarise(row, 0, null);
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
    .set({ metrics, debrief, score: debrief.score })
    .where(eq(practiceSessions.id, sessionId))
    .returning({ id: practiceSessions.id });
  return row !== undefined;
}

/** Sessions newest first, optionally for one scenario. */
export async function listPracticeSessions({ scenarioId, limit = 50, offset = 0 }: { scenarioId?: string; limit?: number; offset?: number } = {}) {
  const a = activity();
  const rows = await db()
    .select({ session: practiceSessions, itemCount: a.itemCount, lastActivityAt: a.lastActivityAt })
    .from(practiceSessions)
    .leftJoin(a, eq(a.sessionId, practiceSessions.id))
    .where(scenarioId ? eq(practiceSessions.scenarioId, scenarioId) : undefined)
    .orderBy(desc(practiceSessions.startedAt), desc(practiceSessions.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => summarise(r.session, Number(r.itemCount ?? 0), toDate(r.lastActivityAt)));
}

export async function getPracticeSessionById({ id }: { id: string }): Promise<PracticeSessionDetail | null> {
  const [row] = await db().select().from(practiceSessions).where(eq(practiceSessions.id, id));
  if (!row) return null;
  const [itemRows, tagRows] = await Promise.all([
    db().select().from(transcriptItems).where(eq(transcriptItems.sessionId, id)),
    db().select().from(turnTags).where(eq(turnTags.sessionId, id)).orderBy(asc(turnTags.createdAt), asc(turnTags.callId)),
  ]);
  const items: TranscriptItem[] = sortTranscript(
    itemRows.map((r) => ({ itemId: r.itemId, seq: r.seq, speaker: r.speaker, text: r.text, startedAt: r.startedAt, endedAt: r.endedAt })),
  );
  const tags: StoredTurnTag[] = tagRows.map((t) => ({
    callId: t.callId,
    itemId: t.itemId,
    createdAt: t.createdAt,
    objection_type: t.objectionType,
    difficulty: t.difficulty,
    sentiment: t.sentiment,
    next_probe: t.nextProbe,
  }));
  const last = items.reduce<Date | null>((m, i) => {
    const t = i.endedAt ?? i.startedAt;
    return m === null || t > m ? t : m;
  }, null);
  return { ...summarise(row, items.length, last), scenario: row.scenario, metrics: row.metrics, debrief: row.debrief, items, tags };
}

export async function getScenarioProgress({ scenarioId }: { scenarioId: string }): Promise<ScenarioProgress> {
  const rows = await db()
    .select({
      id: practiceSessions.id,
      scenarioTitle: practiceSessions.scenarioTitle,
      difficulty: practiceSessions.difficulty,
      startedAt: practiceSessions.startedAt,
      score: practiceSessions.score,
      metrics: practiceSessions.metrics,
    })
    .from(practiceSessions)
    .where(eq(practiceSessions.scenarioId, scenarioId))
    .orderBy(asc(practiceSessions.startedAt));
  return buildScenarioProgress(scenarioId, rows);
}

/** One line per practised scenario: attempts, first/best/latest score, last practised. Most recent first. */
export async function listScenarioProgress(): Promise<ScenarioProgressSummary[]> {
  const rows = await db()
    .select({
      id: practiceSessions.id,
      scenarioId: practiceSessions.scenarioId,
      scenarioTitle: practiceSessions.scenarioTitle,
      difficulty: practiceSessions.difficulty,
      startedAt: practiceSessions.startedAt,
      score: practiceSessions.score,
    })
    .from(practiceSessions)
    .orderBy(asc(practiceSessions.startedAt));
  const byScenario = new Map<string, typeof rows>();
  for (const r of rows) byScenario.set(r.scenarioId, [...(byScenario.get(r.scenarioId) ?? []), r]);
  return [...byScenario.entries()]
    .map(([scenarioId, list]) => {
      const p = buildScenarioProgress(scenarioId, list.map((r) => ({ ...r, metrics: null })));
      const lastPracticedAt = list[list.length - 1]?.startedAt ?? new Date(0);
      const { attempts, scoredAttempts, firstScore, bestScore, latestScore, scenarioTitle } = p;
      return { scenarioId, scenarioTitle, attempts, scoredAttempts, firstScore, bestScore, latestScore, lastPracticedAt };
    })
    .sort((a, b) => b.lastPracticedAt.getTime() - a.lastPracticedAt.getTime());
}

function toRecord(row: typeof customScenarios.$inferSelect): CustomScenarioRecord | null {
  const parsed = scenarioSchema.safeParse(row.scenario);
  if (!parsed.success) {
    console.warn(`[db] custom scenario ${row.id} no longer matches the scenario schema; skipped`);
    return null;
  }
  return { scenario: parsed.data, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export async function listCustomScenarios(): Promise<CustomScenarioRecord[]> {
  const rows = await db().select().from(customScenarios).orderBy(asc(customScenarios.title), asc(customScenarios.id));
  return rows.map(toRecord).filter((r): r is CustomScenarioRecord => r !== null);
}

export async function getCustomScenarioById({ id }: { id: string }): Promise<CustomScenarioRecord | null> {
  const [row] = await db().select().from(customScenarios).where(eq(customScenarios.id, id));
  return row ? toRecord(row) : null;
}

/** Inserts a new custom scenario; null when the id is taken. */
export async function createCustomScenario({ scenario }: { scenario: Scenario }): Promise<CustomScenarioRecord | null> {
  const [row] = await db()
    .insert(customScenarios)
    .values({ id: scenario.id, title: scenario.title, scenario })
    .onConflictDoNothing({ target: customScenarios.id })
    .returning();
  return row ? toRecord(row) : null;
}

/** Replaces a custom scenario; null when it does not exist. */
export async function updateCustomScenario({ scenario }: { scenario: Scenario }): Promise<CustomScenarioRecord | null> {
  const [row] = await db()
    .update(customScenarios)
    .set({ title: scenario.title, scenario, updatedAt: new Date() })
    .where(eq(customScenarios.id, scenario.id))
    .returning();
  return row ? toRecord(row) : null;
}

export async function deleteCustomScenarioById({ id }: { id: string }): Promise<boolean> {
  const rows = await db().delete(customScenarios).where(eq(customScenarios.id, id)).returning({ id: customScenarios.id });
  return rows.length > 0;
}
