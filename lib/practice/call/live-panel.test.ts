import { describe, expect, it } from 'vitest';
import type { LiveTag } from './call-store';
import { formatClock } from '@/lib/shared/format';
import { callClock, panelState } from './live-panel';

const tag = (difficulty: number, sentiment: LiveTag['sentiment'], objection: LiveTag['objection_type'] = 'Plan', next = 'Who owns it?'): LiveTag => ({
  objection_type: objection,
  difficulty,
  sentiment,
  next_probe: next,
  callId: `c${difficulty}${sentiment}`,
  itemId: null,
  at: 0,
});

describe('call clock', () => {
  it('counts down from the limit, warns in the last minute and expires at zero', () => {
    expect(callClock(null, 5000, 600)).toEqual({ elapsedSeconds: 0, remainingSeconds: 600, expired: false, warning: false });
    expect(callClock(0, 541_000, 600)).toEqual({ elapsedSeconds: 541, remainingSeconds: 59, expired: false, warning: true });
    expect(callClock(0, 601_000, 600)).toMatchObject({ remainingSeconds: 0, expired: true });
    expect(callClock(10_000, 40_000, 120, 60)).toMatchObject({ elapsedSeconds: 90, remainingSeconds: 30, warning: false });
    expect(callClock(10_000, 47_000, 120, 60)).toMatchObject({ remainingSeconds: 23, warning: true });
  });

  it('formats minutes and seconds', () => {
    expect([formatClock(0), formatClock(59_000), formatClock(600_000), formatClock(61_900)]).toEqual(['0:00', '0:59', '10:00', '1:01']);
  });
});

describe('live panel state', () => {
  it('shows the difficulty’s starting mood before any tag', () => {
    expect(panelState([], 'easy')).toMatchObject({ mood: 'neutral', moodIsStarting: true, difficulty: null, objection: null, nextProbe: null, turnsTagged: 0 });
    expect(panelState([], 'hard').mood).toBe('skeptical');
  });

  it('follows the latest tag with trends against the one before', () => {
    const s = panelState([tag(2, 'skeptical'), tag(4, 'frustrated', 'Payment', ' Release it? ')], 'medium');
    expect(s).toEqual({
      mood: 'frustrated',
      moodIsStarting: false,
      difficulty: 4,
      difficultyTrend: 'up',
      moodTrend: 'up',
      objection: 'Payment',
      nextProbe: 'Release it?',
      turnsTagged: 2,
      moodHistory: ['skeptical', 'frustrated'],
    });
    expect(panelState([tag(4, 'frustrated'), tag(3, 'neutral')], 'medium')).toMatchObject({ difficultyTrend: 'down', moodTrend: 'down' });
  });
});
