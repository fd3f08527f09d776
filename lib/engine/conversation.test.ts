import { describe, expect, it } from 'vitest';
import { Conversation, type MessageItem, messageText } from './conversation';

const msg = (id: string, text = id): MessageItem => ({ id, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });

describe('conversation', () => {
  it('appends, inserts after an id or at the root, and reports the previous id', () => {
    const c = new Conversation();
    expect(c.insert(msg('a'))).toEqual({ ok: true, previousItemId: null });
    expect(c.insert(msg('b'), null)).toEqual({ ok: true, previousItemId: 'a' });
    expect(c.insert(msg('z'), 'root')).toEqual({ ok: true, previousItemId: null });
    expect(c.insert(msg('ab'), 'a')).toEqual({ ok: true, previousItemId: 'a' });
    expect(c.items.map((i) => i.id)).toEqual(['z', 'a', 'ab', 'b']);
    expect(c.previousIdOf('b')).toBe('ab');
    expect(c.insert(msg('a'))).toEqual({ ok: false, reason: 'duplicate_id' });
    expect(c.insert(msg('q'), 'nope')).toEqual({ ok: false, reason: 'previous_not_found' });
    expect(c.delete('ab')).toBe(true);
    expect(c.delete('ab')).toBe(false);
    expect(c.previousIdOf('b')).toBe('a');
  });

  it('reads message text from typed text, transcripts, or what was heard', () => {
    const audio: MessageItem = { id: 'u', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript: null }] };
    expect(messageText(audio)).toBe('');
    expect(messageText(audio, { heard: 'hello there' })).toBe('hello there');
    expect(messageText({ ...audio, content: [{ type: 'input_audio', transcript: 'typed' }] }, { heard: 'x' })).toBe('typed');
    expect(messageText(msg('m', 'hi'))).toBe('hi');
  });
});
