import { describe, expect, it } from 'vitest';
import { appendLogEntry, base64ByteLength, parseOutgoingFrame, redactEvent } from './event-log';
import type { EventLogEntry } from './types';

const entry = (type: string, direction: 'client' | 'server' = 'server', at = 1) => ({ at, direction, type, payload: { type } });

describe('appendLogEntry', () => {
  it('appends newest last with the given id', () => {
    const a = appendLogEntry([], entry('session.updated'), 1);
    const b = appendLogEntry(a, entry('response.created'), 2);
    expect(b.map((e) => [e.id, e.type, e.count])).toEqual([
      [1, 'session.updated', 1],
      [2, 'response.created', 1],
    ]);
  });

  it('drops the oldest entries past the cap', () => {
    let events: EventLogEntry[] = [];
    for (let i = 1; i <= 7; i++) events = appendLogEntry(events, entry(`t${i}`), i, 5);
    expect(events.map((e) => e.type)).toEqual(['t3', 't4', 't5', 't6', 't7']);
  });

  it('folds audio chunks into their stream entry across interleaved streaming events', () => {
    let events: EventLogEntry[] = [];
    events = appendLogEntry(events, entry('input_audio_buffer.append', 'client', 10), 1);
    events = appendLogEntry(events, entry('input_audio_buffer.append', 'client', 20), 2);
    events = appendLogEntry(events, entry('response.output_audio.delta', 'server', 30), 3);
    events = appendLogEntry(events, entry('response.output_audio_transcript.delta', 'server', 35), 4);
    events = appendLogEntry(events, entry('input_audio_buffer.append', 'client', 40), 5);
    events = appendLogEntry(events, entry('response.output_audio.delta', 'server', 50), 6);
    expect(events.map((e) => [e.id, e.type, e.count, e.at])).toEqual([
      [1, 'input_audio_buffer.append', 3, 10],
      [3, 'response.output_audio.delta', 2, 30],
      [4, 'response.output_audio_transcript.delta', 1, 35],
    ]);
  });

  it('starts a new audio entry after a non-streaming event', () => {
    let events: EventLogEntry[] = [];
    events = appendLogEntry(events, entry('input_audio_buffer.append', 'client'), 1);
    events = appendLogEntry(events, entry('response.done', 'server'), 2);
    events = appendLogEntry(events, entry('input_audio_buffer.append', 'client'), 3);
    expect(events.map((e) => [e.id, e.count])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('never folds non-audio events', () => {
    let events: EventLogEntry[] = [];
    events = appendLogEntry(events, entry('response.output_audio_transcript.delta'), 1);
    events = appendLogEntry(events, entry('response.output_audio_transcript.delta'), 2);
    expect(events).toHaveLength(2);
  });
});

describe('redaction', () => {
  it('counts base64 bytes', () => {
    expect(base64ByteLength(Buffer.from('abcd').toString('base64'))).toBe(4);
    expect(base64ByteLength(Buffer.from('abcde').toString('base64'))).toBe(5);
    expect(base64ByteLength(Buffer.alloc(4800).toString('base64'))).toBe(4800);
  });

  it('replaces audio payloads with their size and leaves other events alone', () => {
    const delta = Buffer.alloc(960).toString('base64');
    expect(redactEvent({ type: 'response.output_audio.delta', delta, item_id: 'i' })).toEqual({
      type: 'response.output_audio.delta',
      delta: '[audio: 960 bytes]',
      item_id: 'i',
    });
    const plain = { type: 'response.output_audio_transcript.delta', delta: 'hello' };
    expect(redactEvent(plain)).toBe(plain);
    const withItem = redactEvent({ type: 'conversation.item.retrieved', item: { id: 'x', content: [{ type: 'input_audio', audio: 'AAAA', transcript: 'hi' }] } });
    expect(withItem).toEqual({ type: 'conversation.item.retrieved', item: { id: 'x', content: [{ type: 'input_audio', audio: '[audio: 3 bytes]', transcript: 'hi' }] } });
  });

  it('parses outgoing frames, summarising audio appends without keeping the audio', () => {
    const audio = Buffer.alloc(3840).toString('base64');
    expect(parseOutgoingFrame(JSON.stringify({ type: 'input_audio_buffer.append', audio }))).toEqual({
      type: 'input_audio_buffer.append',
      payload: { type: 'input_audio_buffer.append', audio: '[audio: 3840 bytes]' },
    });
    expect(parseOutgoingFrame(JSON.stringify({ type: 'response.create', response: { conversation: 'none' } }))).toEqual({
      type: 'response.create',
      payload: { type: 'response.create', response: { conversation: 'none' } },
    });
    expect(parseOutgoingFrame('not json')).toBeNull();
    expect(parseOutgoingFrame(new ArrayBuffer(4))).toBeNull();
  });
});
