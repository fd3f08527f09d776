import type { RealtimeItem } from '@openai/agents-realtime';
import { ROLEPLAY_CLIENT_ID } from '@/agents/prompts/roleplay-client';
import type { AgentConfig } from '@/lib/contracts/agent-config';
import { AudioPlayer } from '@/lib/realtime/audio/audio-player';
import { RealtimeController } from '@/lib/realtime/session/controller';
import { createRealtimeStore, type RealtimeStore } from '@/lib/realtime/store/store';
import type { InputChoice } from '@/lib/realtime/audio/media-input';
import { CallEventRouter } from './call-event-router';
import { loadCallRuntime } from './call-runtime-loader';
import { prefetchRealtimeSdk } from '@/lib/realtime/session/sdk-loader';
import { CallRecorder, restorable, toLiveTag } from './call-recorder';
import { createCallStore, type CallStore } from './call-store';
import { endedState, endSession, showIfEnded } from './call-closing';
import { endedCall } from './ended-calls';
import { EscalationDriver } from './escalation-driver';
import { FilteringPlayer } from './filtering-player';
import { NoiseMonitor } from './noise-monitor';
import type { EndReason, PracticeCallActions, PracticeCallOptions, PracticeCallSetup } from './practice-call-types';
import { createRoleplaySession } from './roleplay-session';

/**
 * One practice call: the realtime session with the scenario's persona, plus everything
 * the call adds around it. The persona speaks first; every completed utterance and turn
 * tag is saved as it happens; trigger phrases make the persona escalate; the clock ends
 * the call at the scenario's limit; continuous mic noise is caught and explained; End
 * saves the rest, ends the session and fetches the debrief. Composes the shared
 * RealtimeController (its public API only).
 */

export type { EndReason, PracticeCallActions, PracticeCallOptions, PracticeCallSetup } from './practice-call-types';

export class PracticeCallController {
  readonly realtimeStore: RealtimeStore;
  readonly realtime: RealtimeController;
  readonly store: CallStore;
  readonly #setup: PracticeCallSetup;
  readonly #actions: PracticeCallActions;
  readonly #now: () => number;
  readonly #recorder: CallRecorder;
  readonly #driver: EscalationDriver;
  readonly #router: CallEventRouter;
  readonly #noise: NoiseMonitor;
  #player: FilteringPlayer | null = null;
  #clock: ReturnType<typeof setInterval> | null = null;
  #unsubscribe: (() => void) | null = null;
  readonly #clockTickMs: number;
  #ending: Promise<void> | null = null;
  #config: Promise<AgentConfig> | null = null;

  constructor(setup: PracticeCallSetup, actions: PracticeCallActions, opts: PracticeCallOptions = {}) {
    this.#setup = setup;
    this.#actions = actions;
    this.#now = opts.now ?? Date.now;
    const known = endedCall(setup.sessionId);
    this.store = createCallStore({
      clockOffsetSeconds: setup.elapsedSeconds ?? 0,
      tags: (setup.savedTags ?? []).map(toLiveTag),
      ...(known ? endedState(known.result, known.endReason) : {}),
    });
    this.#recorder = new CallRecorder(setup.sessionId, actions, (save) => this.store.setState({ save }), this.#now);
    this.#recorder.preload(setup.savedItems ?? []);
    this.realtimeStore = createRealtimeStore();
    const createPlayer = opts.realtimeDeps?.createPlayer ?? (() => new AudioPlayer());
    this.realtime = new RealtimeController({
      ...opts.realtimeDeps,
      store: this.realtimeStore,
      mint: (input) => actions.mint({ ...input, practiceSessionId: setup.sessionId }),
      getAgentConfig: (id) => (id === ROLEPLAY_CLIENT_ID ? this.#agentConfig() : undefined),
      createPlayer: () => (this.#player = new FilteringPlayer(createPlayer())),
      createSession: (recipe) => {
        const session = createRoleplaySession(recipe, { tag_turn: (args, callId) => this.#onTagTurn(args, callId) });
        this.#router.attach(session);
        return session;
      },
    });
    this.#driver = new EscalationDriver(
      setup.scenario,
      setup.difficulty,
      {
        interruptCurrent: () => this.realtime.interrupt(),
        cancelResponse: (responseId) => this.#sendRaw({ type: 'response.cancel', ...(responseId ? { response_id: responseId } : {}) }),
        dropAudio: (responseId) => this.#player?.drop(responseId),
        requestResponse: (response) => void this.realtime.requestResponse(response),
        held: (held) => this.store.setState({ held }),
      },
      this.#now,
    );
    this.#noise = new NoiseMonitor(this.realtimeStore, this.store, this.#now);
    this.#router = new CallEventRouter({
      tracker: this.#recorder.tracker,
      driver: this.#driver,
      now: this.#now,
      clientTurns: () => this.#clientTurns(),
      onEscalation: (e) => this.store.setState((s) => ({ held: null, escalations: [...s.escalations, { phrase: e.phrase, level: e.level, response: e.response, at: e.at, typed: e.typed }] })),
      onHidden: (itemIds) => this.store.setState((s) => ({ hiddenItemIds: [...new Set([...s.hiddenItemIds, ...itemIds])] })),
      onHistory: (history) => this.#saveReady(history, false),
      onSpeech: (event) => this.#noise.onSpeech(event),
    });
    this.#clockTickMs = opts.clockTickMs ?? 500;
    this.activate();
  }

  /** Watch the connection and run the clock. Called by the constructor and again after a dispose (React remounts). */
  activate(): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = this.realtimeStore.subscribe((state, prev) => {
      if (state.connection === prev.connection) return;
      const phase = this.store.getState().phase;
      if (state.connection === 'connected' && (phase === 'connecting' || phase === 'lost')) this.store.setState({ phase: 'live' });
      if (state.connection === 'disconnected' && phase === 'live') this.store.setState({ phase: 'lost' });
    });
    if (this.#clockTickMs > 0) this.#clock = setInterval(() => this.#tick(), this.#clockTickMs);
  }

  get sessionId(): string {
    return this.#setup.sessionId;
  }

  get timeLimitSeconds(): number {
    return this.#setup.timeLimitSeconds;
  }

  /** Warm up what Start needs (the realtime SDK, the call runtime): while the page is read, on hover/focus of Start. */
  prefetch(): void {
    prefetchRealtimeSdk();
    loadCallRuntime().catch(() => undefined);
  }

  /** Connect; on a fresh call the persona then speaks first. A resumed call replays what was said. */
  async start(input: InputChoice = 'mic'): Promise<boolean> {
    const phase = this.store.getState().phase;
    if (phase !== 'ready') return false;
    this.store.setState({ phase: 'connecting', notice: null });
    const saved = this.#setup.savedItems ?? [];
    const ok = await this.realtime.connect({ agentId: ROLEPLAY_CLIENT_ID, input, restoreHistory: saved.length > 0 ? restorable(saved) : undefined });
    if (!ok) {
      // The server no longer knows this session as open: it ended (in this tab or another).
      if (this.realtimeStore.getState().error?.code === 'unknown_agent') await showIfEnded(this.#closing);
      if (this.store.getState().phase === 'connecting') this.store.setState({ phase: 'ready' });
      return false;
    }
    this.store.setState((s) => ({ phase: 'live', clockStartedAt: s.clockStartedAt ?? this.#now() }));
    if (saved.length === 0) this.realtime.requestResponse();
    return true;
  }

  /** After a dropped connection: connect again with what was said so far. */
  async reconnect(): Promise<boolean> {
    if (this.store.getState().phase !== 'lost') return false;
    this.store.setState({ phase: 'connecting' });
    const ok = await this.realtime.retry();
    if (!ok && this.store.getState().phase === 'connecting') this.store.setState({ phase: 'lost' });
    return ok;
  }

  /** A typed turn. A trigger phrase is caught before sending, so the persona escalates instead of answering. */
  sendText(raw: string): boolean {
    const text = raw.trim();
    if (!text || this.store.getState().phase !== 'live') return false;
    const session = this.realtime.session;
    const escalation = this.#driver.userTurn(text, this.#clientTurns(), {
      typed: true,
      // The user's words go in first, without a reply of their own; the escalation reply follows.
      beforeRequest: () => session?.transport.sendMessage(text, {}, { triggerResponse: false }),
    });
    if (!escalation) return this.realtime.sendText(text);
    this.store.setState((s) => ({ held: null, escalations: [...s.escalations, { phrase: escalation.phrase, level: escalation.level, response: escalation.response, at: escalation.at, typed: true }] }));
    return true;
  }

  setMuted(muted: boolean): void {
    this.realtime.setMuted(muted);
    if (muted) this.#noise.reset();
  }

  /**
   * Noise is holding the turn open: mute, and drop what the service heard so far (it was
   * noise, and a reply to it would only confuse). The client then waits for a typed answer.
   */
  muteForNoise(): void {
    this.setMuted(true);
    this.#sendRaw({ type: 'input_audio_buffer.clear' });
  }

  dismissNoise(): void {
    this.#noise.dismiss();
  }

  /** Before joining: make sure the session is still open; an ended one shows its debrief. */
  async checkStillOpen(): Promise<void> {
    if (this.store.getState().phase === 'ready') await showIfEnded(this.#closing);
  }

  interrupt(): void {
    this.realtime.interrupt();
  }

  retrySaves(): void {
    this.#recorder.retryFailed();
  }

  dismissError(): void {
    this.realtime.dismissError();
  }

  /** End the call: hang up, save what is left, end the session and get the debrief. Safe to call twice. */
  end(reason: EndReason = 'user'): Promise<void> {
    if (this.#ending) return this.#ending;
    const phase = this.store.getState().phase;
    if (phase === 'ended') return Promise.resolve();
    const history = [...this.realtime.history];
    this.store.setState({ phase: 'ending', endReason: reason, endError: null });
    this.realtime.disconnect();
    this.#ending = this.#finish(history, reason).finally(() => {
      this.#ending = null;
    });
    return this.#ending;
  }

  /** Hang up and stop watching (page unmount). `activate()` brings the watchers back. */
  dispose(): void {
    if (this.#clock) clearInterval(this.#clock);
    this.#clock = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.realtime.dispose();
  }

  // ---- internals -------------------------------------------------------------------------

  async #finish(history: RealtimeItem[], reason: EndReason): Promise<void> {
    this.#saveReady(history, true);
    const saved = await this.#recorder.flush();
    await endSession(this.#closing, reason, saved);
  }

  get #closing() {
    return { sessionId: this.#setup.sessionId, actions: this.#actions, store: this.store };
  }

  #tick(): void {
    const { phase, clockStartedAt, clockOffsetSeconds } = this.store.getState();
    if (phase !== 'live' || clockStartedAt === null) return;
    this.#noise.tick();
    const elapsed = clockOffsetSeconds + (this.#now() - clockStartedAt) / 1000;
    if (elapsed >= this.#setup.timeLimitSeconds) void this.end('time_limit');
  }

  #clientTurns(): number {
    const hidden = new Set(this.store.getState().hiddenItemIds);
    return this.realtime.history.filter((i) => i.type === 'message' && i.role === 'assistant' && !hidden.has(i.itemId)).length;
  }

  #saveReady(history: readonly RealtimeItem[], final: boolean): void {
    this.#recorder.saveReady(history, { final, hidden: new Set(this.store.getState().hiddenItemIds) });
  }

  /** The persona's config, built once the call runtime (zod, agent configs) has loaded; a failed load is retried. */
  #agentConfig(): Promise<AgentConfig> {
    this.#config ??= loadCallRuntime().then(
      (runtime) => runtime.buildRoleplayAgentConfig(this.#setup.scenario, this.#setup.difficulty),
      (error: unknown) => {
        this.#config = null;
        throw error;
      },
    );
    return this.#config;
  }

  async #onTagTurn(args: Record<string, unknown>, callId: string | null): Promise<{ saved: boolean }> {
    const { tagTurnParametersSchema } = await loadCallRuntime();
    const parsed = tagTurnParametersSchema.safeParse(args);
    const tag = parsed.success ? this.#recorder.recordTag(parsed.data, callId, this.realtime.history, this.store.getState().tags.length) : null;
    if (!tag) return { saved: false };
    this.store.setState((s) => (s.tags.some((t) => t.callId === tag.callId) ? s : { tags: [...s.tags, tag] }));
    return { saved: true };
  }

  #sendRaw(event: Record<string, unknown>): void {
    try {
      this.realtime.session?.transport.sendEvent(event as never);
    } catch {
      // Not connected any more: nothing to cancel.
    }
  }
}

;
