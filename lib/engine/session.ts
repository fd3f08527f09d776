import { WebSocket } from 'ws';
import { speechDurationMs } from './audio-synth';
import { type ContentPart, Conversation, type EngineItem, toWireItem } from './conversation';
import { createIdFactory } from './event-ids';
import { InputAudio, type InputHost, placeholderTranscript } from './input-audio';
import { type ClientEvent, type ItemInput, parseClientMessage, type ProtocolError, protocolError, type ResponseParams } from './protocol';
import { replyPolicyFor } from './replies/registry';
import { words } from './replies/text-utils';
import type { ReplyRequest } from './replies/types';
import { planResponse, type ResponsePlan, toolCallPlan } from './response-plan';
import { ResponseRunner } from './response-runner';
import { defaultSession, type EffectiveSession, mergeSession } from './session-config';

/**
 * One realtime connection: effective config, the conversation, the input
 * buffer and at most one active response. Every event it sends carries a
 * string `event_id`; every client event gets the service's answer or an
 * `error` event.
 */
export type Faults = { connectDelayMs: number; refuseConnections: boolean; responseDelayMs: number };

export type SessionOptions = {
  ws: WebSocket;
  id: string;
  agent: string;
  model: string;
  expiresAt: number;
  paceFactor: number;
  recordEvents: boolean;
  faults: () => Faults;
  log: (line: string) => void;
};

const MAX_RECORDED_EVENTS = 5000;

export class EngineSession implements InputHost {
  readonly id: string;
  readonly agent: string;
  readonly connectedAt = new Date();
  readonly conversation = new Conversation();
  readonly ids = createIdFactory();
  readonly received: Record<string, unknown>[] = [];
  readonly paceFactor: number;
  readonly input: InputAudio;
  config: EffectiveSession;
  #open = true;
  #active: ResponseRunner | null = null;

  constructor(private readonly opts: SessionOptions) {
    this.id = opts.id;
    this.agent = opts.agent;
    this.paceFactor = opts.paceFactor;
    this.config = defaultSession({ id: opts.id, model: opts.model, expiresAt: opts.expiresAt });
    this.input = new InputAudio(this);
  }

  get open(): boolean {
    return this.#open;
  }

  get activeResponse(): ResponseRunner | null {
    return this.#active;
  }

  start(): void {
    const { ws } = this.opts;
    ws.on('message', (data, isBinary) => this.#onMessage(isBinary ? null : String(data)));
    ws.on('close', () => this.#onClose());
    ws.on('error', (error) => this.opts.log(`session ${this.id}: socket error ${error.message}`));
    this.send({ type: 'session.created', session: this.config });
  }

  send(event: Record<string, unknown>): void {
    if (!this.#open || this.opts.ws.readyState !== WebSocket.OPEN) return;
    const { type, ...rest } = event;
    this.opts.ws.send(JSON.stringify({ type, event_id: this.ids.event(), ...rest }));
  }

  sendError(error: ProtocolError): void {
    this.send({ type: 'error', error });
  }

  hasActiveResponse(): boolean {
    return this.#active !== null;
  }

  cancelActiveResponse(reason: 'turn_detected' | 'client_cancelled'): void {
    this.#active?.cancel(reason);
  }

  autoRespond(): void {
    if (this.#active) {
      this.opts.log(`session ${this.id}: user turn ended during an active response; no new response`);
      return;
    }
    this.createResponse(undefined, 'turn_detection', null);
  }

  /** Start a response, or say why not (another is active, bad input). */
  createResponse(params: ResponseParams | undefined, trigger: ReplyRequest['trigger'], clientEventId: string | null): { ok: true; responseId: string } | { ok: false; error: ProtocolError } {
    if (this.#active) return { ok: false, error: this.#busyError(clientEventId) };
    const planned = planResponse({ session: this.config, conversation: this.conversation, agentId: this.agent, params, trigger, policy: replyPolicyFor(this.agent) });
    if (!planned.ok) return { ok: false, error: { ...planned.error, event_id: clientEventId } };
    return { ok: true, responseId: this.#run(planned.plan) };
  }

  /** Start a response made of exactly one function call (test control). */
  startToolCall(name: string, args: string): { ok: true; responseId: string } | { ok: false; error: ProtocolError } {
    if (this.#active) return { ok: false, error: this.#busyError(null) };
    return { ok: true, responseId: this.#run(toolCallPlan(this.config, name, args)) };
  }

  /** Terminate the socket abruptly: no close frame (test control). */
  drop(): void {
    this.opts.ws.terminate();
    this.#onClose();
  }

  close(code = 1001, reason = 'engine shutting down'): void {
    if (this.opts.ws.readyState === WebSocket.OPEN) this.opts.ws.close(code, reason);
    else this.opts.ws.terminate();
  }

  #busyError(clientEventId: string | null): ProtocolError {
    return protocolError(
      'conversation_already_has_active_response',
      `Conversation already has an active response in progress: ${this.#active?.id}. Wait until the response is finished before creating a new one.`,
      { eventId: clientEventId },
    );
  }

  #run(plan: ResponsePlan): string {
    const runner = new ResponseRunner(plan, {
      send: (e) => this.send(e),
      ids: this.ids,
      conversation: this.conversation,
      conversationId: `conv_${this.id}`,
      paceFactor: this.paceFactor,
      startDelayMs: this.opts.faults().responseDelayMs,
      onFinish: (r) => {
        if (this.#active === r) this.#active = null;
      },
    });
    this.#active = runner;
    runner.start();
    return runner.id;
  }

  #onClose(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#active?.abort();
    this.input.stop();
    this.opts.log(`session ${this.id}: closed`);
  }

  #record(raw: unknown): void {
    if (!this.opts.recordEvents || typeof raw !== 'object' || raw === null) return;
    const event = { ...(raw as Record<string, unknown>) };
    if (event.type === 'input_audio_buffer.append' && typeof event.audio === 'string') {
      event.audio_bytes = Buffer.byteLength(event.audio, 'base64');
      event.audio = `[${event.audio_bytes} bytes elided]`;
    }
    this.received.push(event);
    if (this.received.length > MAX_RECORDED_EVENTS) this.received.splice(0, this.received.length - MAX_RECORDED_EVENTS);
  }

  #onMessage(text: string | null): void {
    if (text === null) {
      this.sendError(protocolError('invalid_value', 'Binary frames are not supported; send JSON text events.'));
      return;
    }
    const parsed = parseClientMessage(text);
    this.#record(parsed.raw);
    if (!parsed.ok) {
      this.sendError(parsed.error);
      return;
    }
    try {
      this.#handle(parsed.event);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.opts.log(`session ${this.id}: failed to handle ${parsed.event.type}: ${message}`);
      this.sendError(protocolError('server_error', `The local engine failed to handle ${parsed.event.type}.`, { type: 'server_error', eventId: parsed.event.event_id }));
    }
  }

  #handle(event: ClientEvent): void {
    const eventId = event.event_id ?? null;
    switch (event.type) {
      case 'session.update':
        this.config = mergeSession(this.config, event.session);
        this.input.reconfigure();
        this.send({ type: 'session.updated', session: this.config });
        return;
      case 'conversation.item.create':
        return this.#createItem(event.item, event.previous_item_id, eventId);
      case 'conversation.item.delete':
        if (!this.conversation.delete(event.item_id)) return this.sendError(this.#notFound(event.item_id, eventId));
        return this.send({ type: 'conversation.item.deleted', item_id: event.item_id });
      case 'conversation.item.retrieve': {
        const item = this.conversation.get(event.item_id);
        if (!item) return this.sendError(this.#notFound(event.item_id, eventId));
        return this.send({ type: 'conversation.item.retrieved', item: toWireItem(item) });
      }
      case 'conversation.item.truncate':
        return this.#truncate(event.item_id, event.content_index, event.audio_end_ms, eventId);
      case 'response.create': {
        const started = this.createResponse(event.response, 'client', eventId);
        if (!started.ok) this.sendError(started.error);
        return;
      }
      case 'response.cancel':
        if (!this.#active || (event.response_id && event.response_id !== this.#active.id)) {
          return this.sendError(protocolError('response_cancel_not_active', 'Cancellation failed: no active response found.', { eventId }));
        }
        return this.#active.cancel('client_cancelled');
      case 'input_audio_buffer.append':
        return this.input.append(event.audio);
      case 'input_audio_buffer.commit':
        return this.input.commit(eventId);
      case 'input_audio_buffer.clear':
        return this.input.clear();
      case 'output_audio_buffer.clear':
        return this.sendError(
          protocolError('unsupported_event', 'output_audio_buffer.clear is only supported over WebRTC; over WebSocket send response.cancel and conversation.item.truncate.', {
            eventId,
            param: 'type',
          }),
        );
    }
  }

  #notFound(itemId: string, eventId: string | null): ProtocolError {
    return protocolError('item_not_found', `Conversation item with id '${itemId}' not found.`, { param: 'item_id', eventId });
  }

  #createItem(input: ItemInput, previousItemId: string | null | undefined, eventId: string | null): void {
    const id = input.id ?? this.ids.item();
    let item: EngineItem;
    let heard: string | undefined;
    if (input.type === 'message') {
      const content: ContentPart[] = input.content.map((p): ContentPart => {
        if (p.type === 'input_audio') {
          if (p.audio && p.transcript == null) heard = placeholderTranscript((Buffer.byteLength(p.audio, 'base64') / 48_000) * 1000);
          return { type: 'input_audio', transcript: p.transcript ?? null };
        }
        if (p.type === 'output_audio') return { type: 'output_audio', transcript: p.transcript ?? null };
        return p;
      });
      item = { id, type: 'message', role: input.role, status: input.status ?? 'completed', content };
    } else if (input.type === 'function_call') {
      item = { id, type: 'function_call', status: input.status ?? 'completed', name: input.name, call_id: input.call_id, arguments: input.arguments };
    } else {
      if (!this.conversation.findCall(input.call_id)) {
        return this.sendError(protocolError('invalid_value', `No function call with call_id '${input.call_id}' found in the conversation.`, { param: 'item.call_id', eventId }));
      }
      item = { id, type: 'function_call_output', status: input.status ?? 'completed', call_id: input.call_id, output: input.output };
    }
    const placed = this.conversation.insert(item, previousItemId);
    if (!placed.ok) {
      return this.sendError(
        placed.reason === 'duplicate_id'
          ? protocolError('item_already_exists', `Item with id '${id}' already exists.`, { param: 'item.id', eventId })
          : protocolError('previous_item_not_found', `The previous item with id '${previousItemId}' does not exist.`, { param: 'previous_item_id', eventId }),
      );
    }
    if (heard) this.conversation.meta(id).heard = heard;
    this.send({ type: 'conversation.item.added', previous_item_id: placed.previousItemId, item: toWireItem(item) });
    this.send({ type: 'conversation.item.done', previous_item_id: placed.previousItemId, item: toWireItem(item) });
  }

  #truncate(itemId: string, contentIndex: number, audioEndMs: number, eventId: string | null): void {
    const item = this.conversation.get(itemId);
    if (!item) return this.sendError(this.#notFound(itemId, eventId));
    const part = item.type === 'message' && item.role === 'assistant' ? item.content[contentIndex] : undefined;
    if (item.type !== 'message' || !part || part.type !== 'output_audio') {
      return this.sendError(protocolError('invalid_value', 'Only assistant audio content can be truncated.', { param: 'content_index', eventId }));
    }
    // The client says playback stopped here: a reply still streaming this item stops too.
    if (this.#active && this.#active.plan.outOfBand === false && item.status === 'in_progress') this.#active.cancel('client_cancelled');
    const meta = this.conversation.meta(itemId);
    const planned = meta.plannedText ?? part.transcript ?? '';
    const plannedMs = meta.plannedMs ?? speechDurationMs(planned);
    const heardMs = Math.min(audioEndMs, meta.streamedMs ?? plannedMs);
    const keep = plannedMs > 0 ? Math.floor((words(planned).length * heardMs) / plannedMs) : 0;
    const transcript = words(planned).slice(0, keep).join(' ');
    item.content[contentIndex] = { type: 'output_audio', transcript: (part.transcript ?? '').startsWith(transcript) ? transcript : (part.transcript ?? '') };
    meta.streamedMs = heardMs;
    this.send({ type: 'conversation.item.truncated', item_id: itemId, content_index: contentIndex, audio_end_ms: audioEndMs });
  }
}
