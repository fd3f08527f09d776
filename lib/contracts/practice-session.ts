import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Debrief } from '@/lib/contracts/debrief';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import type { END_REASONS } from './practice-actions';
import type { TranscriptItem } from './transcript';
import type { StoredTurnTag } from './turn-tag';

/** Shapes the practice queries return and the server actions hand to pages. Plain data. */

/** unfinished = never ended (tab closed, server killed); debrief_pending = ended, no debrief saved yet. */
export type SessionStatus = 'unfinished' | 'debrief_pending' | 'completed';

export type EndReason = (typeof END_REASONS)[number];

export type PracticeSessionSummary = {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  difficulty: Difficulty;
  startedAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
  status: SessionStatus;
  score: number | null;
  /** endedAt - startedAt; null while unfinished. */
  durationSeconds: number | null;
  itemCount: number;
  /** The latest saved utterance's end (or start); null when nothing was said. */
  lastActivityAt: Date | null;
};

export type StartedPracticeSession = {
  session: PracticeSessionSummary;
  scenario: Scenario;
  difficulty: Difficulty;
  timeLimitSeconds: number;
};

export type PracticeSessionDetail = PracticeSessionSummary & {
  scenario: Scenario;
  metrics: DeliveryMetrics | null;
  debrief: Debrief | null;
  items: TranscriptItem[];
  tags: StoredTurnTag[];
};

export type ScorePoint = { sessionId: string; startedAt: Date; difficulty: Difficulty; score: number };

export type MetricPoint = {
  sessionId: string;
  startedAt: Date;
  difficulty: Difficulty;
  talkRatioPercent: number | null;
  wordsPerMinute: number | null;
  fillersPer100Words: number | null;
  longestMonologueSeconds: number | null;
  longestMonologueWords: number;
  questionsAsked: number;
  specifics: number;
};

export type ScenarioProgress = {
  scenarioId: string;
  scenarioTitle: string | null;
  /** Every session started for this scenario, finished or not. */
  attempts: number;
  scoredAttempts: number;
  firstScore: number | null;
  bestScore: number | null;
  latestScore: number | null;
  /** Mean of the last three scores against the three before them; null with fewer than two scores. */
  trend: { recentAverage: number; previousAverage: number; delta: number } | null;
  scoreOverTime: ScorePoint[];
  metricTrends: MetricPoint[];
};

export type ScenarioProgressSummary = Pick<
  ScenarioProgress,
  'scenarioId' | 'scenarioTitle' | 'attempts' | 'scoredAttempts' | 'firstScore' | 'bestScore' | 'latestScore'
> & { lastPracticedAt: Date };

export type CustomScenarioRecord = { scenario: Scenario; createdAt: Date; updatedAt: Date };
