import type { RealtimeItem, RealtimeSession, TransportEvent } from '@openai/agents-realtime';
import { getAgentConfig as registryConfig } from '@/agents/registry';
import { AudioCapture, openMicrophone, silentStream } from './audio-capture';
import { AudioPlayer } from './audio-player';
import { CallMedia } from './call-media';
import { establish, type ConnectOptions, type Live, type ResolvedDeps } from './connection';
import { clientError, failureDetail } from './errors';
import { toRestorableHistory } from './event-mapping';
import { OutOfBandTracker } from './out-of-band';
import { ReconnectScheduler } from './reconnect';
import { SessionAudio } from './session-audio';
import { createSession, createTransport } from './session-factory';
import { mixStreams, openTabAudio } from './tab-audio';
import type { RealtimeError } from './types';

export type { MintFn, MintInput, MintResult } from './mint-step';
export type { CaptureLike } from './session-audio';
export type { ConnectOptions } from './connection';

export type ControllerDeps = Pick<ResolvedDeps, 'store' | 'mint'> & Partial<Omit<ResolvedDeps, 'store' | 'mint'>>;

/** A session came up. `resumed`: it continues the same call (reconnect, retry after a loss). */
export type SessionStart = { resumed: boolean };
/** A session went away. 'lost' = dropped (a reconnect may follow); 'ended' = the call is over. */
export type SessionEnd = { reason: 'lost' | 'ended' };
type Listener<T> = (value: T) => void;

const RESTORE_HOLD_MS = 3000;
export const DEFAULT_RECONNECT_DELAYS_MS = [250, 1000, 2000, 4000, 8000] as const;
/** OpenAI ends a realtime session after 60 minutes; roll over to a fresh one a little before. */
export const DEFAULT_MAX_SESSION_MS = 55 * 60_000;

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
  readonly #oob = new OutOfBandTracker();
  readonly #reconnect: ReconnectScheduler;
  readonly #serverListeners = new Set<Listener<TransportEvent>>();
  readonly #startListeners = new Set<Listener<SessionStart>>();
  readonly #endListeners = new Set<Listener<SessionEnd>>();
  #attempt = 0;
  #live: Live | null = null;
  #media: CallMedia | null = null;
  #lastHistory: RealtimeItem[] = [];
  /** The last session was lost (not ended by the user): Retry replays `#lastHistory`. */
  #restorePending = false;
  #lastOptions: ConnectOptions | null = null;
  #rollover: ReturnType<typeof setTimeout> | undefined;

  constructor(deps: ControllerDeps) {
    this.#deps = {
      getAgentConfig: registryConfig,
      createTransport,
      createSession,
      createPlayer: () => new AudioPlayer(),
      createCapture: (opts) => new AudioCapture(opts),
      openMicrophone: () => openMicrophone(),
      silentStream,
      openTabAudio: () => openTabAudio(),
      mixStreams: (streams) => mixStreams(streams),
      mintTimeoutMs: 15_000,
      connectTimeoutMs: 10_000,
      reconnectDelaysMs: DEFAULT_RECONNECT_DELAYS_MS,
      maxSessionMs: DEFAULT_MAX_SESSION_MS,
      now: Date.now,
      ...deps,
    };
    this.#audio = new SessionAudio({
      ...this.#deps,
      liveKind: () => (this.#live?.up ? this.#live.kind : null),
      sendAudio: (pcm) => this.#withSession((session) => session.sendAudio(pcm), false),
    });
    this.#reconnect = new ReconnectScheduler(this.#deps.reconnectDelaysMs, {
      attempt: () => this.#reconnectNow(),
      onSchedule: (state) => this.#actions.setReconnecting(state),
    });
  }

  get #actions() {
    return this.#deps.store.getState().actions;
  }

  /** The live session, if any. */
  get session(): RealtimeSession | null {
    return this.#live?.session ?? null;
  }

  /** The current history, or the last one seen before the connection ended. */
  get history(): readonly RealtimeItem[] {
    return this.#live ? this.#live.session.history : this.#lastHistory;
  }

  /** History of the last session that ended (kept for a reconnect's `restoreHistory`). */
  get lastHistory(): readonly RealtimeItem[] {
    return this.#lastHistory;
  }

  get lastConnectOptions(): ConnectOptions | null {
    return this.#lastOptions;
  }

  /** Every server event of the live session, before the store sees it. Returns an unsubscribe. */
  onServerEvent(listener: Listener<TransportEvent>): () => void {
    this.#serverListeners.add(listener);
    return () => this.#serverListeners.delete(listener);
  }

  onSessionStart(listener: Listener<SessionStart>): () => void {
    this.#startListeners.add(listener);
    return () => this.#startListeners.delete(listener);
  }

  onSessionEnd(listener: Listener<SessionEnd>): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Start a call. Call it from the user's click: audio and the tab picker need the gesture. */
  async connect(options: ConnectOptions): Promise<boolean> {
    if (this.#deps.store.getState().connection === 'connecting' && !this.#reconnect.active) return false;
    if (this.#live || this.#media || this.#reconnect.active) this.#endCall();
    const attempt = ++this.#attempt;
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
      if (attempt !== this.#attempt) return false;
      if (!resumed) actions.startCall(this.#deps.now());
      return true;
    } catch (error) {
      // Anything unforeseen (no WebRTC/Web Audio in this browser, a throwing SDK constructor)
      // still ends in a status and words, never in a page stuck on "connecting".
      return this.#fail(attempt, clientError('connect_failed', { backend: this.#deps.store.getState().backend, detail: failureDetail(error) }));
    }
  }

  disconnect(): void {
    this.#attempt += 1;
    this.#endCall();
    this.#actions.setConnection('disconnected');
  }

  /** Retry the last connect (the error banner's Retry). After a lost connection, the last history is replayed. */
  retry(): Promise<boolean> {
    const last = this.#lastOptions;
    if (!last) return Promise.resolve(false);
    return this.connect({ ...last, restoreHistory: this.#restorePending ? this.#lastHistory : undefined });
  }

  sendText(text: string): boolean {
    const trimmed = text.trim();
    if (!trimmed) return false;
    return this.#withSession((session) => session.sendMessage(trimmed));
  }

  /** An out-of-band `response.create` (e.g. a hint with `conversation: 'none'`); the SDK queues it behind an active response. */
  requestResponse(response?: Record<string, unknown>): boolean {
    return this.#withSession((session) => {
      const transport = session.transport;
      if (transport.requestResponse) transport.requestResponse(response);
      else transport.sendEvent({ type: 'response.create', ...(response ? { response } : {}) });
    });
  }

  /** Stop the assistant: silence locally first (flush / mute the element), then cancel upstream. */
  interrupt(): void {
    const live = this.#live;
    if (!live?.up) return;
    this.#audio.silence(live.kind);
    this.#withSession((session) => session.interrupt());
  }

  /** WebSocket: the capture sends silence instead of the mic. WebRTC: `session.mute`. */
  setMuted(muted: boolean): void {
    this.#actions.setMuted(muted);
    this.#audio.setMuted(muted);
    const live = this.#live;
    if (live?.up && live.kind === 'webrtc') this.#withSession((session) => session.mute(muted));
  }

  updateHistory(next: RealtimeItem[] | ((history: RealtimeItem[]) => RealtimeItem[])): boolean {
    return this.#withSession((session) => session.updateHistory(next));
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

  /** Establish a session for `attempt` and bring it up. Returns the error to report, or null. */
  async #open(options: ConnectOptions, attempt: number, restorable: RealtimeItem[], resumed: boolean): Promise<RealtimeError | null> {
    const media = this.#media;
    if (!media) return null;
    const stale = () => attempt !== this.#attempt;
    const outcome = await establish(
      {
        deps: this.#deps,
        audio: this.#audio,
        media,
        oob: this.#oob,
        stale,
        adopt: (live) => {
          live.attempt = attempt;
          this.#live = live;
        },
        isAdopted: (live) => this.#live === live,
        onServerEvent: (event) => this.#serverListeners.forEach((l) => l(event)),
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
      // If the server drops some replayed items, stop holding and show what the session has.
      setTimeout(() => {
        if (this.#live !== live || live.restoreCount === 0) return;
        live.restoreCount = 0;
        this.#actions.applyHistory(live.session.history);
      }, RESTORE_HOLD_MS);
    }
    if (this.#deps.store.getState().muted) this.setMuted(true);
    this.#scheduleRollover(live);
    this.#startListeners.forEach((l) => l({ resumed }));
    if (capture) await this.#audio.startCapture(capture.source, capture.extra, () => !stale());
    return null;
  }

  /** The session dropped (or the service ended it): keep the call, reconnect with the history. */
  #connectionLost(reason: 'connection_lost' | 'session_ended' | 'rollover'): void {
    const backend = this.#deps.store.getState().backend;
    this.#restorePending = true;
    this.#attempt += 1;
    this.#teardown(true);
    this.#endListeners.forEach((l) => l({ reason: 'lost' }));
    this.#actions.note(`session.${reason}`, { historyItems: this.#lastHistory.length, willReconnect: this.#reconnect.enabled });
    if (!this.#reconnect.enabled) return this.#giveUp(clientError('connection_lost', { backend }));
    this.#actions.setConnection('connecting');
    this.#reconnect.start(reason === 'connection_lost' ? -1 : 0);
  }

  /** One automatic reconnect attempt. Returns whether the call is back. */
  async #reconnectNow(): Promise<boolean> {
    const options = this.#lastOptions;
    if (!options || !this.#media) return true;
    const attempt = ++this.#attempt;
    const restorable = toRestorableHistory(this.#lastHistory);
    let error: RealtimeError | null;
    try {
      error = await this.#open(options, attempt, restorable, true);
    } catch (thrown) {
      error = clientError('connect_failed', { detail: failureDetail(thrown) });
    }
    if (attempt !== this.#attempt) return true;
    if (!error) {
      this.#actions.note('session.reconnected', { restoredItems: restorable.length, attempts: this.#reconnect.attempts });
      return true;
    }
    this.#attempt += 1;
    this.#teardown(true);
    this.#actions.setConnection('connecting');
    // A failed attempt is not news while the reconnect notice is up; the last word comes from #giveUp.
    this.#actions.setError(null);
    this.#actions.note('session.reconnect_failed', { attempt: this.#reconnect.attempts, code: error.code, message: error.message });
    if (this.#reconnect.exhausted) this.#giveUp(clientError('connection_lost', { backend: this.#deps.store.getState().backend }));
    return false;
  }

  /** Reconnecting did not work: end the call, keep the history for Retry. */
  #giveUp(error: RealtimeError): void {
    this.#endCall();
    this.#restorePending = true;
    this.#actions.setConnection('disconnected');
    this.#actions.setError(error);
  }

  #scheduleRollover(live: Live): void {
    clearTimeout(this.#rollover);
    const ms = this.#deps.maxSessionMs;
    if (!(ms > 0 && Number.isFinite(ms))) return;
    const check = () => {
      if (this.#live !== live) return;
      // Never cut a hint short: wait for the assistant to finish speaking.
      if (this.#deps.store.getState().playing) this.#rollover = setTimeout(check, 2000);
      else this.#connectionLost('rollover');
    };
    this.#rollover = setTimeout(check, ms);
  }

  #fail(attempt: number, error: RealtimeError): false {
    if (attempt !== this.#attempt) return false;
    this.#attempt += 1;
    this.#endCall();
    this.#actions.setConnection('disconnected');
    this.#actions.setError(error);
    return false;
  }

  /** Run `fn` against the live session; report failures instead of throwing into the UI. */
  #withSession(fn: (session: RealtimeSession) => void, reportMissing = true): boolean {
    const live = this.#live;
    if (!live?.up) {
      if (reportMissing) this.#actions.setError(clientError('not_connected'));
      return false;
    }
    try {
      fn(live.session);
      return true;
    } catch (error) {
      this.#actions.setError(clientError('session_error', { detail: failureDetail(error) }));
      return false;
    }
  }

  /** End the call: the connection, any pending reconnect, and the call's media. */
  #endCall(): void {
    const hadCall = this.#live !== null || this.#media !== null;
    this.#reconnect.cancel();
    this.#teardown(false);
    this.#media?.release();
    this.#media = null;
    this.#actions.endCall(this.#deps.now());
    if (hadCall) this.#endListeners.forEach((l) => l({ reason: 'ended' }));
  }

  /** Close the connection. `keepCall`: a reconnect follows, so the capture keeps running. */
  #teardown(keepCall: boolean): void {
    clearTimeout(this.#rollover);
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
