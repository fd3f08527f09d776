import 'server-only';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { EndReason } from '@/lib/contracts/practice-session';
import type { Difficulty } from '@/lib/contracts/scenario';
import { db, toDate, toNumber } from './connection';
import { practiceSessions as p, transcriptItems } from './schema';

/**
 * The history's reads. Each one costs the size of what it returns, not of the whole history:
 * lists are paged, progress is aggregated in SQL, chart series are bounded. Rows out; what
 * they mean (status words, trends, chart layout) is decided in lib/practice/history.
 */

export type SessionListRow = {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  difficulty: Difficulty;
  startedAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
  score: number | null;
  hasDebrief: boolean;
  itemCount: number;
  userItemCount: number;
  lastActivityAt: Date | null;
};

/** One page of sessions, newest first, optionally for one scenario, with their transcript counts. */
export async function listPracticeSessionRows({ scenarioId, limit, offset }: { scenarioId?: string; limit: number; offset: number }): Promise<SessionListRow[]> {
  const page = db()
    .select({
      id: p.id,
      scenarioId: p.scenarioId,
      scenarioTitle: p.scenarioTitle,
      difficulty: p.difficulty,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      endReason: p.endReason,
      score: p.score,
      hasDebrief: sql<boolean>`${p.debrief} is not null`.as('has_debrief'),
    })
    .from(p)
    .where(scenarioId ? eq(p.scenarioId, scenarioId) : undefined)
    .orderBy(desc(p.startedAt), desc(p.id))
    .limit(limit)
    .offset(offset)
    .as('page');
  const activity = db()
    .select({
      itemCount: sql<string | number>`count(*)`.as('item_count'),
      userItemCount: sql<string | number>`count(*) filter (where ${transcriptItems.speaker} = 'user')`.as('user_item_count'),
      lastActivityAt: sql<Date | string | null>`max(coalesce(${transcriptItems.endedAt}, ${transcriptItems.startedAt}))`.as('last_activity_at'),
    })
    .from(transcriptItems)
    .where(eq(transcriptItems.sessionId, page.id))
    .as('activity');
  const rows = await db()
    .select({
      id: page.id,
      scenarioId: page.scenarioId,
      scenarioTitle: page.scenarioTitle,
      difficulty: page.difficulty,
      startedAt: page.startedAt,
      endedAt: page.endedAt,
      endReason: page.endReason,
      score: page.score,
      hasDebrief: page.hasDebrief,
      itemCount: activity.itemCount,
      userItemCount: activity.userItemCount,
      lastActivityAt: activity.lastActivityAt,
    })
    .from(page)
    .leftJoinLateral(activity, sql`true`)
    .orderBy(desc(page.startedAt), desc(page.id));
  return rows.map((r) => ({
    ...r,
    startedAt: toDate(r.startedAt)!,
    endedAt: toDate(r.endedAt),
    hasDebrief: Boolean(r.hasDebrief),
    itemCount: toNumber(r.itemCount) ?? 0,
    userItemCount: toNumber(r.userItemCount) ?? 0,
    lastActivityAt: toDate(r.lastActivityAt),
  }));
}

export type ScenarioProgressRow = {
  scenarioId: string;
  scenarioTitle: string;
  attempts: number;
  scoredAttempts: number;
  firstScore: number | null;
  bestScore: number | null;
  latestScore: number | null;
  /** Mean of the latest min(window, ceil(scored / 2)) scores, and of up to `window` scores before those. */
  recentAverage: number | null;
  previousAverage: number | null;
  lastPracticedAt: Date;
};

/** Per practised scenario, aggregated in the database; most recently practised first. */
export async function listScenarioProgressRows({ scenarioId, trendWindow }: { scenarioId?: string; trendWindow: number }): Promise<ScenarioProgressRow[]> {
  if (!Number.isInteger(trendWindow) || trendWindow < 1) throw new RangeError(`trendWindow must be a positive integer, got ${trendWindow}`);
  const newestFirst = sql`${p.startedAt} desc, ${p.id} desc`;
  const ranked = db()
    .$with('ranked')
    .as(
      db()
        .select({
          scenarioId: p.scenarioId,
          scenarioTitle: p.scenarioTitle,
          startedAt: p.startedAt,
          score: p.score,
          newest: sql<number>`row_number() over (partition by ${p.scenarioId} order by ${newestFirst})`.as('newest'),
          scoredRank: sql<number>`row_number() over (partition by ${p.scenarioId}, ${p.score} is null order by ${newestFirst})`.as('scored_rank'),
          scored: sql<number>`count(${p.score}) over (partition by ${p.scenarioId})`.as('scored'),
        })
        .from(p)
        .where(scenarioId ? eq(p.scenarioId, scenarioId) : undefined),
    );
  const w = sql.raw(String(trendWindow));
  const recentCount = sql`least(${w}, ceil(${ranked.scored} / 2.0))`;
  const scored = sql`${ranked.score} is not null`;
  const rows = await db()
    .with(ranked)
    .select({
      scenarioId: ranked.scenarioId,
      scenarioTitle: sql<string>`max(${ranked.scenarioTitle}) filter (where ${ranked.newest} = 1)`,
      attempts: sql<string | number>`count(*)`,
      scoredAttempts: sql<string | number>`count(${ranked.score})`,
      firstScore: sql<number | null>`max(${ranked.score}) filter (where ${scored} and ${ranked.scoredRank} = ${ranked.scored})`,
      bestScore: sql<number | null>`max(${ranked.score})`,
      latestScore: sql<number | null>`max(${ranked.score}) filter (where ${scored} and ${ranked.scoredRank} = 1)`,
      recentAverage: sql<string | number | null>`avg(${ranked.score}) filter (where ${scored} and ${ranked.scoredRank} <= ${recentCount})`,
      previousAverage: sql<string | number | null>`avg(${ranked.score}) filter (where ${scored} and ${ranked.scoredRank} > ${recentCount} and ${ranked.scoredRank} <= ${recentCount} + ${w})`,
      lastPracticedAt: sql<Date | string>`max(${ranked.startedAt})`,
    })
    .from(ranked)
    .groupBy(ranked.scenarioId)
    .orderBy(sql`max(${ranked.startedAt}) desc`, ranked.scenarioId);
  return rows.map((r) => ({
    scenarioId: r.scenarioId,
    scenarioTitle: r.scenarioTitle,
    attempts: toNumber(r.attempts) ?? 0,
    scoredAttempts: toNumber(r.scoredAttempts) ?? 0,
    firstScore: toNumber(r.firstScore),
    bestScore: toNumber(r.bestScore),
    latestScore: toNumber(r.latestScore),
    recentAverage: toNumber(r.recentAverage),
    previousAverage: toNumber(r.previousAverage),
    lastPracticedAt: toDate(r.lastPracticedAt)!,
  }));
}

export type ScorePointRow = { sessionId: string; scenarioId: string; attempt: number; startedAt: Date; difficulty: Difficulty; score: number };

/**
 * Scored attempts for a chart, per scenario: the latest `latest` ones plus the first and the
 * (earliest) best, oldest first. `attempt` numbers the scored attempts from 1.
 */
export async function listScorePointRows({ scenarioIds, latest }: { scenarioIds: readonly string[]; latest: number }): Promise<ScorePointRow[]> {
  if (scenarioIds.length === 0) return [];
  const scored = db()
    .$with('scored')
    .as(
      db()
        .select({
          sessionId: p.id,
          scenarioId: p.scenarioId,
          startedAt: p.startedAt,
          difficulty: p.difficulty,
          score: p.score,
          attempt: sql<number>`row_number() over (partition by ${p.scenarioId} order by ${p.startedAt}, ${p.id})`.as('attempt'),
          total: sql<number>`count(*) over (partition by ${p.scenarioId})`.as('total'),
          bestId: sql<string>`first_value(${p.id}) over (partition by ${p.scenarioId} order by ${p.score} desc, ${p.startedAt}, ${p.id})`.as('best_id'),
        })
        .from(p)
        .where(and(isNotNull(p.score), inArray(p.scenarioId, [...scenarioIds]))),
    );
  const rows = await db()
    .with(scored)
    .select({
      sessionId: scored.sessionId,
      scenarioId: scored.scenarioId,
      startedAt: scored.startedAt,
      difficulty: scored.difficulty,
      score: scored.score,
      attempt: scored.attempt,
    })
    .from(scored)
    .where(sql`${scored.attempt} = 1 or ${scored.sessionId} = ${scored.bestId} or ${scored.attempt} > ${scored.total} - ${latest}`)
    .orderBy(scored.scenarioId, scored.attempt);
  return rows.map((r) => ({ ...r, startedAt: toDate(r.startedAt)!, score: r.score ?? 0, attempt: toNumber(r.attempt) ?? 0 }));
}

export type MetricPointRow = { sessionId: string; attempt: number; startedAt: Date; difficulty: Difficulty; metrics: DeliveryMetrics };

/** The latest `latest` measured attempts of one scenario, oldest first; `attempt` numbers them from 1. */
export async function listMetricPointRows({ scenarioId, latest }: { scenarioId: string; latest: number }): Promise<MetricPointRow[]> {
  const measured = db()
    .$with('measured')
    .as(
      db()
        .select({
          sessionId: p.id,
          startedAt: p.startedAt,
          difficulty: p.difficulty,
          metrics: p.metrics,
          attempt: sql<number>`row_number() over (order by ${p.startedAt}, ${p.id})`.as('attempt'),
        })
        .from(p)
        .where(and(eq(p.scenarioId, scenarioId), isNotNull(p.metrics))),
    );
  const rows = await db().with(measured).select().from(measured).orderBy(desc(measured.attempt)).limit(latest);
  return rows
    .flatMap((r) => (r.metrics ? [{ ...r, metrics: r.metrics, startedAt: toDate(r.startedAt)!, attempt: toNumber(r.attempt) ?? 0 }] : []))
    .reverse();
}
