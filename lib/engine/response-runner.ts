import { CHUNK_MS, speechDurationMs } from './audio-synth';
import type { Conversation, EngineItem, FunctionCallItem, MessageItem } from './conversation';
import { toWireItem } from './conversation';
import type { IdFactory } from './event-ids';
import { responseObject, type ResponseUsage, responseUsage } from './response-object';
import type { ResponsePlan } from './response-plan';
import { streamSpeech } from './speech-stream';
import type { SpokenReply } from './speech/synthesis/spoken-reply';
import type { Synthesizer } from './speech/synthesis/synthesizer';

/**
 * Streams one response in the service's event order, paced faster than real
 * time but not instantly, and cancellable at any point: `cancel()` closes the
 * item in flight as incomplete and sends `response.done` (cancelled) at once.
 * Speech is synthesised piece by piece (flite or espeak-ng processes, off the
 * event loop), each piece while the one before streams; the voice-like tone
 * stands in for a piece that cannot be synthesised.
 */

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
  /** The engine's speech synthesiser, or null to speak the tone. */
  synthesizer: Synthesizer | null;
  /** A piece fell back to the tone (synthesiser failed, timed out or overloaded). */
  onSpeechFallback?(error: unknown): void;
  /** Extra wait between `response.created` and the first output (fault injection). */
  startDelayMs: number;
  onFinish(runner: ResponseRunner): void;
  /** An unexpected failure while streaming (the response is closed as failed). */
  onError(error: unknown): void;
};

type Status = 'in_progress' | 'completed' | 'cancelled' | 'incomplete' | 'failed';
type MessageFlight = { kind: 'message'; index: number; item: MessageItem; text: string; sent: string; streamedMs: number; reply: SpokenReply | null };
type InFlight = MessageFlight | { kind: 'function_call'; index: number; item: FunctionCallItem };

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
    if (this.#inFlight?.kind === 'message') this.#inFlight.reply?.close();
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
    const flight: MessageFlight = { kind: 'message', index, item, text, sent: '', streamedMs: 0, reply: null };
    this.#inFlight = flight;
    this.#addItem(index, item);
    if (!this.plan.outOfBand) Object.assign(this.deps.conversation.meta(item.id), { plannedText: text, plannedMs: audio ? speechDurationMs(text) : 0, streamedMs: 0 });
    const ref = { response_id: this.id, item_id: item.id, output_index: index, content_index: 0 };
    this.deps.send({ type: 'response.content_part.added', ...ref, part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' } });
    item.content = [audio ? { type: 'output_audio', transcript: '' } : { type: 'output_text', text: '' }];
    if (audio) await this.#streamSpeech(flight, ref);
    else await this.#streamText(flight, ref);
    if (!this.active) return;
    if (audio && !this.plan.outOfBand) this.deps.conversation.meta(item.id).plannedMs = flight.streamedMs;
    this.#inFlight = null;
    this.#closeMessage(flight, 'completed');
  }

  /** The next words of the transcript (or text), as a delta. */
  #say(flight: MessageFlight, ref: AudioRef, words: readonly string[]): void {
    if (words.length === 0) return;
    const audio = this.plan.modality === 'audio';
    const delta = (flight.sent === '' ? '' : ' ') + words.join(' ');
    flight.sent += delta;
    flight.item.content = [audio ? { type: 'output_audio', transcript: flight.sent } : { type: 'output_text', text: flight.sent }];
    this.deps.send({ type: audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta', ...ref, delta });
  }

  async #streamText(flight: MessageFlight, ref: AudioRef): Promise<void> {
    const tokens = flight.text.split(' ');
    const t0 = Date.now();
    for (let c = 0, at = 0; at < tokens.length; c++, at += 3) {
      this.#say(flight, ref, tokens.slice(at, at + 3));
      await this.#sleep(t0 + (c + 1) * this.#interval - Date.now());
      if (!this.active) return;
    }
  }

  #streamSpeech(flight: MessageFlight, ref: AudioRef): Promise<void> {
    return streamSpeech(flight, {
      meta: this.plan.outOfBand ? null : this.deps.conversation.meta(flight.item.id),
      plan: this.plan,
      synthesizer: this.deps.synthesizer,
      onFallback: (error) => this.deps.onSpeechFallback?.(error),
      active: () => this.active,
      interval: this.#interval,
      say: (words) => this.#say(flight, ref, words),
      sendFrame: (base64) => this.deps.sendAudioDelta(ref, base64),
      sleep: (ms) => this.#sleep(ms),
      unlessStopped: (promise) => this.#unlessStopped(promise),
    });
  }

  /** `promise`'s value, or null at once when the response is cancelled or aborted first. */
  #unlessStopped<T>(promise: Promise<T>): Promise<T | null> {
    return new Promise((resolve, reject) => {
      this.#wake = () => resolve(null);
      promise.then(
        (value) => {
          this.#wake = null;
          resolve(value);
        },
        reject,
      );
    });
  }

  #closeMessage(flight: MessageFlight, status: 'completed' | 'incomplete'): void {
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
