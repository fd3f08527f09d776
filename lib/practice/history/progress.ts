import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Difficulty } from '@/lib/contracts/scenario';
import type { MetricPoint, ScenarioProgress, ScenarioProgressSummary, ScorePoint } from '@/lib/contracts/practice-session';

/**
 * Progress per scenario from the database's aggregates (lib/server/db/history-queries.ts
 * computes counts, first/best/latest and the trend averages in SQL) and its bounded
 * chart series. Pure.
 */

/** The trend compares the mean of the last TREND_WINDOW scores with the TREND_WINDOW before them. */
export const TREND_WINDOW = 3;
/** Chart points per scenario: the latest attempts (plus the first and the best). */
export const OVERVIEW_CHART_POINTS = 8;
export const DETAIL_CHART_POINTS = 50;
/** Columns of the delivery-over-time table. */
export const METRIC_COLUMNS = 8;

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function trendFromAverages(recent: number | null, previous: number | null): ScenarioProgress['trend'] {
  if (recent === null || previous === null) return null;
  const recentAverage = round1(recent);
  const previousAverage = round1(previous);
  return { recentAverage, previousAverage, delta: round1(recentAverage - previousAverage) };
}

/**
 * The trend's definition over a whole score series (oldest first), the reference the SQL
 * aggregate is tested against: the last min(window, ceil(n / 2)) scores against up to
 * `window` scores before them; null with fewer than two scores.
 */
export function scoreTrend(scores: readonly number[], window = TREND_WINDOW): ScenarioProgress['trend'] {
  if (scores.length < 2) return null;
  const recentCount = Math.min(window, Math.ceil(scores.length / 2));
  const recent = scores.slice(-recentCount);
  const previous = scores.slice(Math.max(0, scores.length - recentCount - window), scores.length - recentCount);
  return trendFromAverages(mean(recent), mean(previous));
}

/** One scenario's aggregate row, as the database returns it. */
export type ProgressAggregate = {
  scenarioId: string;
  scenarioTitle: string;
  attempts: number;
  scoredAttempts: number;
  firstScore: number | null;
  bestScore: number | null;
  latestScore: number | null;
  recentAverage: number | null;
  previousAverage: number | null;
  lastPracticedAt: Date;
};

export type MetricRow = { sessionId: string; attempt: number; startedAt: Date; difficulty: Difficulty; metrics: DeliveryMetrics };

export function toProgressSummary(a: ProgressAggregate): ScenarioProgressSummary {
  const { scenarioId, scenarioTitle, attempts, scoredAttempts, firstScore, bestScore, latestScore, lastPracticedAt } = a;
  return { scenarioId, scenarioTitle, attempts, scoredAttempts, firstScore, bestScore, latestScore, lastPracticedAt, trend: trendFromAverages(a.recentAverage, a.previousAverage) };
}

function toMetricPoint({ sessionId, attempt, startedAt, difficulty, metrics: m }: MetricRow): MetricPoint {
  return {
    sessionId,
    attempt,
    startedAt,
    difficulty,
    talkRatioPercent: m.talkRatio?.percent ?? null,
    wordsPerMinute: m.wordsPerMinute,
    fillersPer100Words: m.fillers.per100Words,
    longestMonologueSeconds: m.longestMonologue.seconds,
    longestMonologueWords: m.longestMonologue.words,
    questionsAsked: m.questionsAsked,
    specifics: m.specifics.total,
  };
}

/** A scenario's progress; `aggregate` is undefined when it was never practised. */
export function buildScenarioProgress(
  scenarioId: string,
  aggregate: ProgressAggregate | undefined,
  scorePoints: readonly ScorePoint[],
  metricRows: readonly MetricRow[] = [],
): ScenarioProgress {
  const summary = aggregate
    ? toProgressSummary(aggregate)
    : { scenarioTitle: null, attempts: 0, scoredAttempts: 0, firstScore: null, bestScore: null, latestScore: null, trend: null };
  return {
    scenarioId,
    scenarioTitle: summary.scenarioTitle,
    attempts: summary.attempts,
    scoredAttempts: summary.scoredAttempts,
    firstScore: summary.firstScore,
    bestScore: summary.bestScore,
    latestScore: summary.latestScore,
    trend: summary.trend,
    scoreOverTime: [...scorePoints].sort((a, b) => a.attempt - b.attempt),
    metricTrends: metricRows.map(toMetricPoint),
  };
}
