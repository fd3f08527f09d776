import { toWireItem } from './conversation';
import { createItem, itemNotFound, truncateItem } from './item-handlers';
import { type ClientEvent, protocolError } from './protocol';
import type { EngineSession } from './session';

/** One validated client event, answered as the service answers it. */
export function handleClientEvent(session: EngineSession, event: ClientEvent): void {
  const eventId = event.event_id ?? null;
  switch (event.type) {
    case 'session.update':
      return session.update(event.session, eventId);
    case 'conversation.item.create':
      return createItem(session, event.item, event.previous_item_id, eventId);
    case 'conversation.item.delete':
      if (!session.conversation.delete(event.item_id)) return session.sendError(itemNotFound(event.item_id, eventId));
      return session.send({ type: 'conversation.item.deleted', item_id: event.item_id });
    case 'conversation.item.retrieve': {
      const item = session.conversation.get(event.item_id);
      if (!item) return session.sendError(itemNotFound(event.item_id, eventId));
      return session.send({ type: 'conversation.item.retrieved', item: toWireItem(item) });
    }
    case 'conversation.item.truncate':
      return truncateItem(session, event, eventId);
    case 'response.create': {
      const started = session.createResponse(event.response, 'client', eventId);
      if (!started.ok) session.sendError(started.error);
      return;
    }
    case 'response.cancel': {
      const refused = session.responses.cancel(event.response_id, eventId);
      return refused ? session.sendError(refused) : undefined;
    }
    case 'input_audio_buffer.append':
      return session.input.append(event.audio);
    case 'input_audio_buffer.commit':
      return session.input.commit(eventId);
    case 'input_audio_buffer.clear':
      return session.input.clear();
    case 'output_audio_buffer.clear':
      return session.sendError(
        protocolError('unsupported_event', 'output_audio_buffer.clear is only supported over WebRTC; over WebSocket send response.cancel and conversation.item.truncate.', {
          eventId,
          param: 'type',
        }),
      );
  }
}

/** A received event as test controls show it: appended audio elided to its size. */
export function recordedEvent(raw: Record<string, unknown>): Record<string, unknown> {
  const event = { ...raw };
  if (event.type === 'input_audio_buffer.append' && typeof event.audio === 'string') {
    event.audio_bytes = Buffer.byteLength(event.audio, 'base64');
    event.audio = `[${event.audio_bytes} bytes elided]`;
  }
  return event;
}
