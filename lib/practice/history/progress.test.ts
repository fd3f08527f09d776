import { describe, expect, it } from 'vitest';
import { buildScenarioProgress, scoreTrend } from './progress';

describe('scoreTrend', () => {
  it('compares the last scores with the ones before', () => {
    expect(scoreTrend([])).toBeNull();
    expect(scoreTrend([5])).toBeNull();
    expect(scoreTrend([4, 7])).toEqual({ recentAverage: 7, previousAverage: 4, delta: 3 });
    expect(scoreTrend([2, 4, 6, 8, 9, 10])).toEqual({ recentAverage: 9, previousAverage: 4, delta: 5 });
    expect(scoreTrend([1, 1, 1, 1, 5, 5, 5, 8, 8, 8])).toEqual({ recentAverage: 8, previousAverage: 5, delta: 3 });
    expect(scoreTrend([9, 7, 6])).toEqual({ recentAverage: 6.5, previousAverage: 9, delta: -2.5 });
  });
});

describe('buildScenarioProgress', () => {
  it('orders by time and skips unscored sessions in the score series', () => {
    const d = (h: number) => new Date(Date.UTC(2025, 0, 1, h));
    const p = buildScenarioProgress('x-case', [
      { id: 'b', scenarioTitle: 'New title', difficulty: 'hard', startedAt: d(3), score: 7, metrics: null },
      { id: 'a', scenarioTitle: 'Old title', difficulty: 'easy', startedAt: d(1), score: 5, metrics: null },
      { id: 'c', scenarioTitle: 'New title', difficulty: 'hard', startedAt: d(5), score: null, metrics: null },
    ]);
    expect(p).toEqual({
      scenarioId: 'x-case',
      scenarioTitle: 'New title',
      attempts: 3,
      scoredAttempts: 2,
      firstScore: 5,
      bestScore: 7,
      latestScore: 7,
      trend: { recentAverage: 7, previousAverage: 5, delta: 2 },
      scoreOverTime: [
        { sessionId: 'a', startedAt: d(1), difficulty: 'easy', score: 5 },
        { sessionId: 'b', startedAt: d(3), difficulty: 'hard', score: 7 },
      ],
      metricTrends: [],
    });
  });
});
