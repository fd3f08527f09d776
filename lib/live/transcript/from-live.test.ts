import { describe, expect, it } from 'vitest';
import type { HintCard } from '@/lib/live/hints/hint-types';
import type { TranscriptRow, TranscriptState } from '@/lib/realtime/store/types';
import { liveTranscriptEntries } from './from-live';

const item = (id: string, role: 'user' | 'assistant', text: string, partial = '', at = 10): TranscriptRow => ({
  id,
  role,
  text,
  partial,
  status: 'completed',
  source: 'voice',
  placeholder: false,
  at,
});

const card: HintCard = {
  requestId: 'r',
  kind: 'full',
  trigger: 'walk me through',
  source: 'phrase',
  requestedAt: 1,
  contextMessages: 10,
  responseId: 'resp',
  itemId: 'h1',
  status: 'interrupted',
  interruptedBy: 'got it',
};

describe('liveTranscriptEntries', () => {
  it('maps speech, hints (with kind, trigger, interrupted) and live partials in order', () => {
    const transcript: TranscriptState = {
      order: ['u1', 'h1', 'u2', 'gone'],
      byId: { u1: item('u1', 'user', 'Walk me through the plan', '', 5), h1: item('h1', 'assistant', 'Full guidance: start with', '', 6), u2: item('u2', 'user', '', 'and the bud', 7) },
      rev: 3,
    };
    expect(liveTranscriptEntries(transcript, { h1: card })).toEqual([
      { id: 'u1', role: 'user', text: 'Walk me through the plan', at: 5 },
      { id: 'h1', role: 'hint', text: 'Full guidance: start with', at: 6, hint: { kind: 'full', trigger: 'walk me through', interrupted: true } },
      { id: 'u2', role: 'user', text: 'and the bud', at: 7 },
    ]);
  });
});
