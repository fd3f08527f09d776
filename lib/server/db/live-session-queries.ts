import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
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

/** Save a finished meeting; saving the same id again (a continued meeting) replaces it. */
export async function saveLiveSession(input: SaveLiveSessionInput): Promise<{ id: string; created: boolean }> {
  const values = {
    id: input.id,
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
  const { id: _id, ...update } = values;
  const [row] = await db()
    .insert(liveSessions)
    .values(values)
    .onConflictDoUpdate({ target: liveSessions.id, set: { ...update, updatedAt: new Date() } })
    .returning({ id: liveSessions.id, created: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error('insert into live_sessions returned no row');
  return { id: row.id, created: Boolean(row.created) };
}

/** Saved meetings, newest first, without their lines. */
export async function listLiveSessions({ limit = 50, offset = 0 }: { limit?: number; offset?: number } = {}): Promise<LiveSessionSummary[]> {
  return db().select(summaryColumns).from(liveSessions).orderBy(desc(liveSessions.startedAt), desc(liveSessions.id)).limit(limit).offset(offset);
}

export async function getLiveSessionById({ id }: { id: string }): Promise<LiveSessionDetail | null> {
  const [row] = await db().select().from(liveSessions).where(eq(liveSessions.id, id));
  return row ? toDetail(row) : null;
}

function toDetail(row: LiveSessionRow): LiveSessionDetail {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
