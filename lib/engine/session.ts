import { WebSocket } from 'ws';
import { handleClientEvent, recordedEvent } from './client-events';
import { Conversation } from './conversation';
import { createIdFactory } from './event-ids';
import { InputAudio, type InputHost, type TranscriptionLag } from './input-audio';
import { checkInstructions, type EngineLimits, LIMIT_ERROR_CODES } from './limits';
import { parseClientMessage, type ProtocolError, protocolError, type SessionUpdate } from './protocol';
import { RateLimits } from './rate-limits';
import type { ReplyRequest } from './replies/types';
import type { AudioRef, ResponseRunner } from './response-runner';
import { Responses, type ResponsesHost, type Started } from './responses';
import { type EffectiveSession, initialSession, mergeSession } from './session-config';
import type { Synthesizer } from './speech/synthesis/synthesizer';
import type { RecognizerFactory } from './speech/recognition/recognizer';
import type { PersonaBrief } from '@/lib/contracts/persona-brief';

/**
 * One realtime connection: effective config (from the token's session claim,
 * then `session.update`s), the conversation, the input buffer and its
 * responses. Every event it sends carries a string `event_id`; every client
 * event gets the service's answer or an `error` event. It ends itself when its
 * allowed length is over (`session_expired`), and once closed holds no timers.
 */
export type Faults = { connectDelayMs: number; refuseConnections: boolean; responseDelayMs: number; transcriptionLagMs: number | null };

export type SessionOptions = {
  ws: WebSocket;
  /** The socket under `ws`: events sent in one synchronous run are corked into one write. */
  socket?: { cork(): void; uncork(): void };
  id: string;
  agent: string;
  model: string;
  /** The GA session config the token carried. */
  minted?: SessionUpdate;
  /** The role-play persona from the token, handed to the reply policy. */
  persona?: PersonaBrief | null;
  /** How long the session may run, ms. */
  maxDurationMs: number;
  paceFactor: number;
  /** Speech for replies (null: the voice-like tone). */
  synthesizer: Synthesizer | null;
  limits: EngineLimits;
  transcriptionLag: TranscriptionLag;
  /** Makes the session's speech recogniser (null: placeholder transcripts). */
  recognizerFactory?: RecognizerFactory | null;
  recordEvents: boolean;
  faults: () => Faults;
  log: (line: string) => void;
  onClosed: (session: EngineSession) => void;
};

const MAX_RECORDED_EVENTS = 5000;

export class EngineSession implements InputHost, ResponsesHost {
  readonly id: string;
  readonly agent: string;
  readonly persona: PersonaBrief | null;
  readonly connectedAt = new Date();
  readonly conversation = new Conversation();
  readonly ids = createIdFactory();
  readonly received: Record<string, unknown>[] = [];
  readonly paceFactor: number;
  readonly synthesizer: Synthesizer | null;
  readonly limits: EngineLimits;
  readonly recognizerFactory: RecognizerFactory | null;
  readonly input: InputAudio;
  readonly responses: Responses;
  readonly #rateLimits = new RateLimits();
  config: EffectiveSession;
  #open = true;
  #expiry: NodeJS.Timeout | null = null;
  #corked = false;
  readonly #uncork = () => {
    this.#corked = false;
    this.opts.socket?.uncork();
  };
  readonly onInternalError = (error: unknown) => this.internalError('a user turn', error, null);

  constructor(private readonly opts: SessionOptions) {
    this.id = opts.id;
    this.agent = opts.agent;
    this.persona = opts.persona ?? null;
    this.paceFactor = opts.paceFactor;
    this.synthesizer = opts.synthesizer;
    this.limits = opts.limits;
    this.recognizerFactory = opts.recognizerFactory ?? null;
    const expiresAt = Math.floor((this.connectedAt.getTime() + opts.maxDurationMs) / 1000);
    this.config = initialSession({ id: opts.id, model: opts.model, expiresAt, minted: opts.minted });
    this.input = new InputAudio(this);
    this.responses = new Responses(this);
  }

  get open(): boolean {
    return this.#open;
  }

  /** The in-progress default-conversation response. */
  get activeResponse(): ResponseRunner | null {
    return this.responses.active;
  }

  start(): void {
    const { ws } = this.opts;
    ws.on('message', (data, isBinary) => this.#onMessage(isBinary ? null : String(data)));
    ws.on('close', () => this.#onClose());
    ws.on('error', (error) => this.opts.log(`session ${this.id}: socket error ${error.message}`));
    this.#expiry = setTimeout(() => this.#expire(), this.opts.maxDurationMs);
    this.send({ type: 'session.created', session: this.config });
    this.send({ type: 'conversation.created', conversation: { id: `conv_${this.id}`, object: 'realtime.conversation' } });
  }

  send(event: Record<string, unknown>): void {
    const { type, ...rest } = event;
    this.#write(() => JSON.stringify({ type, event_id: this.ids.event(), ...rest }));
  }

  /**
   * `response.output_audio.delta`, serialised by hand: JSON.stringify would scan the
   * ~6 kB of base64 (which never needs escaping) and costs more than making the audio.
   */
  sendAudioDelta(ref: AudioRef, base64: string): void {
    this.#write(
      () =>
        `{"type":"response.output_audio.delta","event_id":${JSON.stringify(this.ids.event())},"response_id":${JSON.stringify(ref.response_id)},` +
        `"item_id":${JSON.stringify(ref.item_id)},"output_index":${ref.output_index},"content_index":${ref.content_index},"delta":"${base64}"}`,
    );
  }

  #write(json: () => string): void {
    const { ws } = this.opts;
    if (!this.#open || ws.readyState !== WebSocket.OPEN) return;
    if (!this.#corked && this.opts.socket) {
      // A transcript delta and its audio chunk, or an item's done events, leave in one write.
      this.#corked = true;
      this.opts.socket.cork();
      queueMicrotask(this.#uncork); // before any code awaiting this send's caller runs
    }
    ws.send(json());
    if (ws.bufferedAmount > this.limits.maxBufferedBytes) {
      this.opts.log(`session ${this.id}: client not reading (${ws.bufferedAmount} bytes queued); closing`);
      ws.terminate();
      this.#onClose();
    }
  }

  sendError(error: ProtocolError): void {
    this.send({ type: 'error', error });
  }

  transcriptionLag(): TranscriptionLag {
    return this.opts.faults().transcriptionLagMs ?? this.opts.transcriptionLag;
  }

  log(line: string): void {
    this.opts.log(line);
  }

  responseDelayMs(): number {
    return this.opts.faults().responseDelayMs;
  }

  interrupt(): void {
    this.responses.interrupt();
  }

  responseFinished(runner: ResponseRunner): void {
    if (this.#open && runner.status !== 'failed') this.send(this.#rateLimits.record(runner.totalTokens));
  }

  autoRespond(): void {
    if (this.responses.active) {
      this.opts.log(`session ${this.id}: user turn ended during an active response; no new response`);
      return;
    }
    try {
      const started = this.createResponse(undefined, 'turn_detection', null);
      if (!started.ok) this.sendError(started.error);
    } catch (error) {
      this.internalError('an automatic response', error, null);
    }
  }

  /** A bug in the engine (or a reply policy) becomes a server_error event and a log line, never a crash. */
  internalError(what: string, error: unknown, eventId: string | null): void {
    const message = error instanceof Error ? error.message : String(error);
    this.opts.log(`session ${this.id}: failed to handle ${what}: ${message}`);
    this.sendError(protocolError('server_error', `The local engine failed to handle ${what}.`, { type: 'server_error', eventId }));
  }

  createResponse(params: Parameters<Responses['create']>[0], trigger: ReplyRequest['trigger'], clientEventId: string | null): Started {
    return this.responses.create(params, trigger, clientEventId);
  }

  /** Start a response made of exactly one function call (test control). */
  startToolCall(name: string, args: string): Started {
    return this.responses.toolCall(name, args);
  }

  /** Terminate the socket abruptly: no close frame (test control). */
  drop(): void {
    this.opts.ws.terminate();
    this.#onClose();
  }

  close(code = 1001, reason = 'engine shutting down'): void {
    if (this.opts.ws.readyState === WebSocket.OPEN) this.opts.ws.close(code, reason);
    else this.opts.ws.terminate();
    this.#onClose();
  }

  /** Apply a validated `session.update` and answer with the effective config (or why not). */
  update(update: SessionUpdate, eventId: string | null): void {
    const tooLong = checkInstructions(update.instructions, this.limits, 'session.instructions', eventId);
    if (tooLong) return this.sendError(tooLong);
    this.config = mergeSession(this.config, update);
    this.input.reconfigure();
    this.send({ type: 'session.updated', session: this.config });
  }

  #expire(): void {
    this.#expiry = null;
    const minutes = Math.round(this.opts.maxDurationMs / 60_000);
    const seconds = Math.round(this.opts.maxDurationMs / 1000);
    const length = minutes >= 1 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${seconds} second${seconds === 1 ? '' : 's'}`;
    this.opts.log(`session ${this.id}: reached its maximum duration`);
    this.sendError(protocolError(LIMIT_ERROR_CODES.sessionExpired, `Your session hit the maximum duration of ${length}.`));
    this.close(1000, LIMIT_ERROR_CODES.sessionExpired);
  }

  #onClose(): void {
    if (!this.#open) return;
    this.#open = false;
    if (this.#expiry) clearTimeout(this.#expiry);
    this.#expiry = null;
    this.responses.abortAll();
    this.input.stop();
    this.opts.log(`session ${this.id}: closed`);
    this.opts.onClosed(this);
  }

  #record(raw: unknown): void {
    if (!this.opts.recordEvents || typeof raw !== 'object' || raw === null) return;
    this.received.push(recordedEvent(raw as Record<string, unknown>));
    if (this.received.length > MAX_RECORDED_EVENTS) this.received.splice(0, this.received.length - MAX_RECORDED_EVENTS);
  }

  #onMessage(text: string | null): void {
    if (!this.#open) return;
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
      handleClientEvent(this, parsed.event);
    } catch (error) {
      this.internalError(parsed.event.type, error, parsed.event.event_id ?? null);
    }
  }
}
