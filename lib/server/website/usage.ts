import 'server-only';
import { sql } from 'drizzle-orm';
import { db } from '@/lib/server/db/connection';
import type { Database } from '@/lib/server/db/client';

/**
 * The daily realtime budget, in the database so every app instance shares it. A session reserves
 * its maximum length when it is minted (the most it can cost: the engine ends it there); the
 * reservation succeeds only while the day's total stays within the budget (one atomic upsert).
 */
function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export async function reserveSessionSeconds(
  siteId: string,
  seconds: number,
  budgetSeconds: number,
  now: Date = new Date(),
  database: Database = db(),
): Promise<{ ok: true; usedSeconds: number } | { ok: false; usedSeconds: number }> {
  const day = utcDay(now);
  if (seconds > budgetSeconds) return { ok: false, usedSeconds: 0 };
  const reserved = (await database.execute(sql`
    insert into website_usage_days (site_id, day, seconds_reserved, sessions) values (${siteId}, ${day}, ${seconds}, 1)
    on conflict (site_id, day) do update set seconds_reserved = website_usage_days.seconds_reserved + excluded.seconds_reserved, sessions = website_usage_days.sessions + 1
      where website_usage_days.seconds_reserved + excluded.seconds_reserved <= ${budgetSeconds}
    returning seconds_reserved
  `)) as unknown as { rows: { seconds_reserved: number }[] };
  const row = reserved.rows[0];
  if (row) return { ok: true, usedSeconds: Number(row.seconds_reserved) };
  const refused = (await database.execute(sql`
    update website_usage_days set refusals = refusals + 1 where site_id = ${siteId} and day = ${day} returning seconds_reserved
  `)) as unknown as { rows: { seconds_reserved: number }[] };
  return { ok: false, usedSeconds: Number(refused.rows[0]?.seconds_reserved ?? 0) };
}

export type UsageDay = { day: string; secondsReserved: number; sessions: number; refusals: number };

export async function usageDays(siteId: string, days = 14, database: Database = db()): Promise<UsageDay[]> {
  const result = (await database.execute(sql`
    select day::text as day, seconds_reserved, sessions, refusals from website_usage_days where site_id = ${siteId} order by day desc limit ${days}
  `)) as unknown as { rows: { day: string; seconds_reserved: number; sessions: number; refusals: number }[] };
  return result.rows.map((r) => ({ day: r.day, secondsReserved: Number(r.seconds_reserved), sessions: Number(r.sessions), refusals: Number(r.refusals) }));
}
