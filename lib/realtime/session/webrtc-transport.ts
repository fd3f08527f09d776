import { OpenAIRealtimeWebRTC, type OpenAIRealtimeWebRTCOptions } from '@openai/agents-realtime';
import type { CancelTargets } from './out-of-band';

type CueWebRTCTransportOptions = OpenAIRealtimeWebRTCOptions & {
  /** The responses an interrupt cancels, by id. Without it, the SDK's bare cancel (default conversation only) is sent. */
  inProgress?: CancelTargets;
};

/**
 * The SDK's WebRTC transport, with an interrupt that works on out-of-band responses: the SDK
 * sends a bare `response.cancel`, which the GA API applies to the default conversation only,
 * so a hint (`conversation: 'none'`) kept generating and its audio resumed once the element
 * was unmuted. Here every in-progress response is cancelled by id, then the server's output
 * buffer is cleared (what was generated but not yet played).
 */
export class CueWebRTCTransport extends OpenAIRealtimeWebRTC {
  readonly #inProgress: CancelTargets | undefined;

  constructor({ inProgress, ...options }: CueWebRTCTransportOptions = {}) {
    super(options);
    this.#inProgress = inProgress;
  }

  override interrupt(): void {
    if (!this.#inProgress) return super.interrupt();
    // sendEvent (not a raw send) so the SDK's sequencer knows a cancel is under way.
    for (const id of this.#inProgress.take()) this.sendEvent({ type: 'response.cancel', response_id: id });
    this.sendEvent({ type: 'output_audio_buffer.clear' });
  }
}
