import { describe, expect, it } from 'vitest';
import { assessMetric, metricRows } from '@/lib/shared/metric-references';
import { countQuestions } from '@/lib/shared/questions';
import { computeDeliveryMetrics, countFillers } from './metrics';
import { type MetricsItem } from '@/lib/contracts/delivery-metrics';

const t0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const at = (s: number) => new Date(t0 + s * 1000);
const item = (speaker: 'user' | 'client', text: string, start: number, end: number | null): MetricsItem => ({
  speaker,
  text,
  startedAt: at(start),
  endedAt: end === null ? null : at(end),
});

// user words: 10 + 11 + 8 = 29 ; client words: 7 ("Seventy-eight" is one word) + 6 = 13
const call: MetricsItem[] = [
  item('client', 'Seventy-eight percent. Explain that to me now.', 0, 4),
  item('user', 'Um, we own the gap. Sarah will own the recovery.', 5, 9),
  item('user', 'Uh, we reach 90% by 30 June, you know, with checkpoints.', 9, 14),
  item('client', 'Who exactly owns it? By when?', 15, 18),
  item('user', 'What matters most to you for the committee?', 19, 22),
];

describe('computeDeliveryMetrics on spoken turns', () => {
  const placeholder = '[speech, 4.0 s — the local engine does not transcribe audio]';
  it('measures pace, fillers and monologues from recognised speech, never from placeholders', () => {
    const spoken = computeDeliveryMetrics([item('client', 'Why is the fee so high?', 0, 2), item('user', 'um we will refund the fee and call you back by friday', 3, 7)]);
    expect(spoken.wordsPerMinute).toBe(180);
    expect(spoken.fillers.count).toBe(1);
    expect(spoken.longestMonologue).toEqual({ words: 12, seconds: 4 });
    const unheard = computeDeliveryMetrics([item('client', 'Why is the fee so high?', 0, 2), item('user', placeholder, 3, 7)]);
    expect([unheard.userWords, unheard.userTurns, unheard.wordsPerMinute, unheard.longestMonologue.words]).toEqual([0, 0, null, 0]);
    // A placeholder beside real speech does not dilute the pace.
    const mixed = computeDeliveryMetrics([item('user', placeholder, 0, 4), item('user', 'we will refund the fee', 5, 7)]);
    expect([mixed.userWords, mixed.wordsPerMinute]).toEqual([5, 150]);
  });
});

describe('computeDeliveryMetrics', () => {
  const m = computeDeliveryMetrics(call);

  it('counts words and turns per speaker', () => {
    expect([m.userWords, m.clientWords, m.userTurns, m.clientTurns]).toEqual([29, 13, 3, 2]);
  });
  it('measures talk ratio by speaking time when every item is timed', () => {
    // user 4 + 5 + 3 = 12 s, client 4 + 3 = 7 s
    expect(m.talkRatio).toEqual({ percent: 63.2, basis: 'time' });
    // 29 words in 12 s of user speech
    expect(m.wordsPerMinute).toBe(145);
  });
  it('counts fillers per 100 words and per minute', () => {
    expect(m.fillers).toEqual({ count: 3, per100Words: 10.3, perMinute: 15, top: [{ word: 'uh', count: 1 }, { word: 'um', count: 1 }, { word: 'you know', count: 1 }] });
  });
  it('finds the longest monologue across consecutive user items', () => {
    expect(m.longestMonologue).toEqual({ words: 21, seconds: 9 });
  });
  it('counts questions and specifics from the user only', () => {
    expect(m.questionsAsked).toBe(1);
    expect(m.specifics).toEqual({ total: 4, dates: ['30 June'], owners: ['Sarah will own'], numbers: ['90%'], checkpoints: ['checkpoints'] });
    expect(m.spanSeconds).toBe(22);
  });
  it('falls back to words and nulls when times are missing', () => {
    const untimed = computeDeliveryMetrics(call.map((i) => ({ ...i, endedAt: null })));
    expect(untimed.talkRatio).toEqual({ percent: 69, basis: 'words' });
    expect(untimed.wordsPerMinute).toBeNull();
    expect(untimed.fillers.perMinute).toBeNull();
    expect(untimed.longestMonologue).toEqual({ words: 21, seconds: null });
  });
  it('handles an empty call', () => {
    const empty = computeDeliveryMetrics([]);
    expect(empty.talkRatio).toBeNull();
    expect(empty.fillers.per100Words).toBeNull();
    expect(empty.longestMonologue).toEqual({ words: 0, seconds: null });
    expect(empty.spanSeconds).toBeNull();
  });
});

describe('helpers', () => {
  it('counts questions with and without punctuation', () => {
    expect(countQuestions('Who owns it? And when?')).toBe(2);
    expect(countQuestions('what would good look like for you')).toBe(1);
    expect(countQuestions('What we did was fine.')).toBe(0);
  });
  it('counts multi-word fillers and not lookalikes', () => {
    expect(Object.fromEntries(countFillers('I mean, um, it is kind of umbrella-like, you  know'))).toEqual({ 'i mean': 1, um: 1, 'kind of': 1, 'you know': 1 });
  });
});

describe('metric references', () => {
  it('carries the ranges from the research notes', () => {
    const rows = metricRows(computeDeliveryMetrics(call));
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.talkRatio?.range).toEqual({ min: 30, max: 45 });
    expect(byKey.talkRatio?.note).toContain('43 : 57');
    expect(byKey.wordsPerMinute?.range).toEqual({ min: 140, max: 160 });
    expect(byKey.fillersPerMinute?.note).toContain('12 per minute');
    expect(rows.map((r) => [r.key, r.value, r.assessment])).toEqual([
      ['talkRatio', 63.2, 'above'],
      ['wordsPerMinute', 145, 'within'],
      ['fillersPer100Words', 10.3, 'above'],
      ['fillersPerMinute', 15, 'above'],
      ['longestMonologueSeconds', 9, 'no_reference'],
      ['questionsAsked', 1, 'no_reference'],
      ['specifics', 4, 'no_reference'],
    ]);
    expect(assessMetric('wordsPerMinute', 120)).toBe('below');
    expect(assessMetric('wordsPerMinute', null)).toBe('unmeasured');
  });
});
