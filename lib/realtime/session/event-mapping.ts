import type { RealtimeItem, TransportEvent } from '@openai/agents-realtime';
import type { TranscriptDelta } from '../store/transcript';

/** Pure mappings from SDK events/items to what the store and a reconnect need. */

/** Live words the history does not carry: the user's transcription and the assistant's reply. */
export function transcriptDeltaOf(event: TransportEvent): TranscriptDelta | null {
  const e = event as { type: string; item_id?: unknown; delta?: unknown };
  if (typeof e.item_id !== 'string' || typeof e.delta !== 'string') return null;
  switch (e.type) {
    case 'conversation.item.input_audio_transcription.delta':
      return { itemId: e.item_id, role: 'user', delta: e.delta };
    case 'response.output_audio_transcript.delta':
    case 'response.output_text.delta':
      return { itemId: e.item_id, role: 'assistant', delta: e.delta };
    default:
      return null;
  }
}

/** WebRTC has no `audio` events; the server's output buffer events say when the assistant is audible. */
export function webrtcPlaybackOf(event: TransportEvent): 'started' | 'stopped' | null {
  switch (event.type) {
    case 'output_audio_buffer.started':
      return 'started';
    case 'output_audio_buffer.stopped':
    case 'output_audio_buffer.cleared':
      return 'stopped';
    default:
      return null;
  }
}

/**
 * History to replay into a fresh session after a dropped connection. Audio cannot be
 * re-sent, so spoken turns come back as their transcripts (text parts); items without words
 * and tool calls (which the SDK cannot recreate) are left out.
 */
export function toRestorableHistory(history: readonly RealtimeItem[]): RealtimeItem[] {
  const out: RealtimeItem[] = [];
  for (const item of history) {
    if (item.type !== 'message') continue;
    if (item.role === 'system') {
      out.push(item);
      continue;
    }
    if (item.role === 'user') {
      const text = item.content
        .map((p) => (p.type === 'input_text' ? p.text : (p.transcript ?? '')))
        .join(' ')
        .trim();
      if (text) out.push({ itemId: item.itemId, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text }] });
      continue;
    }
    const text = item.content
      .map((p) => (p.type === 'output_text' ? p.text : (p.transcript ?? '')))
      .join(' ')
      .trim();
    if (text) out.push({ itemId: item.itemId, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] });
  }
  return out;
}
