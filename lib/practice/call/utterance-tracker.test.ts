import type { RealtimeItem } from '@openai/agents-realtime';
import { describe, expect, it } from 'vitest';
import { itemWords, pcm16Base64Ms, UtteranceTracker } from './utterance-tracker';

const userVoice = (id: string, transcript: string | null): RealtimeItem => ({ itemId: id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript }] });
const userText = (id: string, text: string): RealtimeItem => ({ itemId: id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });
const client = (id: string, transcript: string, status: 'in_progress' | 'completed' | 'incomplete'): RealtimeItem => ({
  itemId: id,
  type: 'message',
  role: 'assistant',
  status,
  content: [{ type: 'output_audio', transcript }],
});
const call: RealtimeItem = { itemId: 'f1', type: 'function_call', status: 'completed', name: 'tag_turn', callId: 'c1', arguments: '{}', output: null } as RealtimeItem;

describe('which words are ready to save', () => {
  it('waits for a spoken turn’s transcription and for the client item to finish', () => {
    expect(itemWords(userVoice('u', null), false)).toMatchObject({ ready: false });
    expect(itemWords(userVoice('u', 'Hello'), false)).toMatchObject({ speaker: 'user', text: 'Hello', typed: false, ready: true });
    expect(itemWords(userText('u', ' typed  words '), false)).toMatchObject({ text: 'typed words', typed: true, ready: true });
    expect(itemWords(client('a', 'Half a sen', 'in_progress'), false)?.ready).toBe(false);
    expect(itemWords(client('a', 'Half a sen', 'in_progress'), true)?.ready).toBe(true);
    expect(itemWords(client('a', 'Cut off', 'incomplete'), false)?.ready).toBe(true);
    expect(itemWords(call, false)).toBeNull();
  });

  it('converts base64 PCM16 24 kHz to milliseconds', () => {
    expect(pcm16Base64Ms(Buffer.alloc(4800).toString('base64'))).toBe(100);
    expect(pcm16Base64Ms(Buffer.alloc(4801).toString('base64'))).toBeCloseTo(100.02, 2);
  });
});

describe('UtteranceTracker', () => {
  it('hands each utterance out once, in conversation order, again only when its words change', () => {
    const t = new UtteranceTracker();
    const h1 = [client('a', 'Explain.', 'completed'), call, userVoice('u1', null)];
    expect(t.collect(h1, 1000).map((u) => [u.itemId, u.seq, u.speaker, u.text])).toEqual([['a', 0, 'client', 'Explain.']]);
    const h2 = [client('a', 'Explain.', 'completed'), call, userVoice('u1', 'We own it')];
    expect(t.collect(h2, 2000).map((u) => [u.itemId, u.seq])).toEqual([['u1', 1]]);
    expect(t.collect(h2, 3000)).toEqual([]);
    const h3 = [client('a', 'Explain', 'incomplete'), call, userVoice('u1', 'We own it')];
    expect(t.collect(h3, 4000).map((u) => u.text)).toEqual(['Explain']);
  });

  it('times a spoken turn by the audio clock and a typed turn without a duration', () => {
    const t = new UtteranceTracker();
    t.speechStarted('u1', 10_000, 500);
    t.speechStopped('u1', 10_400, 3150);
    const [spoken] = t.collect([userVoice('u1', 'We own it')], 12_000);
    expect(spoken?.startedAt.getTime()).toBe(10_000);
    expect(spoken?.endedAt?.getTime()).toBe(12_650);
    const [typed] = t.collect([userText('u2', 'typed')], 20_000);
    expect(typed).toMatchObject({ startedAt: new Date(20_000), endedAt: null });
  });

  it('times a client turn by its audio, cut at the truncation point after a barge-in', () => {
    const t = new UtteranceTracker();
    t.clientItemAdded('a', 5000);
    t.clientAudio('a', 1000);
    t.clientAudio('a', 1500);
    t.clientItemDone('a', 5300);
    expect(t.collect([client('a', 'Long reply', 'completed')], 9000)[0]).toMatchObject({ startedAt: new Date(5000), endedAt: new Date(7500) });
    t.clientItemAdded('b', 8000);
    t.clientAudio('b', 3000);
    t.clientItemTruncated('b', 1200);
    expect(t.collect([client('a', 'Long reply', 'completed'), client('b', 'Cut', 'incomplete')], 9000)[0]).toMatchObject({ itemId: 'b', endedAt: new Date(9200) });
    // Without audio events (WebRTC) the item ends when it is done.
    t.clientItemAdded('c', 10_000);
    t.clientItemDone('c', 10_800);
    expect(t.collect([client('c', 'No audio events', 'completed')], 11_000)[0]?.endedAt).toEqual(new Date(10_800));
  });

  it('skips hidden items and keeps the order of items saved before a reload', () => {
    const t = new UtteranceTracker();
    t.preload([{ itemId: 'old', seq: 4, text: 'Saved before', startedAt: new Date(1) }]);
    const out = t.collect([client('old', 'Saved before', 'completed'), client('x', 'superseded', 'incomplete'), userText('n', 'new')], 50, { skip: (id) => id === 'x' });
    expect(out.map((u) => [u.itemId, u.seq])).toEqual([['n', 6]]);
    expect(t.seqOf('x')).toBe(5);
  });
});
