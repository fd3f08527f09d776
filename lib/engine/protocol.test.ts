import { describe, expect, it } from 'vitest';
import { CLIENT_EVENT_TYPES, parseClientMessage } from './protocol';

describe('client event parsing', () => {
  it('accepts the events the SDK sends', () => {
    expect(CLIENT_EVENT_TYPES).toContain('conversation.item.truncate');
    const ok = parseClientMessage(JSON.stringify({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] } }));
    expect(ok.ok).toBe(true);
    expect(parseClientMessage(JSON.stringify({ type: 'response.create', response: { conversation: 'none', input: [{ type: 'item_reference', id: 'i1' }] } })).ok).toBe(true);
    expect(parseClientMessage(JSON.stringify({ type: 'input_audio_buffer.append', audio: 'AAAA' })).ok).toBe(true);
  });

  it('names what is wrong', () => {
    const bad = (value: unknown) => {
      const r = parseClientMessage(typeof value === 'string' ? value : JSON.stringify(value));
      return r.ok ? null : r.error;
    };
    expect(bad('[]')).toMatchObject({ code: 'invalid_value', param: null });
    expect(bad({ type: 'conversation.item.delete', event_id: 'e' })).toEqual({
      type: 'invalid_request_error',
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'item_id'.",
      param: 'item_id',
      event_id: 'e',
    });
    expect(bad({ type: 'input_audio_buffer.append', audio: 'not base64!' })).toMatchObject({ code: 'invalid_value', param: 'audio' });
    expect(bad({ type: 'response.create', response: { conversation: 'other' } })).toMatchObject({ param: 'response.conversation' });
    expect(bad({ type: 'conversation.item.create', item: { type: 'message', role: 'assistant', content: [{ type: 'input_text', text: 'x' }] } })).toMatchObject({ param: 'item' });
  });
});
