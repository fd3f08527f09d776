import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { CallAlert, CallSummary, ChecklistState, TurnSource } from '@/lib/assist/call/call-types';
import type { Database } from './client';
import { users } from './accounts-schema';
import { assistActions, assistCalls, assistCallTurns, assistOutbox, type AssistCallRow } from './assist-schema';

/** Calls on /assist: the call row, its turns (already redacted), confirmed actions and their outbox rows. */

export async function insertCall(db: Database, callType: string, agentUserId: string | null): Promise<AssistCallRow> {
  const [row] = await db.insert(assistCalls).values({ callType, status: 'live', agentUserId, checklist: { callType, ticks: {} } }).returning();
  if (!row) throw new Error('the call row was not created');
  return row;
}

export async function getCall(db: Database, id: string): Promise<AssistCallRow | null> {
  const [row] = await db.select().from(assistCalls).where(eq(assistCalls.id, id));
  return row ?? null;
}

export type StoredTurn = { seq: number; speaker: 'agent' | 'customer'; source: TurnSource; text: string; redacted: boolean; sentiment: number | null; at: Date };

/** Append a turn; the next seq is taken in the insert, retried when two channels write at once. */
export async function insertTurn(db: Database, callId: string, t: Omit<StoredTurn, 'seq' | 'at'>): Promise<StoredTurn> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await db
        .insert(assistCallTurns)
        .values({ callId, speaker: t.speaker, source: t.source, text: t.text, redacted: t.redacted, sentiment: t.sentiment, seq: sql`(select coalesce(max(seq), 0) + 1 from assist_call_turns where call_id = ${callId})` })
        .returning();
      if (!row) throw new Error('the turn was not stored');
      return { seq: row.seq, speaker: row.speaker, source: row.source, text: row.text, redacted: row.redacted, sentiment: row.sentiment, at: row.at };
    } catch (error) {
      const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code !== '23505' || attempt >= 3) throw error;
    }
  }
}

export async function recentTurns(db: Database, callId: string, limit: number): Promise<StoredTurn[]> {
  const rows = await db.select().from(assistCallTurns).where(eq(assistCallTurns.callId, callId)).orderBy(desc(assistCallTurns.seq)).limit(limit);
  return rows.reverse().map((r) => ({ seq: r.seq, speaker: r.speaker, source: r.source, text: r.text, redacted: r.redacted, sentiment: r.sentiment, at: r.at }));
}

export type CallPatch = Partial<{ customerId: number | null; orderNumber: string | null; checklist: ChecklistState; alerts: CallAlert[]; sentiments: number[] }>;

export async function updateCall(db: Database, id: string, patch: CallPatch): Promise<void> {
  await db.update(assistCalls).set({ ...patch, lastActivityAt: new Date() }).where(eq(assistCalls.id, id));
}

export async function endCallRow(db: Database, id: string): Promise<AssistCallRow | null> {
  const [row] = await db.update(assistCalls).set({ status: 'ended', endedAt: new Date() }).where(and(eq(assistCalls.id, id), eq(assistCalls.status, 'live'))).returning();
  return row ?? null;
}

export async function saveCallRow(db: Database, id: string, v: { summary: CallSummary; disposition: string; crmNote: string }): Promise<AssistCallRow | null> {
  const [row] = await db.update(assistCalls).set({ ...v, status: 'saved', endedAt: sql`coalesce(${assistCalls.endedAt}, now())` }).where(eq(assistCalls.id, id)).returning();
  return row ?? null;
}

export type OutboxEntry = { channel: 'email' | 'crm' | 'fulfilment' | 'scheduler' | 'supervisor'; payload: Record<string, unknown> };

/** The audit row and its outbound effects, together. */
export async function recordAction(
  db: Database,
  a: { callId: string; kind: string; params: Record<string, unknown>; status: 'done' | 'failed'; confirmedBy: string; result: string },
  outbox: readonly OutboxEntry[],
): Promise<{ id: string; confirmedAt: Date; outbox: { id: number; channel: string; status: string }[] }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(assistActions).values(a).returning();
    if (!row) throw new Error('the audit row was not written');
    const queued = outbox.length
      ? await tx.insert(assistOutbox).values(outbox.map((o) => ({ actionId: row.id, channel: o.channel, payload: o.payload }))).returning({ id: assistOutbox.id, channel: assistOutbox.channel, status: assistOutbox.status })
      : [];
    return { id: row.id, confirmedAt: row.confirmedAt, outbox: queued };
  });
}

export async function actionsOf(db: Database, callId: string) {
  return db.select().from(assistActions).where(eq(assistActions.callId, callId)).orderBy(asc(assistActions.confirmedAt));
}

/**
 * Whose calls a list shows: every call (an admin), or the agent's own plus, with a team, the
 * calls of that team's agents (a coach). A call with no agent (from before accounts) is in `all` only.
 */
export type CallScope = { all: true } | { all: false; userId: string; teamId: string | null };

function scopeFilter(scope: CallScope) {
  if (scope.all) return sql`true`;
  const own = sql`${assistCalls.agentUserId} = ${scope.userId}`;
  return scope.teamId === null ? own : sql`(${own} or ${assistCalls.agentUserId} in (select ${users.id} from ${users} where ${users.teamId} = ${scope.teamId}))`;
}

export async function liveCallRows(db: Database, scope: CallScope, limit = 50) {
  return db
    .select({
      call: assistCalls,
      customerName: sql<string | null>`(select full_name from assist_customers c where c.id = ${assistCalls.customerId})`,
      agentName: sql<string | null>`(select name from ${users} u where u.id = ${assistCalls.agentUserId})`,
    })
    .from(assistCalls)
    .where(and(eq(assistCalls.status, 'live'), scopeFilter(scope)))
    .orderBy(desc(assistCalls.startedAt))
    .limit(limit);
}

/** Past calls by customer name or email, order number, disposition or any text in the summary, note or turns. */
export async function searchCallRows(db: Database, scope: CallScope, q: string, limit = 20) {
  const like = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ call: assistCalls, customerName: sql<string | null>`c.full_name` })
    .from(assistCalls)
    .leftJoin(sql`assist_customers c`, sql`c.id = ${assistCalls.customerId}`)
    .where(
      and(
        scopeFilter(scope),
        q.trim()
        ? sql`${assistCalls.status} <> 'live' and (c.full_name ilike ${like} or c.email ilike ${like} or ${assistCalls.orderNumber} ilike ${like}
            or ${assistCalls.disposition} ilike ${like} or ${assistCalls.crmNote} ilike ${like} or ${assistCalls.summary}::text ilike ${like}
            or exists (select 1 from assist_call_turns t where t.call_id = ${assistCalls.id} and t.text ilike ${like}))`
          : sql`${assistCalls.status} <> 'live'`,
      ),
    )
    .orderBy(desc(assistCalls.startedAt))
    .limit(limit);
}
