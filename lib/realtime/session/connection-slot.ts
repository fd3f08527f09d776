import type { RealtimeItem, RealtimeSession } from '@openai/agents-realtime';
import type { Live } from './connection';
import { clientError, failureDetail } from './errors';
import type { SessionAudio } from '../audio/session-audio';
import type { RealtimeError } from '../store/types';

/**
 * The controller's one connection at a time, and its attempt counter: every connect,
 * disconnect or loss starts a new attempt, and anything belonging to an older one is
 * ignored. Keeps the history of the last session that was up (a reconnect replays it).
 */
export class ConnectionSlot {
  readonly #audio: SessionAudio;
  readonly #report: (error: RealtimeError) => void;
  #attempt = 0;
  #live: Live | null = null;
  #lastHistory: RealtimeItem[] = [];

  constructor(audio: SessionAudio, report: (error: RealtimeError) => void) {
    this.#audio = audio;
    this.#report = report;
  }

  /** Start a new attempt (older ones become stale). Returns its number. */
  next(): number {
    return ++this.#attempt;
  }

  isCurrent(attempt: number): boolean {
    return attempt === this.#attempt;
  }

  get live(): Live | null {
    return this.#live;
  }

  adopt(live: Live, attempt: number): void {
    live.attempt = attempt;
    this.#live = live;
  }

  get session(): RealtimeSession | null {
    return this.#live?.session ?? null;
  }

  /** The current history, or the last one seen before the connection ended. */
  get history(): readonly RealtimeItem[] {
    return this.#live ? this.#live.session.history : this.#lastHistory;
  }

  get lastHistory(): readonly RealtimeItem[] {
    return this.#lastHistory;
  }

  /** If a restoring reconnect's replayed items are not all back after `ms`, stop holding and show what the session has. */
  releaseHoldAfter(live: Live, ms: number, show: (history: readonly RealtimeItem[]) => void): void {
    setTimeout(() => {
      if (this.#live !== live || live.restoreCount === 0) return;
      live.restoreCount = 0;
      show(live.session.history);
    }, ms);
  }

  /** Run `fn` against the live session; report failures instead of throwing into the UI. */
  withSession(fn: (session: RealtimeSession) => void, reportMissing = true): boolean {
    const live = this.#live;
    if (!live?.up) {
      if (reportMissing) this.#report(clientError('not_connected'));
      return false;
    }
    try {
      fn(live.session);
      return true;
    } catch (error) {
      this.#report(clientError('session_error', { detail: failureDetail(error) }));
      return false;
    }
  }

  /** Close the connection. `keepCall`: a reconnect follows, so the capture keeps running. */
  teardown(keepCall: boolean): void {
    const live = this.#live;
    this.#live = null;
    if (keepCall) this.#audio.suspend();
    else this.#audio.stop();
    if (!live) return;
    // Only a session that was up has history worth keeping; a failed reconnect must not erase it.
    if (live.up) this.#lastHistory = [...live.session.history];
    live.detach();
    try {
      live.session.close();
    } catch {
      // The transport may already be closed; nothing left to release.
    }
  }
}
