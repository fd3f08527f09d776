import type { RealtimeItem, RealtimeSession, TransportEvent } from '@openai/agents-realtime';
import { CallMedia } from '../audio/call-media';
import { establish, type ConnectOptions, type ResolvedDeps } from './connection';
import { ConnectionSlot } from './connection-slot';
import { clientError, failureDetail } from './errors';
import { toRestorableHistory } from './event-mapping';
import { Listeners } from './listeners';
import { OutOfBandTracker } from './out-of-band';
import { ReconnectScheduler, RolloverTimer } from './reconnect';
import { resolveControllerDeps, type ControllerDeps } from './controller-deps';
import { SessionAudio } from '../audio/session-audio';
import type { RealtimeError } from '../store/types';

export type {  MintInput, MintResult } from './mint-step';
export type { CaptureLike } from '../audio/session-audio';
export type { ConnectOptions } from './connection';
export {   type ControllerDeps } from './controller-deps';

/** A session came up. `resumed`: it continues the same call (reconnect, retry after a loss). */
export type SessionStart = { resumed: boolean };
/** A session went away. 'lost' = dropped (a reconnect may follow); 'ended' = the call is over. */
export type SessionEnd = { reason: 'lost' | 'ended' };

export type SendTextOptions = { triggerResponse?: boolean };

const RESTORE_HOLD_MS = 3000;

/**
 * Owns the page's RealtimeSession and everything around it (mint, transport, mic, player),
 * writes what happens to the store, and keeps a call alive: a dropped connection or a
 * session at its maximum length is replaced by a new one (new secret, history replayed)
 * without the user doing anything. Each connect is an "attempt"; anything that arrives for
 * an older attempt is ignored, so a late socket event can never resurrect a closed page.
 */
export class RealtimeController {
  readonly #deps: ResolvedDeps;
  readonly #audio: SessionAudio;
  readonly #slot: ConnectionSlot;
  readonly #oob = new OutOfBandTracker();
  readonly #reconnect: ReconnectScheduler;
  readonly #rollover: RolloverTimer;
  readonly #serverEvents = new Listeners<TransportEvent>();
  readonly #starts = new Listeners<SessionStart>();
  readonly #ends = new Listeners<SessionEnd>();
  #media: CallMedia | null = null;
  /** The last session was lost (not ended by the user): Retry replays its history. */
  #restorePending = false;
  #lastOptions: ConnectOptions | null = null;
  /**
   * A reply asked for while the assistant was still answering in the conversation (a turn typed
   * during its opening line, say): the service refuses a second one
   * (`conversation_already_has_active_response`), so it waits here until that answer is done.
   * The latest request wins; `response` is its parameters (undefined: the default reply).
   */
  #queuedReply: { response?: Record<string, unknown> } | null = null;

  constructor(deps: ControllerDeps) {
    this.#deps = resolveControllerDeps(deps);
    this.#audio = new SessionAudio({
      ...this.#deps,
      liveKind: () => (this.#slot.live?.up ? this.#slot.live.kind : null),
      sendAudio: (pcm) => this.#slot.withSession((session) => session.sendAudio(pcm), false),
    });
    this.#slot = new ConnectionSlot(this.#audio, (error) => this.#actions.setError(error));
    this.#reconnect = new ReconnectScheduler(this.#deps.reconnectDelaysMs, {
      attempt: () => this.#reconnectNow(),
      onSchedule: (state) => this.#actions.setReconnecting(state),
    });
    this.#serverEvents.add((event) => {
      const queued = this.#queuedReply;
      if (event.type !== 'response.done' || !queued || this.#oob.conversationResponseInProgress()) return;
      this.#queuedReply = null;
      this.#sendResponseCreate(queued.response);
    });
    this.#rollover = new RolloverTimer(this.#deps.maxSessionMs, () => this.#deps.store.getState().playing, () => this.#connectionLost('rollover'));
  }

  get #actions() {
    return this.#deps.store.getState().actions;
  }

  /** The live session, if any. */
  get session(): RealtimeSession | null {
    return this.#slot.session;
  }

  /** The current history, or the last one seen before the connection ended. */
  get history(): readonly RealtimeItem[] {
    return this.#slot.history;
  }

  /** History of the last session that ended (kept for a reconnect's `restoreHistory`). */
  get lastHistory(): readonly RealtimeItem[] {
    return this.#slot.lastHistory;
  }

  get lastConnectOptions(): ConnectOptions | null {
    return this.#lastOptions;
  }

  /** Every server event of the live session, before the store sees it. Returns an unsubscribe. */
  onServerEvent(listener: (event: TransportEvent) => void): () => void {
    return this.#serverEvents.add(listener);
  }

  onSessionStart(listener: (start: SessionStart) => void): () => void {
    return this.#starts.add(listener);
  }

  onSessionEnd(listener: (end: SessionEnd) => void): () => void {
    return this.#ends.add(listener);
  }

  /** Start a call. Call it from the user's click: audio and the tab picker need the gesture. */
  async connect(options: ConnectOptions): Promise<boolean> {
    if (this.#deps.store.getState().connection === 'connecting' && !this.#reconnect.active) return false;
    if (this.#slot.live || this.#media || this.#reconnect.active) this.#endCall();
    const attempt = this.#slot.next();
    this.#lastOptions = options;
    const actions = this.#actions;
    const restorable = toRestorableHistory(options.restoreHistory ?? []);
    const resumed = restorable.length > 0;
    if (!resumed) {
      this.#restorePending = false;
      this.#oob.clear();
      actions.resetConversation();
    }
    actions.setError(null);
    actions.setConnection('connecting');
    try {
      // Still inside the click: start audio and open the share picker before the first await.
      const input = options.input ?? 'mic';
      this.#audio.prepare(input);
      this.#media = new CallMedia(input, { store: this.#deps.store, audio: this.#audio, openTabAudio: this.#deps.openTabAudio, mixStreams: this.#deps.mixStreams });
      const error = await this.#open(options, attempt, restorable, resumed);
      if (error) return this.#fail(attempt, error);
      if (!this.#slot.isCurrent(attempt)) return false;
      if (!resumed) actions.startCall(this.#deps.now());
      return true;
    } catch (error) {
      // Anything unforeseen (no WebRTC/Web Audio in this browser, a throwing SDK constructor)
      // still ends in a status and words, never in a page stuck on "connecting".
      return this.#fail(attempt, clientError('connect_failed', { backend: this.#deps.store.getState().backend, detail: failureDetail(error) }));
    }
  }

  disconnect(): void {
    this.#slot.next();
    this.#endCall();
    this.#actions.setConnection('disconnected');
  }

  /** Retry the last connect (the error banner's Retry). After a lost connection, the last history is replayed. */
  retry(): Promise<boolean> {
    const last = this.#lastOptions;
    if (!last) return Promise.resolve(false);
    return this.connect({ ...last, restoreHistory: this.#restorePending ? this.#slot.lastHistory : undefined });
  }

  /**
   * Add a typed user message. `triggerResponse: false` only adds it to the conversation
   * (context the assistant can read later), without asking for a reply. Typed while the
   * assistant is still answering (its opening line, say): the service would refuse a second
   * response (`conversation_already_has_active_response`) and the turn would go unanswered,
   * so the message goes in now and its reply is asked for as soon as that answer is done.
   */
  sendText(text: string, { triggerResponse = true }: SendTextOptions = {}): boolean {
    const trimmed = text.trim();
    if (!trimmed) return false;
    const queue = triggerResponse && this.#oob.conversationResponseInProgress();
    const sent = this.#slot.withSession((session) =>
      triggerResponse && !queue ? session.sendMessage(trimmed) : session.transport.sendMessage(trimmed, {}, { triggerResponse: false }),
    );
    if (sent && queue) this.#queuedReply = {};
    return sent;
  }

  /**
   * A `response.create`. Out of band (`conversation: 'none'`, e.g. a hint) it goes now: it may run
   * beside the conversation's answer. In the conversation, while another answer is in progress,
   * it waits for that answer to be done (see #queuedReply).
   */
  requestResponse(response?: Record<string, unknown>): boolean {
    if (response?.conversation !== 'none' && this.#oob.conversationResponseInProgress()) {
      if (!this.#slot.live?.up) return this.#sendResponseCreate(response);
      this.#queuedReply = { ...(response ? { response } : {}) };
      return true;
    }
    return this.#sendResponseCreate(response);
  }

  /**
   * Stop the assistant: silence locally first (flush / mute the element), then cancel upstream:
   * `responseId` first when given (e.g. the hint being stopped), then every other response in
   * progress, each named by id (a bare cancel would miss an out-of-band response), truncating
   * what was heard (WebSocket) or clearing the server's output buffer (WebRTC).
   */
  interrupt(responseId?: string): void {
    const live = this.#slot.live;
    if (!live?.up) return;
    this.#audio.silence(live.kind);
    this.#slot.withSession((session) => {
      if (responseId) this.#cancel(session, responseId);
      session.interrupt();
    });
  }

  /** Cancel one response by id (the only way to stop an out-of-band one). False when it is not in progress. */
  cancelResponse(responseId: string): boolean {
    let sent = false;
    this.#slot.withSession((session) => {
      sent = this.#cancel(session, responseId);
    }, false);
    return sent;
  }

  /** WebSocket: the capture sends silence instead of the mic. WebRTC: `session.mute`. */
  setMuted(muted: boolean): void {
    this.#actions.setMuted(muted);
    this.#audio.setMuted(muted);
    const live = this.#slot.live;
    if (live?.up && live.kind === 'webrtc') this.#slot.withSession((session) => session.mute(muted));
  }

  updateHistory(next: RealtimeItem[] | ((history: RealtimeItem[]) => RealtimeItem[])): boolean {
    return this.#slot.withSession((session) => session.updateHistory(next));
  }

  dismissError(): void {
    this.#actions.setError(null);
  }

  /** Release everything (page unmount). The controller can still connect again afterwards. */
  dispose(): void {
    this.disconnect();
    this.#audio.close();
  }

  // ---- internals -------------------------------------------------------------------------

  #sendResponseCreate(response?: Record<string, unknown>): boolean {
    return this.#slot.withSession((session) => {
      const transport = session.transport;
      if (transport.requestResponse) transport.requestResponse(response);
      else transport.sendEvent({ type: 'response.create', ...(response ? { response } : {}) });
    });
  }

  #cancel(session: RealtimeSession, responseId: string): boolean {
    if (!this.#oob.takeOne(responseId)) return false;
    session.transport.sendEvent({ type: 'response.cancel', response_id: responseId });
    return true;
  }

  /** Establish a session for `attempt` and bring it up. Returns the error to report, or null. */
  async #open(options: ConnectOptions, attempt: number, restorable: RealtimeItem[], resumed: boolean): Promise<RealtimeError | null> {
    const media = this.#media;
    if (!media) return null;
    const stale = () => !this.#slot.isCurrent(attempt);
    const outcome = await establish(
      {
        deps: this.#deps,
        audio: this.#audio,
        media,
        oob: this.#oob,
        stale,
        adopt: (live) => this.#slot.adopt(live, attempt),
        isAdopted: (live) => this.#slot.live === live,
        onServerEvent: (event) => this.#serverEvents.emit(event),
        onLost: () => this.#connectionLost('connection_lost'),
        onSessionEnded: () => this.#connectionLost('session_ended'),
        onOutputStopped: () => this.#audio.unmuteOutput(),
      },
      options,
      restorable.length,
    );
    if (!outcome.ok) return stale() ? null : outcome.error;
    const { live, capture } = outcome;
    const actions = this.#actions;
    actions.setConnection('connected');
    if (restorable.length > 0) {
      this.#restorePending = false;
      this.updateHistory(restorable);
      this.#slot.releaseHoldAfter(live, RESTORE_HOLD_MS, (history) => this.#actions.applyHistory(history));
    }
    if (this.#deps.store.getState().muted) this.setMuted(true);
    this.#rollover.start();
    this.#starts.emit({ resumed });
    if (capture) await this.#audio.startCapture(capture.source, capture.extra, () => !stale());
    return null;
  }

  /** The session dropped (or the service ended it): keep the call, reconnect with the history. */
  #connectionLost(reason: 'connection_lost' | 'session_ended' | 'rollover'): void {
    const backend = this.#deps.store.getState().backend;
    this.#restorePending = true;
    this.#slot.next();
    this.#teardown(true);
    this.#ends.emit({ reason: 'lost' });
    this.#actions.note(`session.${reason}`, { historyItems: this.#slot.lastHistory.length, willReconnect: this.#reconnect.enabled });
    if (!this.#reconnect.enabled) return this.#giveUp(clientError('connection_lost', { backend }));
    this.#actions.setConnection('connecting');
    this.#reconnect.start(reason === 'connection_lost' ? -1 : 0);
  }

  /** One automatic reconnect attempt. Returns whether the call is back. */
  async #reconnectNow(): Promise<boolean> {
    const options = this.#lastOptions;
    if (!options || !this.#media) return true;
    const attempt = this.#slot.next();
    const restorable = toRestorableHistory(this.#slot.lastHistory);
    let error: RealtimeError | null;
    try {
      error = await this.#open(options, attempt, restorable, true);
    } catch (thrown) {
      error = clientError('connect_failed', { detail: failureDetail(thrown) });
    }
    if (!this.#slot.isCurrent(attempt)) return true;
    if (!error) {
      this.#actions.note('session.reconnected', { restoredItems: restorable.length, attempts: this.#reconnect.attempts });
      return true;
    }
    this.#slot.next();
    this.#teardown(true);
    this.#actions.setConnection('connecting');
    // A failed attempt is not news while the reconnect notice is up; the last word comes from #giveUp.
    this.#actions.setError(null);
    this.#actions.note('session.reconnect_failed', { attempt: this.#reconnect.attempts, code: error.code, message: error.message });
    // Retry-After: the next attempt (or the user's Retry) waits until the service is ready.
    if (error.retryAt !== undefined) this.#reconnect.holdOff(error.retryAt - this.#deps.now());
    if (this.#reconnect.exhausted) {
      const lost = clientError('connection_lost', { backend: this.#deps.store.getState().backend });
      this.#giveUp(error.retryAt === undefined ? lost : { ...lost, retryAt: error.retryAt });
    }
    return false;
  }

  /** Reconnecting did not work: end the call, keep the history for Retry. */
  #giveUp(error: RealtimeError): void {
    this.#endCall();
    this.#restorePending = true;
    this.#actions.setConnection('disconnected');
    this.#actions.setError(error);
  }

  #fail(attempt: number, error: RealtimeError): false {
    if (!this.#slot.isCurrent(attempt)) return false;
    this.#slot.next();
    this.#endCall();
    this.#actions.setConnection('disconnected');
    this.#actions.setError(error);
    return false;
  }

  /** End the call: the connection, any pending reconnect, and the call's media. */
  #endCall(): void {
    const hadCall = this.#slot.live !== null || this.#media !== null;
    this.#reconnect.cancel();
    this.#teardown(false);
    this.#media?.release();
    this.#media = null;
    this.#actions.endCall(this.#deps.now());
    if (hadCall) this.#ends.emit({ reason: 'ended' });
  }

  #teardown(keepCall: boolean): void {
    this.#queuedReply = null;
    this.#rollover.cancel();
    this.#slot.teardown(keepCall);
  }
}
