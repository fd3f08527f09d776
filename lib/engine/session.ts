import { WebSocket } from 'ws';
import type { PersonaBrief } from '@/lib/contracts/persona-brief';
import { Conversation, toWireItem } from './conversation';
import { createIdFactory } from './event-ids';
import { InputAudio, type InputHost } from './input-audio';
import { createItem, itemNotFound, truncateItem } from './item-handlers';
import { type ClientEvent, parseClientMessage, type ProtocolError, protocolError, type ResponseParams } from './protocol';
import { replyPolicyFor } from './replies/registry';
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
  /** The role-play persona from the token, handed to the reply policy. */
  persona: PersonaBrief | null;
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
  readonly onInternalError = (error: unknown) => this.#internalError('a user turn', error, null);

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
    try {
      const started = this.createResponse(undefined, 'turn_detection', null);
      if (!started.ok) this.sendError(started.error);
    } catch (error) {
      this.#internalError('an automatic response', error, null);
    }
  }

  /** A bug in the engine (or a reply policy) becomes a server_error event and a log line, never a crash. */
  #internalError(what: string, error: unknown, eventId: string | null): void {
    const message = error instanceof Error ? error.message : String(error);
    this.opts.log(`session ${this.id}: failed to handle ${what}: ${message}`);
    this.sendError(protocolError('server_error', `The local engine failed to handle ${what}.`, { type: 'server_error', eventId }));
  }

  /** Start a response, or say why not (another is active, bad input). */
  createResponse(params: ResponseParams | undefined, trigger: ReplyRequest['trigger'], clientEventId: string | null): { ok: true; responseId: string } | { ok: false; error: ProtocolError } {
    if (this.#active) return { ok: false, error: this.#busyError(clientEventId) };
    const planned = planResponse({ session: this.config, conversation: this.conversation, agentId: this.agent, persona: this.opts.persona, params, trigger, policy: replyPolicyFor(this.agent) });
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
      onError: (error) => this.#internalError('a response', error, null),
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
      this.#internalError(parsed.event.type, error, parsed.event.event_id ?? null);
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
        return createItem(this, event.item, event.previous_item_id, eventId);
      case 'conversation.item.delete':
        if (!this.conversation.delete(event.item_id)) return this.sendError(itemNotFound(event.item_id, eventId));
        return this.send({ type: 'conversation.item.deleted', item_id: event.item_id });
      case 'conversation.item.retrieve': {
        const item = this.conversation.get(event.item_id);
        if (!item) return this.sendError(itemNotFound(event.item_id, eventId));
        return this.send({ type: 'conversation.item.retrieved', item: toWireItem(item) });
      }
      case 'conversation.item.truncate':
        return truncateItem(this, event, eventId);
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
}
