import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/server/db/client';
import { realtimeUsage } from '@/lib/server/db/limits-schema';

/**
 * Realtime minutes per subject per UTC day: reserved at mint, settled when the session ends.
 * Every mint writes a usage row granting at most what remains today (and at most the session's
 * own ceiling); while it runs it counts its whole grant, and once settled (the practice call
 * ended, the live meeting was saved, or a new mint replaced it) its real length. A tab that
 * vanishes without saying goodbye therefore costs its grant, never more. A mint is refused when
 * less than MIN_GRANT_SECONDS remain today; the local engine enforces the grant from its
 * token. Reserving runs in a transaction holding an advisory lock on the subject, so two
 * instances cannot both spend the last minutes.
 */
type MinutesGrant =
  | { allowed: true; usageId: string; grantedSeconds: number }
  | { allowed: false; usedSeconds: number; limitSeconds: number; retryAfterSeconds: number };

type MinutesReservation = { subject: string; agentId: string; ref?: string; maxSeconds: number; now?: number };

export type RealtimeMinutes = {
  reserve(req: MinutesReservation): Promise<MinutesGrant>;
  /** Undo a reservation whose session never started (the mint failed after it). */
  cancel(usageId: string): Promise<void>;
};

const DAY_MS = 86_400_000;
/** The least a new session is granted; below it the day's budget counts as spent. */
const MIN_GRANT_SECONDS = 60;

function utcDayStart(now: number): number {
  return Math.floor(now / DAY_MS) * DAY_MS;
}

/** Seconds a subject has used or holds reserved in sessions started since `since`. */
export async function usedSeconds(database: Database, subject: string, since: Date): Promise<number> {
  const t = realtimeUsage;
  const grantEnd = sql`${t.startedAt} + ${t.maxSeconds} * interval '1 second'`;
  const end = sql`least(coalesce(${t.endedAt}, ${grantEnd}), ${grantEnd})`;
  const [row] = await database
    .select({ seconds: sql<string>`coalesce(sum(greatest(0, extract(epoch from (${end} - ${t.startedAt})))), 0)` })
    .from(t)
    .where(and(eq(t.subject, subject), sql`${t.startedAt} >= ${since}`));
  return Number(row?.seconds ?? 0);
}

export function createRealtimeMinutes(database: () => Database, { limitSeconds }: { limitSeconds: number }): RealtimeMinutes {
  return {
    async reserve({ subject, agentId, ref, maxSeconds, now = Date.now() }) {
      const dayStart = utcDayStart(now);
      const retryAfterSeconds = Math.max(1, Math.ceil((dayStart + DAY_MS - now) / 1000));
      return database().transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`realtime-minutes:${subject}`}))`);
        // One call or meeting holds one session: a new mint for it means the previous connection is gone.
        const t = realtimeUsage;
        const same = ref ? eq(t.ref, ref) : and(isNull(t.ref), eq(t.agentId, agentId));
        await tx
          .update(t)
          .set({ endedAt: sql`least(greatest(${new Date(now)}::timestamptz, ${t.startedAt}), ${t.startedAt} + ${t.maxSeconds} * interval '1 second')` })
          .where(and(eq(t.subject, subject), same, isNull(t.endedAt)));
        const used = await usedSeconds(tx as unknown as Database, subject, new Date(dayStart));
        const remaining = Math.floor(limitSeconds - used);
        if (remaining < MIN_GRANT_SECONDS) return { allowed: false, usedSeconds: Math.round(used), limitSeconds, retryAfterSeconds } as const;
        const grantedSeconds = Math.max(1, Math.min(maxSeconds, remaining));
        const [row] = await tx
          .insert(realtimeUsage)
          .values({ subject, agentId, ref: ref ?? null, startedAt: new Date(now), maxSeconds: grantedSeconds })
          .returning({ id: realtimeUsage.id });
        return { allowed: true, usageId: row!.id, grantedSeconds } as const;
      });
    },
    async cancel(usageId) {
      await database().delete(realtimeUsage).where(eq(realtimeUsage.id, usageId));
    },
  };
}

/**
 * Mark a subject's running sessions as ended: those of one practice session (`ref`), or of one
 * agent (a live meeting), at `endedAt` (never before a session's start). Returns how many.
 */
export async function settleRealtimeUsage(
  database: Database,
  where: { ref: string } | { subject: string; agentId: string },
  endedAt: Date = new Date(),
): Promise<number> {
  const t = realtimeUsage;
  const match = 'ref' in where ? eq(t.ref, where.ref) : and(eq(t.subject, where.subject), eq(t.agentId, where.agentId));
  const rows = await database
    .update(t)
    .set({ endedAt: sql`least(greatest(${endedAt}::timestamptz, ${t.startedAt}), ${t.startedAt} + ${t.maxSeconds} * interval '1 second')` })
    .where(and(match, isNull(t.endedAt)))
    .returning({ id: t.id });
  return rows.length;
}

/** Forget usage rows older than `before` (the hourly sweep keeps two days). */
export async function deleteOldUsage(database: Database, before: Date): Promise<number> {
  const rows = await database.delete(realtimeUsage).where(sql`${realtimeUsage.startedAt} < ${before}`).returning({ id: realtimeUsage.id });
  return rows.length;
}
