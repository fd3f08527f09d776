import { base64ToPcmScratch, countWords, MS_PER_WORD, msForSamples } from './audio-synth';
import type { Conversation, MessageItem } from './conversation';
import { toWireItem } from './conversation';
import type { IdFactory } from './event-ids';
import { conversationFull, type EngineLimits } from './limits';
import { type ProtocolError, protocolError } from './protocol';
import type { EffectiveSession, TurnDetection } from './session-config';
import { EnergyVad, type VadConfig } from './vad';
import { G711Input } from './g711-input';
import type { RecognizerFactory } from './speech/recognition/recognizer';
import { SpeechInput } from './speech/recognition/speech-input';
import { placeholderTranscript } from '@/lib/shared/speech-placeholder';

/**
 * The input audio buffer and user turns: energy VAD over appended audio,
 * manual commits, and injected utterances (test controls). A turn becomes a
 * user item with `transcript: null`, then transcription events, then (per
 * turn_detection) a response. Real audio is recognised (pocketsphinx in a
 * worker, speech/recognition): stable words go out as transcription deltas
 * while the user speaks; without a recogniser (packages missing, worker
 * failed) a turn is "transcribed" as an honest placeholder. Transcription is asynchronous, as
 * with the service: by default `…input_audio_transcription.completed` comes
 * after the automatic reply to the turn has started (`response.created`);
 * a numeric lag sends it that many ms after the commit (0: before the reply).
 */
export type TranscriptionLag = number | 'after_response';

export interface InputHost {
  readonly ids: IdFactory;
  readonly conversation: Conversation;
  readonly config: EffectiveSession;
  readonly open: boolean;
  readonly paceFactor: number;
  send(event: Record<string, unknown>): void;
  sendError(error: ProtocolError): void;
  readonly limits: EngineLimits;
  /** Makes the session's speech recogniser (null: placeholders only). */
  readonly recognizerFactory: RecognizerFactory | null;
  /** When transcription events follow a committed turn. */
  transcriptionLag(): TranscriptionLag;
  /** The user started speaking with interrupt_response: cut the default-conversation response. */
  interrupt(): void;
  /** Start a response because a user turn ended (no-op if one is active). */
  autoRespond(): void;
  /** Report an unexpected failure (logged, sent as server_error). */
  readonly onInternalError: (error: unknown) => void;
}

type Turn = { heard: string; durationMs: number; deltas: string[] | null; injected: boolean };

const MIN_COMMIT_MS = 100;
const TRANSCRIPT_DELTA_GAP_MS = 5;
const MAX_UTTERANCE_WAIT_MS = 1500;

export { placeholderTranscript };

function vadConfig(td: TurnDetection | null): VadConfig {
  return { threshold: td?.threshold ?? 0.5, prefixPaddingMs: td?.prefix_padding_ms ?? 300, silenceDurationMs: td?.silence_duration_ms ?? 500 };
}

export class InputAudio {
  #vad: EnergyVad;
  #clockMs = 0;
  #bufferMs = 0;
  #speechItemId: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  readonly #speech: SpeechInput | null;

  constructor(private readonly host: InputHost) {
    this.#vad = new EnergyVad(vadConfig(host.config.audio.input.turn_detection));
    const factory = host.recognizerFactory;
    this.#speech = factory ? new SpeechInput(factory, 24_000, (itemId, delta) => this.#liveDelta(itemId, delta)) : null;
  }

  get #td(): TurnDetection | null {
    return this.host.config.audio.input.turn_detection;
  }

  /** Session audio time: appended audio plus injected utterances, ms. */
  get clockMs(): number {
    return this.#clockMs;
  }

  reconfigure(): void {
    this.#vad.configure(vadConfig(this.#td));
  }

  /** The phone-line decoder while the input format is G.711 (made on first use, dropped when the format changes). */
  #g711: { type: string; input: G711Input } | null = null;

  /** Appended audio as PCM16 24 kHz: PCM as is, G.711 (phone line, 8 bytes a ms) decoded and upsampled. */
  #decode(audioBase64: string): Int16Array {
    const format = this.host.config.audio.input.format;
    if (format.type === 'audio/pcm') {
      this.#g711 = null;
      return base64ToPcmScratch(audioBase64); // read now: the VAD copies what it keeps
    }
    if (this.#g711?.type !== format.type) this.#g711 = { type: format.type, input: new G711Input(format.type) };
    return this.#g711.input.decode(audioBase64);
  }

  append(audioBase64: string): void {
    const pcm = this.#decode(audioBase64);
    const ms = msForSamples(pcm.length);
    const offset = this.#clockMs - this.#vad.clockMs;
    this.#clockMs += ms;
    this.#bufferMs += ms;
    if (this.#speech && !this.#td && !this.#speech.inUtterance) this.#speech.begin(null);
    this.#speech?.audio(pcm);
    if (!this.#td) return;
    for (const event of this.#vad.push(pcm)) {
      if (event.type === 'speech_started') {
        const itemId = this.#speechStarted(event.audioStartMs + offset);
        this.#speech?.begin(itemId);
      } else {
        this.#bufferMs = 0;
        const turn = this.#heardTurn(event.speechMs);
        void this.#speechStopped(event.audioEndMs + offset, this.#speechItemId, turn).catch(this.host.onInternalError);
      }
    }
  }

  /** What a real-audio turn said: the recogniser's final text, else the placeholder. */
  async #heardTurn(durationMs: number): Promise<Turn> {
    const recognized = this.#speech?.inUtterance ? await this.#speech.end() : null;
    if (!recognized) return { heard: placeholderTranscript(durationMs), durationMs, deltas: null, injected: false };
    return { heard: recognized.text, durationMs, deltas: recognized.rest ? [recognized.rest] : [], injected: false };
  }

  /** Stable words of the utterance in progress, sent as the user speaks (when transcription is on). */
  #liveDelta(itemId: string, delta: string): void {
    if (!this.host.open || this.host.config.audio.input.transcription === null) return;
    this.host.send({ type: 'conversation.item.input_audio_transcription.delta', item_id: itemId, content_index: 0, delta });
  }

  commit(clientEventId: string | null): void {
    if (this.#bufferMs < MIN_COMMIT_MS) {
      this.host.sendError(
        protocolError(
          'input_audio_buffer_commit_empty',
          `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${this.#bufferMs.toFixed(2)}ms of audio.`,
          { eventId: clientEventId },
        ),
      );
      return;
    }
    const itemId = this.#speechItemId ?? this.host.ids.item();
    const turn = this.#heardTurn(this.#bufferMs);
    this.#speechItemId = null;
    this.#vad.reset();
    this.#bufferMs = 0;
    void turn.then((t) => this.#commitTurn(itemId, t)).catch(this.host.onInternalError);
  }

  clear(): void {
    this.#bufferMs = 0;
    this.#speechItemId = null;
    this.#vad.reset();
    this.#speech?.abort();
    this.host.send({ type: 'input_audio_buffer.cleared' });
  }

  /** A user utterance "heard and transcribed" (test control). Serialised; resolves once transcribed and any reply started. */
  injectUtterance(text: string, durationMs?: number): Promise<{ itemId: string }> {
    const run = async () => {
      const duration = durationMs ?? Math.max(600, countWords(text) * MS_PER_WORD);
      const startMs = this.#clockMs;
      const itemId = this.#speechStarted(startMs);
      const pace = this.host.paceFactor;
      await this.#sleep(Math.min(MAX_UTTERANCE_WAIT_MS, pace > 0 && Number.isFinite(pace) ? duration / pace : 0));
      if (!this.host.open) throw new Error('session closed');
      const silence = this.#td?.silence_duration_ms ?? 0;
      this.#clockMs += duration + silence;
      const deltas = text.trim().split(/\s+/).map((w, i) => (i === 0 ? w : ` ${w}`));
      await this.#speechStopped(startMs + duration + silence, itemId, { heard: text.trim(), durationMs: duration, deltas, injected: true });
      return { itemId };
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Socket gone: wake anything waiting so it can notice. */
  stop(): void {
    this.#speech?.close();
    for (const s of this.#sleepers) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.#sleepers.clear();
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.#sleepers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.#sleepers.add(entry);
    });
  }

  #speechStarted(audioStartMs: number): string {
    const itemId = this.host.ids.item();
    this.#speechItemId = itemId;
    this.host.send({ type: 'input_audio_buffer.speech_started', audio_start_ms: Math.round(audioStartMs), item_id: itemId });
    if (this.#td?.interrupt_response) this.host.interrupt();
    return itemId;
  }

  async #speechStopped(audioEndMs: number, itemId: string | null, turn: Turn | Promise<Turn>): Promise<void> {
    const id = itemId ?? this.host.ids.item();
    if (this.#speechItemId === id) this.#speechItemId = null;
    this.host.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: Math.round(audioEndMs), item_id: id });
    await this.#commitTurn(id, await turn);
  }

  /**
   * committed -> user item (transcript null) added/done -> a reply if
   * turn_detection.create_response, and transcription deltas and completed
   * (always for injected turns, else when transcription is configured) in the
   * order the lag says.
   */
  async #commitTurn(itemId: string, turn: Turn): Promise<void> {
    const { conversation, limits } = this.host;
    if (conversation.items.length >= limits.maxConversationItems) {
      this.host.sendError(conversationFull(limits, null));
      return;
    }
    const send = (event: Record<string, unknown>) => this.host.send(event);
    send({ type: 'input_audio_buffer.committed', item_id: itemId, previous_item_id: conversation.lastId() });
    const item: MessageItem = { id: itemId, type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_audio', transcript: null }] };
    const placed = conversation.insert(item);
    if (!placed.ok) return;
    conversation.meta(itemId).heard = turn.heard;
    send({ type: 'conversation.item.added', previous_item_id: placed.previousItemId, item: toWireItem(item) });
    send({ type: 'conversation.item.done', previous_item_id: placed.previousItemId, item: toWireItem(item) });
    const reply = () => {
      if (this.#td?.create_response && this.host.open) this.host.autoRespond();
    };
    if (!turn.injected && this.host.config.audio.input.transcription === null) return reply();
    const lag = this.host.transcriptionLag();
    if (lag === 0) {
      await this.#transcribe(item, turn);
      return reply();
    }
    reply();
    if (lag !== 'after_response') await this.#sleep(lag);
    await this.#transcribe(item, turn);
  }

  async #transcribe(item: MessageItem, turn: Turn): Promise<void> {
    const { conversation } = this.host;
    const send = (event: Record<string, unknown>) => this.host.send(event);
    for (const delta of turn.deltas ?? [turn.heard]) {
      if (!this.host.open || !conversation.has(item.id)) return;
      send({ type: 'conversation.item.input_audio_transcription.delta', item_id: item.id, content_index: 0, delta });
      if (turn.deltas) await this.#sleep(TRANSCRIPT_DELTA_GAP_MS);
    }
    if (!this.host.open || !conversation.has(item.id)) return;
    item.content = [{ type: 'input_audio', transcript: turn.heard }];
    send({
      type: 'conversation.item.input_audio_transcription.completed',
      item_id: item.id,
      content_index: 0,
      transcript: turn.heard,
      usage: { type: 'duration', seconds: Math.max(1, Math.round(turn.durationMs / 1000)) },
    });
  }
}
