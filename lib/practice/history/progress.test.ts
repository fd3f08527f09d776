import { describe, expect, it } from 'vitest';
import { computeDeliveryMetrics } from '@/lib/practice/debrief/metrics';
import { buildScenarioProgress, scoreTrend, toProgressSummary, trendFromAverages, type ProgressAggregate } from './progress';

const d = (h: number) => new Date(Date.UTC(2025, 0, 1, h));

describe('scoreTrend (the reference the SQL aggregate is tested against)', () => {
  it('compares the last scores with the ones before', () => {
    expect(scoreTrend([])).toBeNull();
    expect(scoreTrend([5])).toBeNull();
    expect(scoreTrend([4, 7])).toEqual({ recentAverage: 7, previousAverage: 4, delta: 3 });
    expect(scoreTrend([2, 4, 6, 8, 9, 10])).toEqual({ recentAverage: 9, previousAverage: 4, delta: 5 });
    expect(scoreTrend([1, 1, 1, 1, 5, 5, 5, 8, 8, 8])).toEqual({ recentAverage: 8, previousAverage: 5, delta: 3 });
    expect(scoreTrend([9, 7, 6])).toEqual({ recentAverage: 6.5, previousAverage: 9, delta: -2.5 });
  });
});

describe('trendFromAverages', () => {
  it('rounds the database averages to one decimal and needs both', () => {
    expect(trendFromAverages(6.666666, 5.333333)).toEqual({ recentAverage: 6.7, previousAverage: 5.3, delta: 1.4 });
    expect(trendFromAverages(7, null)).toBeNull();
    expect(trendFromAverages(null, null)).toBeNull();
  });
});

describe('buildScenarioProgress', () => {
  const aggregate: ProgressAggregate = {
    scenarioId: 'x-case',
    scenarioTitle: 'New title',
    attempts: 3,
    scoredAttempts: 2,
    firstScore: 5,
    bestScore: 7,
    latestScore: 7,
    recentAverage: 7,
    previousAverage: 5,
    lastPracticedAt: d(5),
  };

  it('puts the aggregate, the chart points (by attempt) and the metric points together', () => {
    const metrics = computeDeliveryMetrics([{ speaker: 'user', text: 'Who owns it by Friday?', startedAt: d(1), endedAt: d(1) }]);
    const p = buildScenarioProgress('x-case', aggregate, [
      { sessionId: 'b', attempt: 2, startedAt: d(3), difficulty: 'hard', score: 7 },
      { sessionId: 'a', attempt: 1, startedAt: d(1), difficulty: 'easy', score: 5 },
    ], [{ sessionId: 'a', attempt: 1, startedAt: d(1), difficulty: 'easy', metrics }]);
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
        { sessionId: 'a', attempt: 1, startedAt: d(1), difficulty: 'easy', score: 5 },
        { sessionId: 'b', attempt: 2, startedAt: d(3), difficulty: 'hard', score: 7 },
      ],
      metricTrends: [
        {
          sessionId: 'a',
          attempt: 1,
          startedAt: d(1),
          difficulty: 'easy',
          talkRatioPercent: 100,
          wordsPerMinute: null,
          fillersPer100Words: 0,
          longestMonologueSeconds: 0,
          longestMonologueWords: 5,
          questionsAsked: 1,
          specifics: metrics.specifics.total,
        },
      ],
    });
  });

  it('is empty for a scenario never practised', () => {
    expect(buildScenarioProgress('nope', undefined, [])).toMatchObject({ scenarioTitle: null, attempts: 0, firstScore: null, trend: null, scoreOverTime: [], metricTrends: [] });
  });

  it('summarises a scenario for the library card and the filter', () => {
    expect(toProgressSummary(aggregate)).toEqual({
      scenarioId: 'x-case',
      scenarioTitle: 'New title',
      attempts: 3,
      scoredAttempts: 2,
      firstScore: 5,
      bestScore: 7,
      latestScore: 7,
      lastPracticedAt: d(5),
      trend: { recentAverage: 7, previousAverage: 5, delta: 2 },
    });
  });
});
