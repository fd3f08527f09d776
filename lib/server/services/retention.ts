import { eq, lt } from 'drizzle-orm';
import type { Database } from '@/lib/server/db/client';
import { appSettings } from '@/lib/server/db/limits-schema';
import { liveSessions, practiceSessions } from '@/lib/server/db/schema';
import { deleteExpiredCounters } from '@/lib/server/limits/fixed-window';
import { deleteOldUsage } from '@/lib/server/limits/realtime-minutes';
import type { RetentionSetting } from '@/lib/contracts/retention';

/**
 * Retention: an app setting (app_settings 'retention_days'; absent = keep forever). The sweep
 * deletes practice sessions started before now - days (their transcripts and turn tags go
 * with them, by cascade) and saved live meetings started before it; and, whatever the
 * setting, the limit counters whose windows ended and realtime usage older than two days.
 * It runs when the server starts and every hour (startRetentionSweeps).
 */
const KEY = 'retention_days';
const DAY_MS = 86_400_000;
export const SWEEP_INTERVAL_MS = 3_600_000;

export async function getRetentionSetting(database: Database): Promise<RetentionSetting> {
  const [row] = await database.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, KEY));
  const days = row ? Number(row.value) : NaN;
  return { days: Number.isInteger(days) && days > 0 ? days : null };
}

export async function saveRetentionSetting(database: Database, { days }: RetentionSetting, now = new Date()): Promise<RetentionSetting> {
  if (days === null) await database.delete(appSettings).where(eq(appSettings.key, KEY));
  else {
    await database
      .insert(appSettings)
      .values({ key: KEY, value: String(days), updatedAt: now })
      .onConflictDoUpdate({ target: appSettings.key, set: { value: String(days), updatedAt: now } });
  }
  return { days };
}

export type SweepResult = { retentionDays: number | null; practiceSessions: number; liveSessions: number; counters: number; usage: number };

export async function sweepRetention(database: Database, now: Date = new Date()): Promise<SweepResult> {
  const { days } = await getRetentionSetting(database);
  let practice = 0;
  let live = 0;
  if (days !== null) {
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    practice = (await database.delete(practiceSessions).where(lt(practiceSessions.startedAt, cutoff)).returning({ id: practiceSessions.id })).length;
    live = (await database.delete(liveSessions).where(lt(liveSessions.startedAt, cutoff)).returning({ id: liveSessions.id })).length;
  }
  const counters = await deleteExpiredCounters(database, new Date(now.getTime() - DAY_MS));
  const usage = await deleteOldUsage(database, new Date(now.getTime() - 2 * DAY_MS));
  return { retentionDays: days, practiceSessions: practice, liveSessions: live, counters, usage };
}

/** Sweep now, then every interval; errors are logged, never thrown (the next sweep tries again). */
export function startRetentionSweeps(opts: {
  sweep: () => Promise<SweepResult>;
  intervalMs?: number;
  log?: (line: string) => void;
}): { stop(): void; ran: Promise<void> } {
  const log = opts.log ?? ((line) => console.log(line));
  const run = async () => {
    try {
      const r = await opts.sweep();
      if (r.practiceSessions || r.liveSessions) log(`[retention] deleted ${r.practiceSessions} practice sessions and ${r.liveSessions} live meetings older than ${r.retentionDays} days`);
    } catch (error) {
      log(`[retention] sweep failed (next one in an hour): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  };
  const ran = run();
  const timer = setInterval(() => void run(), opts.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref?.();
  return { stop: () => clearInterval(timer), ran };
}

