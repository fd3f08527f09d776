import type { RealtimeItem } from '@openai/agents-realtime';
import { describe, expect, it } from 'vitest';
import { buildHintRequestInstructions } from '@/agents/hint-assistant';
import { buildHintResponse, MAX_MESSAGE_CHARS, maxScannedItems } from './hint-request';

const settings = { quickSeconds: 8, fullSeconds: 30, quickContextSize: 3, fullContextSize: 10 };

function userAudio(id: string, transcript: string | null): RealtimeItem {
  return { itemId: id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript }] };
}
function userText(id: string, text: string): RealtimeItem {
  return { itemId: id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] };
}
function assistantAudio(id: string, transcript: string): RealtimeItem {
  return { itemId: id, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_audio', transcript }] };
}
function meeting(n: number): RealtimeItem[] {
  return Array.from({ length: n }, (_, i) => userAudio(`u${i}`, `utterance ${i}`));
}

describe('buildHintResponse', () => {
  it('sends an out-of-band response with only the last 3 messages for a quick hint, oldest first, as text', () => {
    const res = buildHintResponse({ kind: 'quick', settings, history: meeting(50), trigger: 'good question' });
    expect(res.conversation).toBe('none');
    expect(res.input).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'utterance 47' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'utterance 48' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'utterance 49' }] },
    ]);
    expect(res.metadata).toEqual({ cue_hint: 'quick', cue_trigger: 'good question' });
  });

  it('uses the full context size and duration for full guidance', () => {
    const res = buildHintResponse({ kind: 'full', settings, history: meeting(50), requestId: 'h-7' });
    expect(res.input).toHaveLength(10);
    expect(res.input[0]).toEqual({ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'utterance 40' }] });
    expect(res.instructions).toContain(buildHintRequestInstructions({ kind: 'full', maxSeconds: 30 }));
    expect(res.instructions).toContain('This response IS an explicit hint request.');
    expect(res.metadata).toEqual({ cue_hint: 'full', cue_request_id: 'h-7' });
  });

  it('bounds the instructions by the configured quick duration', () => {
    const res = buildHintResponse({ kind: 'quick', settings: { ...settings, quickSeconds: 4 }, history: [] });
    expect(res.instructions).toContain('Speak for at most 4 seconds (about 10 words)');
    expect(res.input).toEqual([]);
  });

  it('keeps assistant hints as output_text and skips system messages, tool calls and empty items', () => {
    const history: RealtimeItem[] = [
      userText('t0', 'typed note'),
      assistantAudio('a1', 'Ask about their budget.'),
      { itemId: 's1', type: 'message', role: 'system', content: [{ type: 'input_text', text: 'system text' }] },
      { itemId: 'f1', type: 'function_call', status: 'completed', name: 'lookup', arguments: '{}', output: null },
      userAudio('u2', null),
      userAudio('u3', '   '),
      userAudio('u4', 'What would it cost?'),
    ];
    const res = buildHintResponse({ kind: 'quick', settings, history });
    expect(res.input).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'typed note' }] },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Ask about their budget.' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'What would it cost?' }] },
    ]);
  });

  it('uses the live transcript of an utterance still being transcribed', () => {
    const history = [...meeting(5), userAudio('live', null)];
    const res = buildHintResponse({
      kind: 'quick',
      settings,
      history,
      liveTranscripts: new Map([['live', ' That is a  good question ']]),
    });
    expect(res.input.map((m) => m.content[0].text)).toEqual(['utterance 3', 'utterance 4', 'That is a good question']);
  });

  it('keeps the most recent part of a very long message', () => {
    const long = `${'a'.repeat(5_000)} the end`;
    const res = buildHintResponse({ kind: 'quick', settings, history: [userAudio('x', long)] });
    const text = res.input[0]?.content[0].text ?? '';
    expect(text).toHaveLength(MAX_MESSAGE_CHARS);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('a the end')).toBe(true);
  });

  it('reads O(N) items from the end, however long the meeting', () => {
    const items = meeting(100_000);
    const touched = new Set<number>();
    const history = new Proxy(items, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) touched.add(Number(prop));
        return Reflect.get(target, prop, receiver);
      },
    });
    buildHintResponse({ kind: 'full', settings, history });
    expect(touched.size).toBe(10);
    expect(Math.min(...touched)).toBe(99_990);

    // Even when nothing has text, the walk stops after maxScannedItems(N).
    touched.clear();
    const silent = new Proxy(
      Array.from({ length: 1_000 }, (_, i) => userAudio(`s${i}`, null)),
      {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && /^\d+$/.test(prop)) touched.add(Number(prop));
          return Reflect.get(target, prop, receiver);
        },
      },
    );
    expect(buildHintResponse({ kind: 'quick', settings, history: silent }).input).toEqual([]);
    expect(touched.size).toBe(maxScannedItems(3));
  });
});
