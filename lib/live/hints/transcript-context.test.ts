import { describe, expect, it } from 'vitest';
import type { TranscriptRow, TranscriptState } from '@/lib/realtime/store/types';
import { recentTranscriptMessages } from './transcript-context';

const item = (id: string, role: 'user' | 'assistant', text: string, partial = ''): TranscriptRow => ({
  id,
  role,
  text,
  partial,
  status: text ? 'completed' : 'in_progress',
  source: 'voice',
  placeholder: false,
  at: 0,
});

function transcript(items: TranscriptRow[]): TranscriptState {
  return { order: items.map((i) => i.id), byId: Object.fromEntries(items.map((i) => [i.id, i])), rev: 1 };
}

const texts = (m: ReturnType<typeof recentTranscriptMessages>) => m.map((x) => `${x.role}:${x.content[0].text}`);

describe('recentTranscriptMessages', () => {
  it('takes the last N messages in time order, hints included as assistant text', () => {
    const t = transcript([item('u1', 'user', 'one'), item('u2', 'user', 'two'), item('h1', 'assistant', 'Ask about the budget.'), item('u3', 'user', 'three')]);
    expect(texts(recentTranscriptMessages(t, 3))).toEqual(['user:two', 'assistant:Ask about the budget.', 'user:three']);
    expect(recentTranscriptMessages(t, 3)[1]).toEqual({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Ask about the budget.' }] });
  });

  it('uses the live words of an utterance still being transcribed, and skips items with no words', () => {
    const t = transcript([item('u1', 'user', 'one'), item('u2', 'user', '', 'that is a go'), item('u3', 'user', '')]);
    const live = new Map([['u2', "that is a good question"]]);
    expect(texts(recentTranscriptMessages(t, 5, live))).toEqual(['user:one', 'user:that is a good question']);
  });

  it('includes the firing utterance even before the transcript shows it', () => {
    const t = transcript([item('u1', 'user', 'one'), item('u2', 'user', 'two')]);
    const live = new Map([['u9', 'good question']]);
    expect(texts(recentTranscriptMessages(t, 2, live, 'u9'))).toEqual(['user:two', 'user:good question']);
  });

  it('reads only the tail of a long meeting', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => item(`u${i}`, 'user', `line ${i}`));
    expect(texts(recentTranscriptMessages(transcript(items), 2))).toEqual(['user:line 9998', 'user:line 9999']);
  });
});
