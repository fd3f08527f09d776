import type { RealtimeItem, RealtimeSession, RealtimeTransportLayer } from '@openai/agents-realtime';
import { getAgentConfig as registryConfig } from '@/agents/registry';
import type { AgentConfig } from '@/agents/schema';
import { AudioCapture, openMicrophone, silentStream, type AudioCaptureOptions } from './audio-capture';
import { AudioPlayer, type AudioOutput } from './audio-player';
import { clientError, failureDetail } from './errors';
import { toRestorableHistory } from './event-mapping';
import type { InputChoice } from './media-input';
import { mintSecret, type MintFn } from './mint-step';
import { SessionAudio, type CaptureLike } from './session-audio';
import { bindSession } from './session-binding';
import { createSession, createTransport, type SessionRecipe, type ToolHandlers, type TransportPlan } from './session-factory';
import type { RealtimeStore } from './store';
import { TimeoutError, withTimeout } from './timeout';
import type { RealtimeError, TransportKind } from './types';

export type { MintFn, MintInput, MintResult } from './mint-step';
export type { CaptureLike } from './session-audio';

export type ControllerDeps = {
  store: RealtimeStore;
  /** The `mintClientSecret` server action (or a fake). */
  mint: MintFn;
  getAgentConfig?: (id: string) => AgentConfig | undefined;
  createTransport?: (plan: TransportPlan) => RealtimeTransportLayer;
  createSession?: (recipe: SessionRecipe) => RealtimeSession;
  createPlayer?: () => AudioOutput;
  createCapture?: (opts: AudioCaptureOptions) => CaptureLike;
  openMicrophone?: () => Promise<MediaStream>;
  silentStream?: () => MediaStream;
  /** The element WebRTC plays the assistant through (default: a detached <audio>). */
  audioElement?: () => HTMLAudioElement;
  mintTimeoutMs?: number;
  connectTimeoutMs?: number;
};

export type ConnectOptions = {
  agentId: string;
  /** Preferred transport for OpenAI (default WebRTC). The local engine always uses WebSocket. */
  transport?: TransportKind;
  toolHandlers?: ToolHandlers;
  overrides?: { model?: string; voice?: string };
  /** 'mic' (default) opens the microphone, 'none' is text only, or a stream to capture (e.g. mic + tab mix). */
  input?: InputChoice;
  /** Items to replay into the new session, e.g. `controller.lastHistory` after `connection_lost`. */
  restoreHistory?: readonly RealtimeItem[];
};

type Live = {
  attempt: number;
  session: RealtimeSession;
  kind: TransportKind;
  detach: () => void;
  /** Streams this connection opened and must stop. */
  ownedStreams: MediaStream[];
  up: boolean;
  /** Items a restoring reconnect replays; history updates are held until they are back (or a timeout). */
  restoreCount: number;
};

const RESTORE_HOLD_MS = 3000;

/**
 * Owns the page's RealtimeSession and everything around it (mint, transport, mic, player)
 * and writes what happens to the store. Every failure ends in a status plus a readable
 * error; nothing here touches React. Each connect is an "attempt"; anything that arrives
 * for an older attempt is ignored, so a late socket event can never resurrect a closed page.
 */
export class RealtimeController {
  readonly #deps: Required<Omit<ControllerDeps, 'audioElement'>> & Pick<ControllerDeps, 'audioElement'>;
  readonly #audio: SessionAudio;
  #attempt = 0;
  #live: Live | null = null;
  #lastHistory: RealtimeItem[] = [];
  /** The last session was lost (not ended by the user): Retry replays `#lastHistory`. */
  #restorePending = false;
  #lastOptions: ConnectOptions | null = null;

  constructor(deps: ControllerDeps) {
    this.#deps = {
      getAgentConfig: registryConfig,
      createTransport,
      createSession,
      createPlayer: () => new AudioPlayer(),
      createCapture: (opts) => new AudioCapture(opts),
      openMicrophone: () => openMicrophone(),
      silentStream,
      mintTimeoutMs: 15_000,
      connectTimeoutMs: 10_000,
      ...deps,
    };
    this.#audio = new SessionAudio({
      ...this.#deps,
      liveKind: () => (this.#live?.up ? this.#live.kind : null),
      sendAudio: (pcm) => this.#withSession((session) => session.sendAudio(pcm), false),
    });
  }

  get #actions() {
    return this.#deps.store.getState().actions;
  }

  /** The live session, if any (issue #3's hint flow builds on it). */
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

  async connect(options: ConnectOptions): Promise<boolean> {
    if (this.#deps.store.getState().connection === 'connecting') return false;
    if (this.#live) this.disconnect();
    const attempt = ++this.#attempt;
    this.#lastOptions = options;
    const actions = this.#actions;
    const restorable = toRestorableHistory(options.restoreHistory ?? []);
    if (restorable.length === 0) {
      this.#restorePending = false;
      actions.resetConversation();
    }
    actions.setError(null);
    actions.setConnection('connecting');

    try {
      return await this.#establish(options, attempt, restorable);
    } catch (error) {
      // Anything unforeseen (no WebRTC/Web Audio in this browser, a throwing SDK constructor)
      // still ends in a status and words, never in a page stuck on "connecting".
      return this.#fail(attempt, clientError('connect_failed', { backend: this.#deps.store.getState().backend, detail: failureDetail(error) }));
    }
  }

  async #establish(options: ConnectOptions, attempt: number, restorable: RealtimeItem[]): Promise<boolean> {
    const stale = () => attempt !== this.#attempt;
    const actions = this.#actions;
    const restoring = restorable.length > 0;

    const config = this.#deps.getAgentConfig(options.agentId);
    if (!config) return this.#fail(attempt, clientError('unknown_agent'));

    // Still inside the click: let the browser start audio before the first await.
    const input = options.input ?? 'mic';
    const player = this.#audio.prepare(input);

    const minting = await mintSecret(
      this.#deps.mint,
      { agentId: options.agentId, transport: options.transport, overrides: options.overrides },
      this.#deps.mintTimeoutMs,
    );
    if (stale()) return false;
    if (!minting.ok) return this.#fail(attempt, minting.error);
    const { minted } = minting;
    const backend = minted.backend;
    const kind: TransportKind = backend === 'local' ? 'websocket' : (options.transport ?? 'webrtc');
    actions.setSessionInfo({ backend, model: minted.model, agentId: minted.agentId, transport: kind });

    const ownedStreams: MediaStream[] = [];
    let plan: TransportPlan;
    let meterStream: MediaStream | null = null;
    if (kind === 'websocket') {
      plan = { kind, playback: player, bargeIn: config.turnDetection.interruptResponse };
    } else {
      const rtcInput = await this.#audio.webrtcInput(input);
      if (rtcInput.owned) ownedStreams.push(rtcInput.stream);
      if (stale()) {
        ownedStreams.forEach((s) => s.getTracks().forEach((t) => t.stop()));
        return false;
      }
      meterStream = rtcInput.mic ? rtcInput.stream : null;
      plan = { kind, audioElement: this.#audio.element(), mediaStream: rtcInput.stream };
    }

    let transport: RealtimeTransportLayer;
    let session: RealtimeSession;
    try {
      transport = this.#deps.createTransport(plan);
      session = this.#deps.createSession({ config, model: minted.model, voice: minted.voice, transport, toolHandlers: options.toolHandlers });
    } catch (error) {
      ownedStreams.forEach((s) => s.getTracks().forEach((t) => t.stop()));
      throw error;
    }
    const live: Live = { attempt, session, kind, detach: () => undefined, ownedStreams, up: false, restoreCount: restorable.length };
    this.#live = live;
    live.detach = bindSession(session, transport, {
      store: this.#deps.store,
      kind,
      player,
      isCurrent: () => this.#live === live && !stale(),
      onLost: () => this.#connectionLost(),
      onOutputStopped: () => this.#audio.unmuteOutput(),
      holdHistory: (history) => {
        if (live.restoreCount === 0) return false;
        if (history.length < live.restoreCount) return true;
        live.restoreCount = 0;
        return false;
      },
      wasUp: () => live.up,
    });

    try {
      await withTimeout(session.connect({ apiKey: minted.clientSecret, url: minted.url }), this.#deps.connectTimeoutMs);
    } catch (error) {
      if (stale()) return false;
      const seconds = Math.round(this.#deps.connectTimeoutMs / 1000);
      return this.#fail(
        attempt,
        error instanceof TimeoutError
          ? clientError('connect_timeout', { backend, seconds })
          : clientError('connect_failed', { backend, detail: failureDetail(error) }),
      );
    }
    if (stale()) return false;
    live.up = true;
    actions.setConnection('connected');
    if (restoring) {
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

    const capturing = kind === 'websocket' ? input : meterStream;
    if (capturing) await this.#audio.startCapture(capturing, () => !stale());
    return !stale();
  }

  disconnect(): void {
    this.#attempt += 1;
    this.#teardown();
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

  #connectionLost(): void {
    this.#restorePending = true;
    this.#attempt += 1;
    this.#teardown();
    this.#actions.setConnection('disconnected');
    this.#actions.setError(clientError('connection_lost', { backend: this.#deps.store.getState().backend }));
  }

  #fail(attempt: number, error: RealtimeError): false {
    if (attempt !== this.#attempt) return false;
    this.#attempt += 1;
    this.#teardown();
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

  #teardown(): void {
    const live = this.#live;
    this.#live = null;
    this.#audio.stop();
    if (!live) return;
    // Only a session that was up has history worth keeping; a failed reconnect must not erase it.
    if (live.up) this.#lastHistory = [...live.session.history];
    live.detach();
    try {
      live.session.close();
    } catch {
      // The transport may already be closed; nothing left to release.
    }
    for (const stream of live.ownedStreams) stream.getTracks().forEach((t) => t.stop());
  }
}
