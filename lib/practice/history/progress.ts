import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Difficulty } from '@/lib/contracts/scenario';
import type { MetricPoint, ScenarioProgress, ScorePoint } from '@/lib/contracts/practice-session';

/** Pure progress maths over a scenario's sessions (oldest first). */

export type ProgressSession = {
  id: string;
  scenarioTitle: string;
  difficulty: Difficulty;
  startedAt: Date;
  score: number | null;
  metrics: DeliveryMetrics | null;
};

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const round1 = (n: number) => Math.round(n * 10) / 10;

export const TREND_WINDOW = 3;

/** Last `window` scores against the `window` before them (fewer when history is short). */
export function scoreTrend(scores: readonly number[], window = TREND_WINDOW): ScenarioProgress['trend'] {
  if (scores.length < 2) return null;
  const recentCount = Math.min(window, Math.ceil(scores.length / 2));
  const recent = scores.slice(-recentCount);
  const previous = scores.slice(Math.max(0, scores.length - recentCount - window), scores.length - recentCount);
  const recentAverage = round1(mean(recent));
  const previousAverage = round1(mean(previous));
  return { recentAverage, previousAverage, delta: round1(recentAverage - previousAverage) };
}

export function buildScenarioProgress(scenarioId: string, sessions: readonly ProgressSession[]): ScenarioProgress {
  const ordered = [...sessions].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const scoreOverTime: ScorePoint[] = ordered.flatMap((s) =>
    s.score === null ? [] : [{ sessionId: s.id, startedAt: s.startedAt, difficulty: s.difficulty, score: s.score }],
  );
  const metricTrends: MetricPoint[] = ordered.flatMap((s) =>
    s.metrics === null
      ? []
      : [
          {
            sessionId: s.id,
            startedAt: s.startedAt,
            difficulty: s.difficulty,
            talkRatioPercent: s.metrics.talkRatio?.percent ?? null,
            wordsPerMinute: s.metrics.wordsPerMinute,
            fillersPer100Words: s.metrics.fillers.per100Words,
            longestMonologueSeconds: s.metrics.longestMonologue.seconds,
            longestMonologueWords: s.metrics.longestMonologue.words,
            questionsAsked: s.metrics.questionsAsked,
            specifics: s.metrics.specifics.total,
          },
        ],
  );
  const scores = scoreOverTime.map((p) => p.score);
  return {
    scenarioId,
    scenarioTitle: ordered[ordered.length - 1]?.scenarioTitle ?? null,
    attempts: ordered.length,
    scoredAttempts: scores.length,
    firstScore: scores[0] ?? null,
    bestScore: scores.length ? Math.max(...scores) : null,
    latestScore: scores[scores.length - 1] ?? null,
    trend: scoreTrend(scores),
    scoreOverTime,
    metricTrends,
  };
}
