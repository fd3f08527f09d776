import { CHUNK_MS, msForSamples, pcmToBase64, samplesForMs, speechStream } from './audio-synth';
import type { Conversation, EngineItem, FunctionCallItem, MessageItem } from './conversation';
import { toWireItem } from './conversation';
import type { IdFactory } from './event-ids';
import { responseObject, type ResponseUsage, responseUsage } from './response-object';
import type { ResponsePlan } from './response-plan';

/**
 * Streams one response in the service's event order, paced faster than real
 * time but not instantly, and cancellable at any point: `cancel()` closes the
 * item in flight as incomplete and sends `response.done` (cancelled) at once.
 * Audio is synthesised chunk by chunk on the pacing timer, just before each
 * chunk is sent: a long reply never blocks the event loop for other sessions.
 */
const CHUNK_SAMPLES = samplesForMs(CHUNK_MS);
/** Each chunk is made here and encoded at once: one buffer for every response. */
const CHUNK_SCRATCH = new Int16Array(CHUNK_SAMPLES);

export type AudioRef = { response_id: string; item_id: string; output_index: number; content_index: number };

export type RunnerDeps = {
  send(event: Record<string, unknown>): void;
  /** `response.output_audio.delta` for `ref` (a fast path: same event as `send` would make). */
  sendAudioDelta(ref: AudioRef, base64: string): void;
  ids: IdFactory;
  conversation: Conversation;
  /** Conversation id for in-conversation responses. */
  conversationId: string;
  /** Times faster than real time; 0 or Infinity streams as fast as the event loop allows. */
  paceFactor: number;
  /** Extra wait between `response.created` and the first output (fault injection). */
  startDelayMs: number;
  onFinish(runner: ResponseRunner): void;
  /** An unexpected failure while streaming (the response is closed as failed). */
  onError(error: unknown): void;
};

type Status = 'in_progress' | 'completed' | 'cancelled' | 'incomplete' | 'failed';
type InFlight =
  | { kind: 'message'; index: number; item: MessageItem; text: string; sent: string; streamedMs: number; audioDone: boolean }
  | { kind: 'function_call'; index: number; item: FunctionCallItem };

export class ResponseRunner {
  readonly id: string;
  #status: Status = 'in_progress';
  #output: EngineItem[] = [];
  #inFlight: InFlight | null = null;
  #wake: (() => void) | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    readonly plan: ResponsePlan,
    private readonly deps: RunnerDeps,
  ) {
    this.id = deps.ids.response();
  }

  get status(): Status {
    return this.#status;
  }

  get active(): boolean {
    return this.#status === 'in_progress';
  }

  /** Tokens the response used so far (input + output), as its usage reports them. */
  get totalTokens(): number {
    return this.#usage().total_tokens;
  }

  /** Sends `response.created` now and streams the rest asynchronously. */
  start(): void {
    this.deps.send({ type: 'response.created', response: this.#responseObject() });
    this.#run().catch((error: unknown) => {
      if (!this.active) return;
      this.#status = 'failed';
      this.#stopTimers();
      this.#inFlight = null;
      this.deps.onError(error);
      this.#finish({ type: 'failed', error: { type: 'server_error', code: 'server_error' } });
    });
  }

  /** Stop at once and report the response as cancelled. */
  cancel(reason: 'client_cancelled' | 'turn_detected'): void {
    if (!this.active) return;
    this.#status = 'cancelled';
    this.#stopTimers();
    const flight = this.#inFlight;
    this.#inFlight = null;
    if (flight?.kind === 'message') this.#closeMessage(flight, 'incomplete');
    if (flight?.kind === 'function_call') this.#closeCall(flight, 'incomplete');
    this.#finish({ type: 'cancelled', reason });
  }

  /** Stop silently (socket gone). */
  abort(): void {
    if (!this.active) return;
    this.#status = 'failed';
    this.#stopTimers();
    this.#inFlight = null;
    this.deps.onFinish(this);
  }

  #stopTimers(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
      const done = () => {
        this.#timer = null;
        this.#wake = null;
        resolve();
      };
      if (ms <= 0) this.#timer = setTimeout(done, 0);
      else this.#timer = setTimeout(done, ms);
    });
  }

  get #interval(): number {
    const f = this.deps.paceFactor;
    return f > 0 && Number.isFinite(f) ? CHUNK_MS / f : 0;
  }

  async #run(): Promise<void> {
    if (this.deps.startDelayMs > 0) await this.#sleep(this.deps.startDelayMs);
    for (const [index, output] of this.plan.outputs.entries()) {
      if (!this.active) return;
      if (output.kind === 'message') await this.#streamMessage(index, output.text);
      else this.#emitCall(index, output.name, output.arguments);
    }
    if (!this.active) return;
    this.#status = 'completed';
    this.#finish(null);
  }

  #addItem(index: number, item: EngineItem): void {
    this.deps.send({ type: 'response.output_item.added', response_id: this.id, output_index: index, item: toWireItem(item) });
    if (this.plan.outOfBand) return;
    const placed = this.deps.conversation.insert(item);
    if (placed.ok) this.deps.send({ type: 'conversation.item.added', previous_item_id: placed.previousItemId, item: toWireItem(item) });
  }

  #doneItem(index: number, item: EngineItem): void {
    this.#output.push(item);
    this.deps.send({ type: 'response.output_item.done', response_id: this.id, output_index: index, item: toWireItem(item) });
    if (this.plan.outOfBand || !this.deps.conversation.has(item.id)) return;
    this.deps.send({ type: 'conversation.item.done', previous_item_id: this.deps.conversation.previousIdOf(item.id), item: toWireItem(item) });
  }

  async #streamMessage(index: number, text: string): Promise<void> {
    const audio = this.plan.modality === 'audio';
    const item: MessageItem = { id: this.deps.ids.item(), type: 'message', role: 'assistant', status: 'in_progress', content: [] };
    const flight: InFlight = { kind: 'message', index, item, text, sent: '', streamedMs: 0, audioDone: false };
    this.#inFlight = flight;
    this.#addItem(index, item);
    const voice = audio ? speechStream(text) : null;
    if (!this.plan.outOfBand) Object.assign(this.deps.conversation.meta(item.id), { plannedText: text, plannedMs: voice ? msForSamples(voice.total) : 0, streamedMs: 0 });
    const ref = { response_id: this.id, item_id: item.id, output_index: index, content_index: 0 };
    this.deps.send({ type: 'response.content_part.added', ...ref, part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' } });
    item.content = [audio ? { type: 'output_audio', transcript: '' } : { type: 'output_text', text: '' }];
    const tokens = text.split(' ');
    const chunkCount = voice ? Math.ceil(voice.total / CHUNK_SAMPLES) : Math.ceil(tokens.length / 3);
    const t0 = Date.now();
    let emittedWords = 0;
    for (let c = 0; c < chunkCount; c++) {
      const target = Math.ceil((tokens.length * (c + 1)) / chunkCount);
      if (target > emittedWords) {
        const delta = (emittedWords > 0 ? ' ' : '') + tokens.slice(emittedWords, target).join(' ');
        emittedWords = target;
        flight.sent += delta;
        item.content = [audio ? { type: 'output_audio', transcript: flight.sent } : { type: 'output_text', text: flight.sent }];
        this.deps.send({ type: audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta', ...ref, delta });
      }
      if (voice) {
        const chunk = voice.nextInto(CHUNK_SCRATCH);
        this.deps.sendAudioDelta(ref, pcmToBase64(chunk));
        flight.streamedMs += msForSamples(chunk.length);
        if (!this.plan.outOfBand) this.deps.conversation.meta(item.id).streamedMs = flight.streamedMs;
      }
      await this.#sleep(t0 + (c + 1) * this.#interval - Date.now());
      if (!this.active) return;
    }
    this.#inFlight = null;
    this.#closeMessage(flight, 'completed');
  }

  #closeMessage(flight: Extract<InFlight, { kind: 'message' }>, status: 'completed' | 'incomplete'): void {
    const { item, index } = flight;
    const audio = this.plan.modality === 'audio';
    const ref = { response_id: this.id, item_id: item.id, output_index: index, content_index: 0 };
    const said = flight.sent;
    if (audio) {
      this.deps.send({ type: 'response.output_audio.done', ...ref });
      this.deps.send({ type: 'response.output_audio_transcript.done', ...ref, transcript: said });
    } else {
      this.deps.send({ type: 'response.output_text.done', ...ref, text: said });
    }
    this.deps.send({ type: 'response.content_part.done', ...ref, part: audio ? { type: 'audio', transcript: said } : { type: 'text', text: said } });
    item.status = status;
    item.content = [audio ? { type: 'output_audio', transcript: said } : { type: 'output_text', text: said }];
    this.#doneItem(index, item);
  }

  #emitCall(index: number, name: string, args: string): void {
    const item: FunctionCallItem = { id: this.deps.ids.item(), type: 'function_call', status: 'in_progress', name, call_id: this.deps.ids.call(), arguments: '' };
    const flight: InFlight = { kind: 'function_call', index, item };
    this.#inFlight = flight;
    this.#addItem(index, item);
    const ref = { response_id: this.id, item_id: item.id, output_index: index, call_id: item.call_id };
    this.deps.send({ type: 'response.function_call_arguments.delta', ...ref, delta: args });
    this.deps.send({ type: 'response.function_call_arguments.done', ...ref, name, arguments: args });
    item.arguments = args;
    this.#inFlight = null;
    this.#closeCall(flight, 'completed');
  }

  #closeCall(flight: Extract<InFlight, { kind: 'function_call' }>, status: 'completed' | 'incomplete'): void {
    flight.item.status = status;
    this.#doneItem(flight.index, flight.item);
  }

  #finish(statusDetails: Record<string, unknown> | null): void {
    this.deps.send({ type: 'response.done', response: { ...this.#responseObject(), status_details: statusDetails } });
    this.deps.onFinish(this);
  }

  #responseObject(): Record<string, unknown> {
    const done = this.#status !== 'in_progress';
    return responseObject({
      id: this.id,
      status: this.#status,
      output: this.#output,
      plan: this.plan,
      conversationId: this.deps.conversationId,
      usage: done ? this.#usage() : null,
    });
  }

  #usage(): ResponseUsage {
    return responseUsage(this.plan, this.#output.length);
  }
}
