import { describe, expect, it } from 'vitest';
import { defaultScenario } from '@/agents/scenarios';
import { sessionStatus, toSessionDetail, toSessionSummary, userSpoke, type SessionListFields } from './session-record';

const at = (s: number) => new Date(Date.UTC(2025, 2, 3, 9, 0, s));

const row: SessionListFields = {
  id: 's1',
  scenarioId: 'municipal-coo-sic',
  scenarioTitle: 'COO',
  difficulty: 'medium',
  startedAt: at(0),
  endedAt: at(125),
  endReason: 'user',
  score: 6,
  hasDebrief: true,
  itemCount: 4,
  userItemCount: 2,
  lastActivityAt: at(120),
};

describe('session status', () => {
  it('tells unfinished, nothing said, debrief pending and completed apart', () => {
    expect(sessionStatus({ endedAt: null, hasDebrief: false, userItemCount: 3 })).toBe('unfinished');
    expect(sessionStatus({ endedAt: at(1), hasDebrief: false, userItemCount: 0 })).toBe('nothing_said');
    expect(sessionStatus({ endedAt: at(1), hasDebrief: false, userItemCount: 1 })).toBe('debrief_pending');
    expect(sessionStatus({ endedAt: at(1), hasDebrief: true, userItemCount: 1 })).toBe('completed');
  });

  it('counts only the user as having spoken', () => {
    expect(userSpoke([])).toBe(false);
    expect(userSpoke([{ speaker: 'client' }])).toBe(false);
    expect(userSpoke([{ speaker: 'client' }, { speaker: 'user' }])).toBe(true);
  });
});

describe('toSessionSummary', () => {
  it('derives status and duration from the row', () => {
    expect(toSessionSummary(row)).toEqual({
      id: 's1',
      scenarioId: 'municipal-coo-sic',
      scenarioTitle: 'COO',
      difficulty: 'medium',
      startedAt: at(0),
      endedAt: at(125),
      endReason: 'user',
      status: 'completed',
      score: 6,
      durationSeconds: 125,
      itemCount: 4,
      lastActivityAt: at(120),
    });
    expect(toSessionSummary({ ...row, endedAt: null, endReason: null, hasDebrief: false, score: null })).toMatchObject({ status: 'unfinished', durationSeconds: null });
  });
});

describe('toSessionDetail', () => {
  it('orders the transcript, maps tags and counts what was said', () => {
    const d = toSessionDetail({
      session: { ...row, scenario: defaultScenario(), metrics: null, debrief: null, score: null },
      items: [
        { itemId: 'u1', seq: 2, speaker: 'user', text: 'Second', startedAt: at(6), endedAt: at(8) },
        { itemId: 'c1', seq: 1, speaker: 'client', text: 'First', startedAt: at(1), endedAt: null },
      ],
      tags: [{ callId: 'call_1', itemId: 'c1', createdAt: at(2), objectionType: 'Results', difficulty: 3, sentiment: 'skeptical', nextProbe: 'Who?' }],
    });
    expect(d.items.map((i) => i.itemId)).toEqual(['c1', 'u1']);
    expect(d.tags).toEqual([{ callId: 'call_1', itemId: 'c1', createdAt: at(2), objection_type: 'Results', difficulty: 3, sentiment: 'skeptical', next_probe: 'Who?' }]);
    expect(d).toMatchObject({ status: 'debrief_pending', itemCount: 2, lastActivityAt: at(8), durationSeconds: 125 });
    const silent = toSessionDetail({ session: { ...row, scenario: defaultScenario(), metrics: null, debrief: null, score: null }, items: [], tags: [] });
    expect(silent).toMatchObject({ status: 'nothing_said', itemCount: 0, lastActivityAt: null, score: null });
  });
});
