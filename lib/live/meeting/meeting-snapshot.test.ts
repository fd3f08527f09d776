import { describe, expect, it } from 'vitest';
import type { HintCard } from '@/lib/live/hints/hint-types';
import type { TranscriptRow } from '@/lib/realtime/store/types';
import { meetingLines, rowsToHistory, settleCards, settleRows } from './meeting-snapshot';
import { meetingTitle } from './past-meetings';
import { saveLiveSessionInputSchema } from './saved-meeting';
import { liveSessionSizeProblem } from '@/lib/live/meeting/past-meetings';

const row = (id: string, role: 'user' | 'assistant', text: string, patch: Partial<TranscriptRow> = {}): TranscriptRow => ({
  id,
  role,
  text,
  partial: '',
  status: 'completed',
  source: 'voice',
  placeholder: false,
  at: 100,
  ...patch,
});
const card = (itemId: string, status: HintCard['status']): HintCard => ({
  requestId: `r_${itemId}`,
  kind: 'full',
  trigger: 'walk me through',
  source: 'phrase',
  requestedAt: 1,
  contextMessages: 4,
  responseId: null,
  itemId,
  status,
  interruptedBy: status === 'interrupted' ? 'got it' : null,
});

describe('settling a meeting the page left', () => {
  it('keeps words said so far as cut off, drops rows with none', () => {
    const rows = settleRows([row('u1', 'user', 'done'), row('u2', 'user', '', { partial: 'and the bud', status: 'in_progress', placeholder: true }), row('u3', 'user', '', { status: 'in_progress' })]);
    expect(rows.map((r) => [r.id, r.text, r.status, r.placeholder])).toEqual([
      ['u1', 'done', 'completed', false],
      ['u2', 'and the bud', 'incomplete', false],
    ]);
  });

  it('a hint still preparing failed, one still speaking was cut off, finished ones stay', () => {
    expect(settleCards([card('a', 'requested'), card('b', 'speaking'), card('c', 'done')]).map((c) => [c.status, c.interruptedBy])).toEqual([
      ['failed', 'reload'],
      ['interrupted', 'reload'],
      ['done', null],
    ]);
  });
});

describe('rowsToHistory / meetingLines', () => {
  it('replays speech as text items with their ids, skipping rows without words', () => {
    expect(rowsToHistory([row('u1', 'user', ' hi '), row('h1', 'assistant', 'Ask why'), row('x', 'user', '')])).toEqual([
      { itemId: 'u1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'hi' }] },
      { itemId: 'h1', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Ask why' }] },
    ]);
  });

  it('saves meeting lines with how they came in and hints with how they ended, valid for the action', () => {
    const lines = meetingLines([row('u1', 'user', 'Walk me through it', { source: 'text' }), row('h1', 'assistant', 'Start with cost'), row('a1', 'assistant', 'Hello')], {
      h1: card('h1', 'interrupted'),
    });
    expect(lines).toEqual([
      { id: 'u1', role: 'user', text: 'Walk me through it', at: 100, source: 'text' },
      { id: 'h1', role: 'hint', text: 'Start with cost', at: 100, hint: { kind: 'full', trigger: 'walk me through', interrupted: true, status: 'interrupted' } },
      { id: 'a1', role: 'assistant', text: 'Hello', at: 100, source: 'voice' },
    ]);
    const input = { id: '66666666-6666-4666-8666-666666666666', title: 't', agentId: 'hint-assistant', backend: 'local', model: null, voice: null, startedAt: Date.UTC(2026, 0, 5), endedAt: Date.UTC(2026, 0, 5) + 200, lines };
    expect(saveLiveSessionInputSchema.safeParse(input).success).toBe(true);
  });
});

describe('meetingTitle / liveSessionSizeProblem', () => {
  it('titles a meeting by its first words, clipped at a word', () => {
    expect(meetingTitle([{ role: 'hint', text: 'x' }, { role: 'user', text: '  We   moved the launch ' }])).toBe('We moved the launch');
    expect(meetingTitle([{ role: 'user', text: 'word '.repeat(30) }])).toMatch(/^(word ){11}word…$/);
    expect(meetingTitle([])).toBe('Live meeting');
  });

  it('names the limit a meeting is over, in words', () => {
    expect(liveSessionSizeProblem([{ text: 'a' }])).toBeNull();
    expect(liveSessionSizeProblem(Array.from({ length: 5_001 }, () => ({ text: 'a' })))).toContain('5,001 lines (at most 5,000)');
    expect(liveSessionSizeProblem([{ text: 'x'.repeat(1_000_001) }])).toContain('1,000,001 characters of text (at most 1,000,000)');
  });
});
