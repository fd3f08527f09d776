import 'server-only';
import {
  getPracticeSessionById,
  listMetricPointRows,
  listPracticeSessionRows,
  listScenarioProgressRows,
  listScorePointRows,
  listTranscriptItemsBySessionId,
  listTurnTagsBySessionId,
  type ScenarioProgressRow,
} from '@/lib/server/db/queries';
import { toSessionDetail, toSessionSummary } from '@/lib/practice/history/session-record';
import {
  buildScenarioProgress,
  DETAIL_CHART_POINTS,
  METRIC_COLUMNS,
  OVERVIEW_CHART_POINTS,
  toProgressSummary,
  TREND_WINDOW,
} from '@/lib/practice/history/progress';
import type {
  HistoryView,
  PracticeSessionDetail,
  PracticeSessionSummary,
  ScenarioProgress,
  ScenarioProgressSummary,
  ScorePoint,
} from '@/lib/contracts/practice-session';

/**
 * The history's reads, put together: database rows (lib/server/db) turned into what the
 * pages show (lib/practice/history). A /history request runs four bounded queries.
 * Every list and aggregate is limited to `ownerIds`: the accounts whose sessions the caller
 * may see (lib/server/services/visibility.ts).
 */

type Scope = { ownerIds: readonly string[] };

const HISTORY_PAGE_SIZE = 20;
/** Progress panels on the unfiltered history (the most recently practised scenarios). */
const OVERVIEW_PANELS = 6;

export async function getPracticeSessionDetail({ id }: { id: string }): Promise<PracticeSessionDetail | null> {
  const session = await getPracticeSessionById({ id });
  if (!session) return null;
  const [items, tags] = await Promise.all([listTranscriptItemsBySessionId({ sessionId: id }), listTurnTagsBySessionId({ sessionId: id })]);
  return toSessionDetail({ session, items, tags });
}

export async function listSessionSummaries(filter: { scenarioId?: string; limit: number; offset: number }, { ownerIds }: Scope): Promise<PracticeSessionSummary[]> {
  return (await listPracticeSessionRows({ ...filter, ownerIds })).map(toSessionSummary);
}

export async function listScenarioProgressSummaries({ ownerIds }: Scope): Promise<ScenarioProgressSummary[]> {
  return (await listScenarioProgressRows({ trendWindow: TREND_WINDOW, ownerIds })).map(toProgressSummary);
}

async function scorePointsByScenario(scenarios: readonly ScenarioProgressRow[], latest: number, { ownerIds }: Scope): Promise<Map<string, ScorePoint[]>> {
  const byScenario = new Map<string, ScorePoint[]>();
  const scored = scenarios.filter((s) => s.scoredAttempts > 0);
  for (const { scenarioId, ...point } of await listScorePointRows({ scenarios: scored, latest, ownerIds })) {
    byScenario.set(scenarioId, [...(byScenario.get(scenarioId) ?? []), point]);
  }
  return byScenario;
}

/** One scenario in detail: stats, the last DETAIL_CHART_POINTS scores (plus first and best), the last METRIC_COLUMNS metric sets. */
export async function getScenarioProgress({ scenarioId }: { scenarioId: string }, scope: Scope): Promise<ScenarioProgress> {
  const { ownerIds } = scope;
  const aggregates = await listScenarioProgressRows({ scenarioId, trendWindow: TREND_WINDOW, ownerIds });
  const aggregate = aggregates[0];
  const [points, metrics] = await Promise.all([
    scorePointsByScenario(aggregates, DETAIL_CHART_POINTS, scope),
    aggregate ? listMetricPointRows({ scenarioId, latest: METRIC_COLUMNS, ownerIds }) : Promise.resolve([]),
  ]);
  return buildScenarioProgress(scenarioId, aggregate, points.get(scenarioId) ?? [], metrics);
}

/**
 * Everything /history shows for one URL: the practised scenarios (filter options and totals),
 * progress panels (one scenario in detail when filtered, else the OVERVIEW_PANELS most recent)
 * and one page of sessions. A page past the end shows the last one.
 */
export async function getHistoryView({ scenarioId, page }: { scenarioId?: string; page: number }, scope: Scope): Promise<HistoryView> {
  const { ownerIds } = scope;
  const aggregates = await listScenarioProgressRows({ trendWindow: TREND_WINDOW, ownerIds });
  const scenarios = aggregates.map(toProgressSummary);
  const shown = scenarioId ? aggregates.filter((a) => a.scenarioId === scenarioId) : aggregates.slice(0, OVERVIEW_PANELS);
  const total = scenarioId ? (shown[0]?.attempts ?? 0) : aggregates.reduce((n, a) => n + a.attempts, 0);
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const [points, metrics, rows] = await Promise.all([
    scorePointsByScenario(shown, scenarioId ? DETAIL_CHART_POINTS : OVERVIEW_CHART_POINTS, scope),
    scenarioId && shown.length ? listMetricPointRows({ scenarioId, latest: METRIC_COLUMNS, ownerIds }) : Promise.resolve([]),
    total > 0 ? listPracticeSessionRows({ scenarioId, limit: HISTORY_PAGE_SIZE, offset: (current - 1) * HISTORY_PAGE_SIZE, ownerIds }) : Promise.resolve([]),
  ]);
  return {
    filter: scenarioId ?? null,
    scenarios,
    progress: shown.map((a) => buildScenarioProgress(a.scenarioId, a, points.get(a.scenarioId) ?? [], scenarioId ? metrics : [])),
    sessions: { sessions: rows.map(toSessionSummary), page: current, pageSize: HISTORY_PAGE_SIZE, total, pageCount },
  };
}
