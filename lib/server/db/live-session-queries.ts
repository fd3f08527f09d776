import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { LiveSessionDetail, LiveSessionSummary, SaveLiveSessionInput } from '@/lib/live/meeting/saved-meeting';
import { env } from '@/lib/server/env';
import { databaseConfigFromEnv, getDatabase, type Database } from './client';
import { liveSessions, type LiveSessionRow } from './live-sessions-schema';

/** Reads and writes of saved live meetings. Callers validate input first (app/actions/live.ts, zod). */

function db(): Database {
  return getDatabase(databaseConfigFromEnv(env())).db;
}

const summaryColumns = {
  id: liveSessions.id,
  title: liveSessions.title,
  agentId: liveSessions.agentId,
  backend: liveSessions.backend,
  startedAt: liveSessions.startedAt,
  endedAt: liveSessions.endedAt,
  lineCount: liveSessions.lineCount,
  hintCount: liveSessions.hintCount,
};

/**
 * Save a finished meeting; saving the same id again (a continued meeting) replaces it, but only
 * the owner's own: null when the id belongs to someone else's meeting.
 */
export async function saveLiveSession(input: SaveLiveSessionInput, { userId }: { userId: string | null }): Promise<{ id: string; created: boolean } | null> {
  const values = {
    id: input.id,
    userId,
    title: input.title,
    agentId: input.agentId,
    backend: input.backend,
    model: input.model,
    voice: input.voice,
    startedAt: new Date(input.startedAt),
    endedAt: new Date(input.endedAt),
    lineCount: input.lines.length,
    hintCount: input.lines.filter((l) => l.role === 'hint').length,
    lines: input.lines,
  };
  const { id: _id, userId: _owner, ...update } = values;
  const [row] = await db()
    .insert(liveSessions)
    .values(values)
    .onConflictDoUpdate({
      target: liveSessions.id,
      set: { ...update, updatedAt: new Date() },
      setWhere: userId === null ? sql`${liveSessions.userId} is null` : eq(liveSessions.userId, userId),
    })
    .returning({ id: liveSessions.id, created: sql<boolean>`(xmax = 0)` });
  return row ? { id: row.id, created: Boolean(row.created) } : null;
}

/** One account's saved meetings, newest first, without their lines. */
export async function listLiveSessions({ userId, limit = 50, offset = 0 }: { userId: string; limit?: number; offset?: number }): Promise<LiveSessionSummary[]> {
  return db()
    .select(summaryColumns)
    .from(liveSessions)
    .where(eq(liveSessions.userId, userId))
    .orderBy(desc(liveSessions.startedAt), desc(liveSessions.id))
    .limit(limit)
    .offset(offset);
}

export async function deleteLiveSessionById({ id, userId }: { id: string; userId: string }): Promise<boolean> {
  const rows = await db()
    .delete(liveSessions)
    .where(and(eq(liveSessions.id, id), eq(liveSessions.userId, userId)))
    .returning({ id: liveSessions.id });
  return rows.length > 0;
}

export async function getLiveSessionById({ id }: { id: string }): Promise<LiveSessionDetail | null> {
  const [row] = await db().select().from(liveSessions).where(eq(liveSessions.id, id));
  return row ? toDetail(row) : null;
}

function toDetail(row: LiveSessionRow): LiveSessionDetail {
  const { createdAt: _c, updatedAt: _u, userId: _o, ...rest } = row;
  return rest;
}
