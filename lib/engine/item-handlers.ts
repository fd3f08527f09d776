import { speechDurationMs } from './audio-synth';
import { type ContentPart, type Conversation, type EngineItem, toWireItem } from './conversation';
import type { IdFactory } from './event-ids';
import { placeholderTranscript } from './input-audio';
import { checkItemText, conversationFull, type EngineLimits } from './limits';
import { type ItemInput, type ProtocolError, protocolError } from './protocol';
import { words } from './replies/text-utils';
import { wordsSpokenBy } from './speech/synthesis/timeline';
import type { ResponseRunner } from './response-runner';

/** `conversation.item.create` and `conversation.item.truncate`, as the service answers them. */
export interface ItemHost {
  readonly ids: IdFactory;
  readonly conversation: Conversation;
  readonly activeResponse: ResponseRunner | null;
  readonly limits: EngineLimits;
  send(event: Record<string, unknown>): void;
  sendError(error: ProtocolError): void;
}

export function itemNotFound(itemId: string, eventId: string | null): ProtocolError {
  return protocolError('item_not_found', `Conversation item with id '${itemId}' not found.`, { param: 'item_id', eventId });
}

function toEngineItem(host: ItemHost, input: ItemInput, eventId: string | null): { item: EngineItem; heard?: string } | ProtocolError {
  const id = input.id ?? host.ids.item();
  if (input.type === 'function_call') {
    return { item: { id, type: 'function_call', status: input.status ?? 'completed', name: input.name, call_id: input.call_id, arguments: input.arguments } };
  }
  if (input.type === 'function_call_output') {
    if (!host.conversation.findCall(input.call_id)) {
      return protocolError('invalid_value', `No function call with call_id '${input.call_id}' found in the conversation.`, { param: 'item.call_id', eventId });
    }
    return { item: { id, type: 'function_call_output', status: input.status ?? 'completed', call_id: input.call_id, output: input.output } };
  }
  let heard: string | undefined;
  const content = input.content.map((p): ContentPart => {
    if (p.type === 'input_audio') {
      // Audio given without a transcript: the engine "hears" it as an honest placeholder (PCM16 24 kHz = 48 bytes/ms).
      if (p.audio && p.transcript == null) heard = placeholderTranscript(Buffer.byteLength(p.audio, 'base64') / 48);
      return { type: 'input_audio', transcript: p.transcript ?? null };
    }
    if (p.type === 'output_audio') return { type: 'output_audio', transcript: p.transcript ?? null };
    return p;
  });
  return { item: { id, type: 'message', role: input.role, status: input.status ?? 'completed', content }, heard };
}

export function createItem(host: ItemHost, input: ItemInput, previousItemId: string | null | undefined, eventId: string | null): void {
  const tooLarge = checkItemText(input, host.limits, 'item', eventId);
  if (tooLarge) return host.sendError(tooLarge);
  if (host.conversation.items.length >= host.limits.maxConversationItems) return host.sendError(conversationFull(host.limits, eventId, 'item'));
  const built = toEngineItem(host, input, eventId);
  if ('code' in built) return host.sendError(built);
  const { item, heard } = built;
  const placed = host.conversation.insert(item, previousItemId);
  if (!placed.ok) {
    return host.sendError(
      placed.reason === 'duplicate_id'
        ? protocolError('item_already_exists', `Item with id '${item.id}' already exists.`, { param: 'item.id', eventId })
        : protocolError('previous_item_not_found', `The previous item with id '${previousItemId}' does not exist.`, { param: 'previous_item_id', eventId }),
    );
  }
  if (heard) host.conversation.meta(item.id).heard = heard;
  host.send({ type: 'conversation.item.added', previous_item_id: placed.previousItemId, item: toWireItem(item) });
  host.send({ type: 'conversation.item.done', previous_item_id: placed.previousItemId, item: toWireItem(item) });
}

/**
 * Cut an assistant audio item at `audio_end_ms` (what the user actually
 * heard): the transcript keeps the words spoken by then (from the synthesised
 * pieces' timeline, or at 400 ms a word of the planned reply for the tone). A reply still streaming that item stops.
 */
export function truncateItem(host: ItemHost, event: { item_id: string; content_index: number; audio_end_ms: number }, eventId: string | null): void {
  const { item_id: itemId, content_index: contentIndex, audio_end_ms: audioEndMs } = event;
  const item = host.conversation.get(itemId);
  if (!item) return host.sendError(itemNotFound(itemId, eventId));
  const part = item.type === 'message' && item.role === 'assistant' ? item.content[contentIndex] : undefined;
  if (item.type !== 'message' || !part || part.type !== 'output_audio') {
    return host.sendError(protocolError('invalid_value', 'Only assistant audio content can be truncated.', { param: 'content_index', eventId }));
  }
  if (host.activeResponse && !host.activeResponse.plan.outOfBand && item.status === 'in_progress') host.activeResponse.cancel('client_cancelled');
  const meta = host.conversation.meta(itemId);
  const planned = meta.plannedText ?? part.transcript ?? '';
  const plannedMs = meta.plannedMs ?? speechDurationMs(planned);
  const heardMs = Math.min(audioEndMs, meta.streamedMs ?? plannedMs);
  const keep = meta.spoken ? wordsSpokenBy(meta.spoken, heardMs) : plannedMs > 0 ? Math.floor((words(planned).length * heardMs) / plannedMs) : 0;
  const kept = words(planned).slice(0, keep).join(' ');
  const streamed = (item.content[contentIndex] as { transcript: string | null }).transcript ?? '';
  item.content[contentIndex] = { type: 'output_audio', transcript: streamed.startsWith(kept) ? kept : streamed };
  meta.streamedMs = heardMs;
  host.send({ type: 'conversation.item.truncated', item_id: itemId, content_index: contentIndex, audio_end_ms: audioEndMs });
}
