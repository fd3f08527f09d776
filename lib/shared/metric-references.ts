import type { DeliveryMetrics } from '@/lib/contracts/delivery-metrics';

/**
 * Reference ranges for the delivery metrics, from the team's research notes
 * (product-landscape.md). Data, so pages show the same numbers the rubric uses.
 * Metrics without a published benchmark carry `range: null`.
 */

export type MetricKey = 'talkRatio' | 'wordsPerMinute' | 'fillersPer100Words' | 'fillersPerMinute' | 'longestMonologueSeconds' | 'questionsAsked' | 'specifics';

export type MetricReference = {
  key: MetricKey;
  label: string;
  unit: string;
  /** The range to aim for; null when there is no benchmark. */
  range: { min: number; max: number } | null;
  /** What the range is based on, in one or two sentences. */
  note: string;
  higherIsBetter?: boolean;
};

export const METRIC_REFERENCES: Readonly<Record<MetricKey, MetricReference>> = {
  talkRatio: {
    key: 'talkRatio',
    label: 'Talk ratio (you)',
    unit: '%',
    range: { min: 30, max: 45 },
    note: 'Successful sales calls run about 43 : 57 talk : listen (Gong, 25,537 calls); discovery calls 30-40 % talk; reps average 65-75 %.',
  },
  wordsPerMinute: {
    key: 'wordsPerMinute',
    label: 'Speaking pace',
    unit: 'words/min',
    range: { min: 140, max: 160 },
    note: 'About 140-160 words per minute is the usual persuasive range; conversation runs near 150.',
  },
  fillersPer100Words: {
    key: 'fillersPer100Words',
    label: 'Filler words',
    unit: 'per 100 words',
    range: { min: 0, max: 2 },
    note: "Ordinary speech has about one 'um'/'uh' in 50-70 words (1.4-2 per 100 words).",
  },
  fillersPerMinute: {
    key: 'fillersPerMinute',
    label: 'Filler words per minute',
    unit: 'per min',
    range: { min: 0, max: 5 },
    note: 'No measurable listener penalty below about 5 per minute; harm shows around 12 per minute.',
  },
  longestMonologueSeconds: {
    key: 'longestMonologueSeconds',
    label: 'Longest monologue',
    unit: 's',
    range: null,
    note: 'No benchmark in our notes. Shorter is usually better with an impatient executive.',
  },
  questionsAsked: {
    key: 'questionsAsked',
    label: 'Questions asked',
    unit: '',
    range: null,
    note: 'No benchmark in our notes. Questions show you are listening and diagnosing.',
    higherIsBetter: true,
  },
  specifics: {
    key: 'specifics',
    label: 'Specifics offered',
    unit: '',
    range: null,
    note: 'Dates, owners, numbers and named checkpoints. No benchmark in our notes; executives ask for all four.',
    higherIsBetter: true,
  },
};

export type MetricAssessment = 'below' | 'within' | 'above' | 'unmeasured' | 'no_reference';

export function assessMetric(key: MetricKey, value: number | null): MetricAssessment {
  if (value === null) return 'unmeasured';
  const range = METRIC_REFERENCES[key].range;
  if (!range) return 'no_reference';
  if (value < range.min) return 'below';
  if (value > range.max) return 'above';
  return 'within';
}

export type MetricRow = MetricReference & { value: number | null; assessment: MetricAssessment };

/** The metrics as display rows, each with its reference range and an assessment. */
export function metricRows(m: DeliveryMetrics): MetricRow[] {
  const values: Record<MetricKey, number | null> = {
    talkRatio: m.talkRatio?.percent ?? null,
    wordsPerMinute: m.wordsPerMinute,
    fillersPer100Words: m.fillers.per100Words,
    fillersPerMinute: m.fillers.perMinute,
    longestMonologueSeconds: m.longestMonologue.seconds,
    questionsAsked: m.questionsAsked,
    specifics: m.specifics.total,
  };
  return (Object.keys(values) as MetricKey[]).map((key) => ({
    ...METRIC_REFERENCES[key],
    value: values[key],
    assessment: assessMetric(key, values[key]),
  }));
}
