import type { RealtimeStore } from '@/lib/realtime/store/store';
import type { SpeechEvent } from './call-event-router';
import type { CallStore } from './call-store';
import { NoiseWatch } from './noise-watch';

/**
 * Runs a NoiseWatch for one practice call: samples the input level on the call's clock,
 * follows the user's turns, and raises or clears `noise` in the call store. A warning
 * stays up a few seconds after the noise stops (no flicker) and a dismissed one stays
 * away for a minute.
 */

export const NOISE_STICKY_MS = 4000;
export const NOISE_DISMISS_MS = 60_000;

export class NoiseMonitor {
  readonly #watch = new NoiseWatch();
  #lastNoisyAt = 0;
  #dismissedUntil = 0;

  constructor(
    private readonly realtime: RealtimeStore,
    private readonly store: CallStore,
    private readonly now: () => number,
  ) {}

  onSpeech(event: SpeechEvent): void {
    const at = this.now();
    if (event.type === 'started') {
      this.#watch.speechStarted(event.itemId, at);
      this.store.setState({ userTurnSince: at });
    } else if (event.type === 'stopped') {
      this.#watch.speechStopped(event.itemId, at);
      this.store.setState({ userTurnSince: null });
    } else if (event.type === 'transcribed') {
      this.#watch.transcribed(event.itemId, event.text);
    }
  }

  /** One clock tick of a live call. */
  tick(): void {
    const r = this.realtime.getState();
    const at = this.now();
    if (r.connection !== 'connected' || !r.micActive || r.muted) {
      this.reset();
      return;
    }
    this.#watch.level(r.inputLevel, at);
    const verdict = this.#watch.verdict(at);
    const shown = this.store.getState().noise;
    if (verdict) {
      this.#lastNoisyAt = at;
      if (!shown && at >= this.#dismissedUntil) this.store.setState({ noise: verdict });
    } else if (shown && at - this.#lastNoisyAt >= NOISE_STICKY_MS) {
      this.store.setState({ noise: null });
    }
  }

  /** The user says it is not noise (or will deal with it): hide the warning for a while. */
  dismiss(): void {
    this.#dismissedUntil = this.now() + NOISE_DISMISS_MS;
    this.store.setState({ noise: null });
  }

  /** Muted, disconnected, or the noisy turn was discarded: start over. */
  reset(): void {
    this.#watch.reset();
    const s = this.store.getState();
    if (s.noise || s.userTurnSince !== null) this.store.setState({ noise: null, userTurnSince: null });
  }
}
