import { OpenAIRealtimeWebSocket, type OpenAIRealtimeWebSocketOptions } from '@openai/agents-realtime';
import type { CancelTargets } from './out-of-band';

/** What the transport needs from the local player to truncate at what the user heard. */
export type PlaybackClock = { readonly playedMs: number };

export type CueWebSocketTransportOptions = OpenAIRealtimeWebSocketOptions & {
  playback?: PlaybackClock;
  /**
   * Whether user speech cuts the assistant off (the agent's `interruptResponse`). The SDK's
   * WebSocket transport interrupts on every `speech_started`, whatever the session says; a
   * hint assistant listening to a meeting must keep talking while others speak.
   */
  bargeIn: boolean;
  /** True for an out-of-band item (a hint): interrupting it cancels the response but sends no truncate. */
  isOutOfBandItem?: (itemId: string | undefined) => boolean;
  /** The responses a cancel names. Without it, the SDK's bare cancel (default conversation only) is sent. */
  inProgress?: CancelTargets;
};

/**
 * The SDK's WebSocket transport with four corrections for a browser that plays audio itself:
 *  - a cancel names every in-progress response by id: the GA API's bare `response.cancel`
 *    stops only the default conversation's response, never an out-of-band hint;
 *  - truncation uses the ms the local player actually played, not wall-clock time since the
 *    first audio delta (which overcounts whenever playback started late or underran);
 *  - speech-triggered interrupts are dropped when barge-in is off;
 *  - an out-of-band item (not in the conversation) is not truncated, only cancelled.
 * An app-initiated interrupt (Stop button) with no audio yet still cancels the response.
 */
export class CueWebSocketTransport extends OpenAIRealtimeWebSocket {
  readonly #playback: PlaybackClock | undefined;
  readonly #bargeIn: boolean;
  readonly #isOutOfBandItem: (itemId: string | undefined) => boolean;
  readonly #inProgress: CancelTargets | undefined;

  constructor({ playback, bargeIn, isOutOfBandItem, inProgress, ...options }: CueWebSocketTransportOptions) {
    super(options);
    this.#playback = playback;
    this.#bargeIn = bargeIn;
    this.#isOutOfBandItem = isOutOfBandItem ?? (() => false);
    this.#inProgress = inProgress;
  }

  // Every cancel the SDK makes (interrupt, _interrupt) goes through here. sendEvent still
  // tells the SDK's response sequencer, which holds the next response.create until a done.
  override _cancelResponse(): void {
    if (!this.#inProgress) return super._cancelResponse();
    for (const id of this.#inProgress.take()) this.sendEvent({ type: 'response.cancel', response_id: id });
  }

  // The SDK's speech_started handler passes an explicit flag; session.interrupt() and
  // guardrails call with none. Pinned by websocket-transport.test.ts.
  override interrupt(...args: [cancelOngoingResponse?: boolean]): void {
    const fromSpeech = args.length > 0;
    if (fromSpeech && !this.#bargeIn) return;
    if (!fromSpeech && this.currentItemId === undefined) {
      this._cancelResponse();
      return;
    }
    super.interrupt(...args);
  }

  override _interrupt(elapsedTime: number, cancelOngoingResponse?: boolean): void {
    if (this.#isOutOfBandItem(this.currentItemId)) {
      if (cancelOngoingResponse !== false) this._cancelResponse();
      this.emit('audio_interrupted');
      return;
    }
    const heard = this.#playback?.playedMs;
    super._interrupt(typeof heard === 'number' && Number.isFinite(heard) ? heard : elapsedTime, cancelOngoingResponse);
  }
}
