import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { PhoneCallStatus } from '@/lib/contracts/phone-call';
import type { Database } from './client';
import { phoneCalls, type NewPhoneCallRow, type PhoneCallRow } from './phone-calls-schema';

/**
 * Reads and writes of phone call logs. The handle is passed in: the writer is the /call socket
 * in the custom server (outside Next's module graph, no `server-only`), the readers are /phone's
 * pages (lib/server/db/connection's db()). Both get the same cached handle (client.ts).
 */
export async function insertPhoneCall({ db, call }: { db: Database; call: NewPhoneCallRow }): Promise<void> {
  await db.insert(phoneCalls).values(call);
}

export async function updatePhoneCall({ db, id, patch }: { db: Database; id: string; patch: Partial<Omit<NewPhoneCallRow, 'id'>> }): Promise<void> {
  await db
    .update(phoneCalls)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(phoneCalls.id, id));
}

export type PhoneCallSummary = Pick<
  PhoneCallRow,
  'id' | 'source' | 'agentId' | 'agentName' | 'agentVersion' | 'fromNumber' | 'toNumber' | 'status' | 'endReason' | 'startedAt' | 'endedAt' | 'durationMs' | 'updatedAt'
>;

const summaryColumns = {
  id: phoneCalls.id,
  source: phoneCalls.source,
  agentId: phoneCalls.agentId,
  agentName: phoneCalls.agentName,
  agentVersion: phoneCalls.agentVersion,
  fromNumber: phoneCalls.fromNumber,
  toNumber: phoneCalls.toNumber,
  status: phoneCalls.status,
  endReason: phoneCalls.endReason,
  startedAt: phoneCalls.startedAt,
  endedAt: phoneCalls.endedAt,
  durationMs: phoneCalls.durationMs,
  updatedAt: phoneCalls.updatedAt,
};

/** Newest first, at most `limit`, optionally one status or agent. */
export async function listPhoneCalls({ db, status, agentId, limit = 100 }: { db: Database; status?: PhoneCallStatus; agentId?: string; limit?: number }): Promise<PhoneCallSummary[]> {
  const where: SQL[] = [];
  if (status) where.push(eq(phoneCalls.status, status));
  if (agentId) where.push(eq(phoneCalls.agentId, agentId));
  return db
    .select(summaryColumns)
    .from(phoneCalls)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(phoneCalls.startedAt))
    .limit(Math.min(500, Math.max(1, limit)));
}

export async function getPhoneCallById({ db, id }: { db: Database; id: string }): Promise<PhoneCallRow | null> {
  const rows = await db.select().from(phoneCalls).where(eq(phoneCalls.id, id)).limit(1);
  return rows[0] ?? null;
}
