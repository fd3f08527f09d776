import 'server-only';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { EndReason } from '@/lib/contracts/practice-session';
import type { Difficulty } from '@/lib/contracts/scenario';
import { db, positiveInt, rowsOf, scenarioValues, toDate, toNumber } from './connection';
import { practiceSessions as p, transcriptItems } from './schema';

/**
 * The history's reads. Each one costs the size of what it returns, not of the whole history:
 * lists are paged, progress is aggregated in SQL (one hash aggregate for the counts; first,
 * latest, best and the trend window are index lookups of a few rows per scenario, never a
 * sort of every session), chart series are bounded. Rows out; what they mean (status words,
 * trends, chart layout) is decided in lib/practice/history.
 * `ownerIds` limits every read to those accounts' sessions (the services always pass it;
 * left out only by scripts and query tests, which read every session).
 */

/** Raw-SQL condition on a practice_sessions alias: `and <alias>.user_id in (...)`, or nothing. */
function ownedBy(alias: string, ownerIds: readonly string[] | undefined): SQL {
  if (!ownerIds) return sql``;
  if (ownerIds.length === 0) return sql` and false`;
  return sql` and ${sql.raw(alias)}.user_id in (${sql.join(ownerIds.map((id) => sql`${id}`), sql`, `)})`;
}

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
export async function listPracticeSessionRows({
  scenarioId,
  limit,
  offset,
  ownerIds,
}: {
  scenarioId?: string;
  limit: number;
  offset: number;
  ownerIds?: readonly string[];
}): Promise<SessionListRow[]> {
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
    .where(and(scenarioId ? eq(p.scenarioId, scenarioId) : undefined, ownerIds ? (ownerIds.length ? inArray(p.userId, [...ownerIds]) : sql`false`) : undefined))
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

type RawProgress = {
  scenario_id: string;
  scenario_title: string;
  attempts: string | number;
  scored_attempts: string | number;
  first_score: number | null;
  best_score: number | null;
  latest_score: number | null;
  recent_average: string | number | null;
  previous_average: string | number | null;
  last_practiced_at: Date | string;
};

/** Per practised scenario, aggregated in the database; most recently practised first. */
export async function listScenarioProgressRows({
  scenarioId,
  trendWindow,
  ownerIds,
}: {
  scenarioId?: string;
  trendWindow: number;
  ownerIds?: readonly string[];
}): Promise<ScenarioProgressRow[]> {
  const w = positiveInt('trendWindow', trendWindow);
  const recentCount = sql`least(${w}::int, ceil(g.scored_attempts / 2.0))`;
  const rows = await rowsOf<RawProgress>(sql`
    select g.scenario_id, t.scenario_title, g.attempts, g.scored_attempts, f.score as first_score, g.best_score,
           r.latest_score, r.recent_average, r.previous_average, g.last_practiced_at
    from (
      select scenario_id, count(*) as attempts, count(score) as scored_attempts, max(score) as best_score, max(started_at) as last_practiced_at
      from practice_sessions s
      where true${scenarioId ? sql` and s.scenario_id = ${scenarioId}` : sql``}${ownedBy('s', ownerIds)}
      group by scenario_id
    ) g
    left join lateral (
      select s.scenario_title from practice_sessions s
      where s.scenario_id = g.scenario_id${ownedBy('s', ownerIds)} order by s.started_at desc, s.id desc limit 1
    ) t on true
    left join lateral (
      select s.score from practice_sessions s
      where s.scenario_id = g.scenario_id and s.score is not null${ownedBy('s', ownerIds)} order by s.started_at, s.id limit 1
    ) f on true
    left join lateral (
      select max(x.score) filter (where x.rn = 1) as latest_score,
             avg(x.score) filter (where x.rn <= ${recentCount}) as recent_average,
             avg(x.score) filter (where x.rn > ${recentCount} and x.rn <= ${recentCount} + ${w}::int) as previous_average
      from (
        select s.score, row_number() over (order by s.started_at desc, s.id desc) as rn
        from practice_sessions s
        where s.scenario_id = g.scenario_id and s.score is not null${ownedBy('s', ownerIds)}
        order by s.started_at desc, s.id desc limit ${2 * w}::int
      ) x
    ) r on true
    order by g.last_practiced_at desc, g.scenario_id`);
  return rows.map((r) => ({
    scenarioId: r.scenario_id,
    scenarioTitle: r.scenario_title,
    attempts: toNumber(r.attempts) ?? 0,
    scoredAttempts: toNumber(r.scored_attempts) ?? 0,
    firstScore: toNumber(r.first_score),
    bestScore: toNumber(r.best_score),
    latestScore: toNumber(r.latest_score),
    recentAverage: toNumber(r.recent_average),
    previousAverage: toNumber(r.previous_average),
    lastPracticedAt: toDate(r.last_practiced_at)!,
  }));
}

export type ScorePointRow = { sessionId: string; scenarioId: string; attempt: number; startedAt: Date; difficulty: Difficulty; score: number };

type RawPoint = { session_id: string; scenario_id: string; attempt: string | number; started_at: Date | string; difficulty: Difficulty; score: number };

/**
 * Scored attempts for a chart, per scenario: the latest `latest` ones plus the first and the
 * (earliest) best, oldest first. `attempt` numbers the scored attempts from 1; each scenario
 * comes with its number of scored attempts (listScenarioProgressRows), so nothing is counted
 * again except the attempts before the best.
 */
export async function listScorePointRows({
  scenarios,
  latest,
  ownerIds,
}: {
  scenarios: readonly { scenarioId: string; scoredAttempts: number }[];
  latest: number;
  ownerIds?: readonly string[];
}): Promise<ScorePointRow[]> {
  if (scenarios.length === 0) return [];
  const k = positiveInt('latest', latest);
  const ids = scenarioValues(scenarios);
  const rows = await rowsOf<RawPoint>(sql`
    select c.session_id, c.scenario_id, c.attempt, s.started_at, s.difficulty, s.score
    from (
      select ids.scenario_id, l.id as session_id, ids.total - l.rn + 1 as attempt
      from ${ids}
      cross join lateral (
        select s.id, row_number() over (order by s.started_at desc, s.id desc) as rn
        from practice_sessions s
        where s.scenario_id = ids.scenario_id and s.score is not null${ownedBy('s', ownerIds)}
        order by s.started_at desc, s.id desc limit ${k}::int
      ) l
      union
      select ids.scenario_id, f.id, 1
      from ${ids}
      cross join lateral (
        select s.id from practice_sessions s
        where s.scenario_id = ids.scenario_id and s.score is not null${ownedBy('s', ownerIds)} order by s.started_at, s.id limit 1
      ) f
      union
      select ids.scenario_id, b.id,
             1 + (select count(*) from practice_sessions e
                  where e.scenario_id = ids.scenario_id and e.score is not null and (e.started_at, e.id) < (b.started_at, b.id)${ownedBy('e', ownerIds)})
      from ${ids}
      cross join lateral (
        select s.id, s.started_at from practice_sessions s
        where s.scenario_id = ids.scenario_id and s.score is not null${ownedBy('s', ownerIds)}
        order by s.score desc nulls last, s.started_at, s.id limit 1
      ) b
    ) c
    join practice_sessions s on s.id = c.session_id
    order by c.scenario_id, c.attempt`);
  return rows.map((r) => ({
    sessionId: r.session_id,
    scenarioId: r.scenario_id,
    attempt: toNumber(r.attempt) ?? 0,
    startedAt: toDate(r.started_at)!,
    difficulty: r.difficulty,
    score: toNumber(r.score) ?? 0,
  }));
}

export type MetricPointRow = { sessionId: string; attempt: number; startedAt: Date; difficulty: Difficulty; metrics: DeliveryMetrics };

type RawMetric = { session_id: string; attempt: string | number; started_at: Date | string; difficulty: Difficulty; metrics: DeliveryMetrics | string };

/** The latest `latest` measured attempts of one scenario, oldest first; `attempt` numbers them from 1. */
export async function listMetricPointRows({ scenarioId, latest, ownerIds }: { scenarioId: string; latest: number; ownerIds?: readonly string[] }): Promise<MetricPointRow[]> {
  const k = positiveInt('latest', latest);
  const rows = await rowsOf<RawMetric>(sql`
    select l.id as session_id, n.total - l.rn + 1 as attempt, l.started_at, l.difficulty, l.metrics
    from (select count(*) as total from practice_sessions s where s.scenario_id = ${scenarioId} and s.metrics is not null${ownedBy('s', ownerIds)}) n
    cross join lateral (
      select s.id, s.started_at, s.difficulty, s.metrics, row_number() over (order by s.started_at desc, s.id desc) as rn
      from practice_sessions s
      where s.scenario_id = ${scenarioId} and s.metrics is not null${ownedBy('s', ownerIds)}
      order by s.started_at desc, s.id desc limit ${k}::int
    ) l
    order by l.rn desc`);
  return rows.map((r) => ({
    sessionId: r.session_id,
    attempt: toNumber(r.attempt) ?? 0,
    startedAt: toDate(r.started_at)!,
    difficulty: r.difficulty,
    metrics: typeof r.metrics === 'string' ? (JSON.parse(r.metrics) as DeliveryMetrics) : r.metrics,
  }));
}
