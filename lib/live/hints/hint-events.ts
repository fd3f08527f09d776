/** The server events the hint session acts on, read defensively from the raw transport event. */
export type HintEvent =
  | { kind: 'transcript_delta'; itemId: string; delta: string }
  | { kind: 'transcript_done'; itemId: string; transcript: string }
  | { kind: 'transcript_failed'; itemId: string }
  | { kind: 'response_created'; responseId: string; requestId: string | null }
  | { kind: 'output_added'; responseId: string; itemId: string }
  | { kind: 'response_done'; responseId: string; status: string | null };

type Raw = {
  type?: unknown;
  item_id?: unknown;
  delta?: unknown;
  transcript?: unknown;
  response_id?: unknown;
  item?: { id?: unknown } | null;
  response?: { id?: unknown; status?: unknown; metadata?: Record<string, unknown> | null } | null;
};

const str = (v: unknown): v is string => typeof v === 'string';

/** Null for every other event (one switch on `type`: cheap on the hot path). */
export function readHintEvent(event: unknown): HintEvent | null {
  const e = event as Raw | null;
  if (!e) return null;
  switch (e.type) {
    case 'conversation.item.input_audio_transcription.delta':
      return str(e.item_id) && str(e.delta) ? { kind: 'transcript_delta', itemId: e.item_id, delta: e.delta } : null;
    case 'conversation.item.input_audio_transcription.completed':
      return str(e.item_id) ? { kind: 'transcript_done', itemId: e.item_id, transcript: str(e.transcript) ? e.transcript : '' } : null;
    case 'conversation.item.input_audio_transcription.failed':
      return str(e.item_id) ? { kind: 'transcript_failed', itemId: e.item_id } : null;
    case 'response.created': {
      const id = e.response?.id;
      const requestId = e.response?.metadata?.cue_request_id;
      return str(id) ? { kind: 'response_created', responseId: id, requestId: str(requestId) ? requestId : null } : null;
    }
    case 'response.output_item.added':
      return str(e.response_id) && str(e.item?.id) ? { kind: 'output_added', responseId: e.response_id, itemId: e.item.id } : null;
    case 'response.done': {
      const id = e.response?.id;
      const status = e.response?.status;
      return str(id) ? { kind: 'response_done', responseId: id, status: str(status) ? status : null } : null;
    }
    default:
      return null;
  }
}
