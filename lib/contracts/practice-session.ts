import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';
import type { Debrief } from '@/lib/contracts/debrief';
import type { Difficulty, Scenario } from '@/lib/contracts/scenario';
import type { END_REASONS } from './practice-actions';
import type { TranscriptItem } from './transcript';
import type { StoredTurnTag } from './turn-tag';

/** Shapes the practice queries return and the server actions hand to pages. Plain data. */

/**
 * unfinished = never ended (tab closed, server killed); nothing_said = ended before the user said
 * anything (not scored, not counted in progress); debrief_pending = ended, no debrief saved yet.
 */
export type SessionStatus = 'unfinished' | 'nothing_said' | 'debrief_pending' | 'completed';

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

/** `attempt`: the scored attempt's number for its scenario (1 = the first scored attempt). */
export type ScorePoint = { sessionId: string; attempt: number; startedAt: Date; difficulty: Difficulty; score: number };

export type MetricPoint = {
  sessionId: string;
  /** The measured attempt's number for its scenario (1 = the first). */
  attempt: number;
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
  /** Oldest first, bounded: the latest scored attempts plus the first and the best (see scoredAttempts for the total). */
  scoreOverTime: ScorePoint[];
  /** Oldest first, the latest measured attempts only (each carries its attempt number). */
  metricTrends: MetricPoint[];
};

export type ScenarioProgressSummary = Pick<
  ScenarioProgress,
  'scenarioId' | 'scenarioTitle' | 'attempts' | 'scoredAttempts' | 'firstScore' | 'bestScore' | 'latestScore' | 'trend'
> & { lastPracticedAt: Date };

/** One page of the session list, newest first. */
export type PracticeSessionPage = {
  sessions: PracticeSessionSummary[];
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Sessions matching the filter, on every page. */
  total: number;
  pageCount: number;
};

export type CustomScenarioRecord = { scenario: Scenario; createdAt: Date; updatedAt: Date };

/** What /history shows for one URL (see lib/server/services/practice-history.ts). */
export type HistoryView = {
  /** The scenario the history is filtered to, if any. */
  filter: string | null;
  /** Every practised scenario, most recently practised first. */
  scenarios: ScenarioProgressSummary[];
  /** The filtered scenario in detail, or the most recently practised ones. */
  progress: ScenarioProgress[];
  sessions: PracticeSessionPage;
};
