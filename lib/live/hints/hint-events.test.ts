import { describe, expect, it } from 'vitest';
import { readHintEvent } from './hint-events';

describe('readHintEvent', () => {
  it('reads the events the hint session acts on', () => {
    expect(readHintEvent({ type: 'conversation.item.input_audio_transcription.delta', item_id: 'u1', delta: ' good' })).toEqual({ kind: 'transcript_delta', itemId: 'u1', delta: ' good' });
    expect(readHintEvent({ type: 'conversation.item.input_audio_transcription.completed', item_id: 'u1', transcript: 'good question' })).toEqual({
      kind: 'transcript_done',
      itemId: 'u1',
      transcript: 'good question',
    });
    expect(readHintEvent({ type: 'conversation.item.input_audio_transcription.failed', item_id: 'u1' })).toEqual({ kind: 'transcript_failed', itemId: 'u1' });
    expect(readHintEvent({ type: 'response.created', response: { id: 'r1', metadata: { cue_request_id: 'h1' } } })).toEqual({ kind: 'response_created', responseId: 'r1', requestId: 'h1' });
    expect(readHintEvent({ type: 'response.created', response: { id: 'r2', metadata: null } })).toEqual({ kind: 'response_created', responseId: 'r2', requestId: null });
    expect(readHintEvent({ type: 'response.output_item.added', response_id: 'r1', item: { id: 'i1' } })).toEqual({ kind: 'output_added', responseId: 'r1', itemId: 'i1' });
    expect(readHintEvent({ type: 'response.done', response: { id: 'r1', status: 'cancelled' } })).toEqual({ kind: 'response_done', responseId: 'r1', status: 'cancelled' });
  });

  it('ignores other and malformed events', () => {
    expect(readHintEvent({ type: 'response.output_audio.delta', delta: 'AAAA' })).toBeNull();
    expect(readHintEvent({ type: 'conversation.item.input_audio_transcription.delta', item_id: 3, delta: 'x' })).toBeNull();
    expect(readHintEvent({ type: 'response.created', response: null })).toBeNull();
    expect(readHintEvent(null)).toBeNull();
  });
});
