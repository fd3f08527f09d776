import { websiteConcierge, WEBSITE_CONCIERGE_ID, type ConciergeGoal } from '@/agents/website-concierge';
import type { LeadInput, WidgetSlot } from '@/lib/contracts/website';
import { AudioPlayer } from '@/lib/realtime/audio/audio-player';
import { RealtimeController, type ControllerDeps } from '@/lib/realtime/session/controller';
import { createRealtimeStore, type RealtimeStore } from '@/lib/realtime/store/store';
import type { ConversationPhase } from '@/lib/contracts/website';
import { nextPhase, type PhaseSignal } from './conversation-phase';
import { micReenableHelp, voiceSupport } from './mic-help';
import { SwitchablePlayer } from './switchable-player';
import { bookCall, fetchSlots, mintWidget, searchSite, sendLead, trackEvent, type WidgetMode } from './widget-api';
import { createWidgetStore, type WidgetStore } from './widget-store';

/**
 * One visitor's conversation in the embedded widget: voice (after consent) or text (never asks
 * for the microphone), on the shared RealtimeController. Voice falls back to text on its own
 * when the microphone is denied or missing, the browser cannot do voice, or connecting times out.
 * Tools run here: `search_knowledge` asks the site's knowledge base (its pages become the shown
 * sources), `capture_lead` opens the form in which the visitor confirms their details.
 */
export type WidgetSetup = { siteId: string; siteName: string; goal: ConciergeGoal; hostOrigin: string; maxSessionMinutes: number };

const MIC_CODES = new Set(['mic_denied', 'mic_unavailable']);
const FALLBACK_CONNECT_CODES = new Set(['connect_timeout', 'connect_failed']);
/** The service's "this session reached its maximum duration" error codes (the engine sends session_expired). */
const EXPIRY_CODES = new Set(['session_expired', 'session_expiration']);
/** A drop this close to the site's session limit is the limit (an OpenAI call hung up by the server sends no error first). */
const LIMIT_SLACK_MS = 5000;
const WIDGET_REFUSALS = new Set(['ip_rate_limited', 'site_rate_limited', 'budget_exhausted', 'origin_not_allowed', 'site_disabled', 'unknown_site', 'invalid_input']);

export class WidgetSession {
  readonly store: WidgetStore = createWidgetStore();
  readonly realtimeStore: RealtimeStore = createRealtimeStore();
  readonly controller: RealtimeController;
  readonly #setup: WidgetSetup;
  readonly #player: SwitchablePlayer;
  #pendingLead: ((result: { saved: boolean; name?: string }) => void) | null = null;
  #pendingBooking: ((result: { booked: boolean; label?: string }) => void) | null = null;
  #mode: WidgetMode = 'text';
  /** This visit's id (analytics), and when the conversation went live / the connect began. */
  readonly visit = crypto.randomUUID();
  #liveAt: number | null = null;
  #connectAt = 0;
  #heard = false;
  /** The conversation's phase, and the visitor turns already counted. */
  #phase: ConversationPhase = 'opening';
  #turns = new Set<string>();
  /** The service said the session reached its maximum duration (before the socket closed). */
  #expired = false;
  #unsubscribe: (() => void) | null = null;

  constructor(setup: WidgetSetup, deps: Partial<ControllerDeps> = {}) {
    this.#setup = setup;
    this.#player = new SwitchablePlayer((deps.createPlayer ?? (() => new AudioPlayer()))());
    this.controller = new RealtimeController({
      connectTimeoutMs: 8000,
      // A session that ends (its time limit) stays ended: no silent reconnect, no rollover.
      reconnectDelaysMs: [],
      maxSessionMs: 24 * 3600_000,
      ...deps,
      store: this.realtimeStore,
      mint: () => mintWidget(setup.siteId, setup.hostOrigin, this.#mode, this.visit),
      getAgentConfig: () => websiteConcierge({ siteName: setup.siteName, goal: setup.goal }),
      createPlayer: () => this.#player,
    });
    this.controller.onServerEvent((event) => {
      const e = event as { type?: unknown; error?: { code?: unknown } };
      if (e.type === 'error' && typeof e.error?.code === 'string' && EXPIRY_CODES.has(e.error.code)) this.#expired = true;
    });
    this.activate();
    this.track('opened');
  }

  track(type: string, data: Record<string, string | number | boolean> = {}): void {
    trackEvent(this.#setup.siteId, this.visit, type, data);
  }

  /** Advance the phase on what just happened; a change is an analytics event. */
  #signal(signal: PhaseSignal): void {
    const phase = nextPhase(this.#phase, signal);
    if (phase === this.#phase) return;
    this.#phase = phase;
    this.store.setState({ conversationPhase: phase });
    this.track('phase', { phase });
  }

  #ended(reason: string, message: string): void {
    const seconds = this.#liveAt === null ? 0 : Math.round((Date.now() - this.#liveAt) / 1000);
    if (this.#liveAt !== null) this.track('ended', { reason, seconds, phase: this.#phase });
    this.#liveAt = null;
    this.store.setState({ phase: 'ended', message });
  }

  /** Watch the conversation (the constructor does; again after a dispose, when React remounts). */
  activate(): void {
    if (this.#unsubscribe) return;
    const setup = this.#setup;
    this.#unsubscribe = this.realtimeStore.subscribe((state, prev) => {
      const error = state.error;
      if (error && error !== prev.error && MIC_CODES.has(error.code) && this.store.getState().mode === 'voice') this.#toText(error.code === 'mic_denied' ? 'The microphone is blocked, so we switched to typing.' : 'No microphone could be opened, so we switched to typing.', error.code === 'mic_denied');
      if (state.micActive && !prev.micActive) this.track('mic_granted');
      if (state.transcript !== prev.transcript) this.#countTurns(state.transcript.order, state.transcript.byId);
      if (state.playing && !this.#heard) {
        this.#heard = true;
        this.track('first_audio', { ms: Date.now() - this.#connectAt });
      }
      if (prev.connection === 'connected' && state.connection !== 'connected' && this.store.getState().phase === 'live') {
        const ranFor = this.#liveAt === null ? 0 : Date.now() - this.#liveAt;
        const expired = this.#expired || state.error?.code === 'session_expired' || ranFor >= setup.maxSessionMinutes * 60_000 - LIMIT_SLACK_MS;
        this.#ended(
          expired ? 'time_limit' : 'lost',
          expired ? `This conversation reached its time limit of ${setup.maxSessionMinutes} minute${setup.maxSessionMinutes === 1 ? '' : 's'}. Start a new one if you need more help.` : (state.error?.message ?? 'The conversation ended.'),
        );
      }
    });
  }

  /** A visitor's finished utterance or message is a turn (counted once), and moves to discovery. */
  #countTurns(order: readonly string[], byId: Readonly<Record<string, { role: string; status: string }>>): void {
    for (const id of order) {
      const row = byId[id];
      if (row?.role !== 'user' || row.status !== 'completed' || this.#turns.has(id)) continue;
      this.#turns.add(id);
      this.track('turn', { n: this.#turns.size });
      this.#signal('visitor_turn');
    }
  }

  /** From the visitor's click: voice (consent given) or text. */
  async start(mode: WidgetMode): Promise<void> {
    this.track(mode === 'voice' ? 'consent' : 'text_chosen');
    if (mode === 'voice') {
      const support = voiceSupport(window as unknown as Parameters<typeof voiceSupport>[0]);
      if (!support.ok) {
        this.store.setState({ fallback: { reason: `${support.reason} You can type instead.`, help: null } });
        this.track('fallback_text', { reason: 'no_voice_support' });
        return this.#connect('text');
      }
    }
    return this.#connect(mode);
  }

  async #connect(mode: WidgetMode): Promise<void> {
    this.#mode = mode;
    this.#player.silent = mode === 'text';
    this.#phase = 'opening';
    this.#expired = false;
    this.store.setState({ phase: 'connecting', mode, message: null, conversationPhase: 'opening' });
    this.#connectAt = Date.now();
    const ok = await this.controller.connect({
      agentId: WEBSITE_CONCIERGE_ID,
      // OpenAI voice: a WebRTC call through the app's relay, which the server hangs up at the limit;
      // text never opens the microphone (WebSocket). The local engine always uses its WebSocket.
      transport: mode === 'voice' ? 'webrtc' : 'websocket',
      input: mode === 'voice' ? 'mic' : 'none',
      toolHandlers: {
        search_knowledge: (args) => this.#search(args),
        capture_lead: (args) => this.#askLead(args),
        list_slots: () => this.#listSlots(),
        book_discovery_call: (args) => this.#askBooking(args),
      },
    });
    if (ok) {
      this.#liveAt ??= Date.now();
      this.store.setState({ phase: 'live' });
      return;
    }
    const error = this.realtimeStore.getState().error;
    if (mode === 'voice' && error && FALLBACK_CONNECT_CODES.has(error.code)) {
      this.store.setState({ fallback: { reason: 'Voice could not connect in time, so we switched to typing.', help: null } });
      this.track('fallback_text', { reason: error.code });
      return this.#connect('text');
    }
    this.store.setState({ phase: error && WIDGET_REFUSALS.has(error.code) ? 'refused' : 'ended', message: error?.message ?? 'The assistant could not start. Try again.' });
  }

  #toText(reason: string, denied: boolean): void {
    this.track(denied ? 'mic_denied' : 'fallback_text', { reason: denied ? 'mic_denied' : 'mic_unavailable' });
    this.#mode = 'text';
    this.#player.silent = true;
    this.store.setState({ mode: 'text', fallback: { reason, help: denied ? micReenableHelp(navigator.userAgent) : null } });
  }

  /** Switch a live voice conversation to typing (the microphone stops) or keep typing. */
  useText(): void {
    if (this.store.getState().mode === 'voice') {
      this.controller.setMuted(true);
      this.#mode = 'text';
      this.#player.silent = true;
      this.store.setState({ mode: 'text' });
    }
  }

  send(text: string): boolean {
    return this.controller.sendText(text);
  }

  async #search(args: Record<string, unknown>): Promise<unknown> {
    const query = typeof args.query === 'string' ? args.query : '';
    this.track('tool_call', { name: 'search_knowledge' });
    const result = await searchSite(this.#setup.siteId, query);
    if ('error' in result) return { error: result.error };
    this.store.setState({ sources: result.hits });
    if (result.hits.length > 0) this.#signal('knowledge_answer');
    return { hits: result.hits.map((h) => ({ title: h.title, url: h.url, section: h.headingPath, snippet: h.snippet })) };
  }

  #askLead(args: Record<string, unknown>): Promise<unknown> {
    this.#pendingLead?.({ saved: false });
    this.#signal('offer');
    this.openLeadForm(typeof args.challenge === 'string' ? args.challenge : '');
    return new Promise((resolve) => {
      this.#pendingLead = resolve;
    });
  }

  openLeadForm(challenge = ''): void {
    this.store.setState({ leadForm: { challenge, fieldErrors: [], sending: false, error: null } });
  }

  async submitLead(fields: Omit<LeadInput, 'siteId'>): Promise<void> {
    const form = this.store.getState().leadForm;
    if (!form) return;
    this.store.setState({ leadForm: { ...form, sending: true, error: null, fieldErrors: [] } });
    const result = await sendLead({ ...fields, siteId: this.#setup.siteId }, this.visit);
    if (!result.ok) {
      this.store.setState({ leadForm: { ...form, sending: false, error: result.error.message, fieldErrors: result.error.fieldErrors ?? [] } });
      return;
    }
    this.store.setState({ leadForm: null, leadSavedFor: result.data.name });
    this.#signal('converted');
    this.#pendingLead?.({ saved: true, name: result.data.name });
    this.#pendingLead = null;
  }

  cancelLead(): void {
    this.store.setState({ leadForm: null });
    this.#pendingLead?.({ saved: false });
    this.#pendingLead = null;
  }

  async #listSlots(): Promise<unknown> {
    const result = await fetchSlots(this.#setup.siteId);
    if ('error' in result) return { error: result.error };
    this.store.setState({ slots: result.slots });
    this.#signal('offer');
    return { slots: result.slots.map((s) => ({ id: s.id, label: s.label })) };
  }

  #askBooking(args: Record<string, unknown>): Promise<unknown> {
    const slot = this.store.getState().slots?.find((s) => s.id === args.slotId);
    if (!slot) return Promise.resolve({ booked: false, error: 'That slot is not among the listed ones: call list_slots first.' });
    this.#pendingBooking?.({ booked: false });
    this.openBookingForm(slot);
    return new Promise((resolve) => {
      this.#pendingBooking = resolve;
    });
  }

  openBookingForm(slot: WidgetSlot): void {
    this.store.setState({ bookingForm: { slot, fieldErrors: [], sending: false, error: null } });
  }

  async submitBooking(fields: { name: string; email: string }): Promise<void> {
    const form = this.store.getState().bookingForm;
    if (!form) return;
    this.store.setState({ bookingForm: { ...form, sending: true, error: null, fieldErrors: [] } });
    const result = await bookCall({ ...fields, siteId: this.#setup.siteId, slotId: form.slot.id }, this.visit);
    if (!result.ok) {
      this.store.setState({ bookingForm: { ...form, sending: false, error: result.error.message, fieldErrors: result.error.fieldErrors ?? [] } });
      return;
    }
    this.#signal('converted');
    this.store.setState((s) => ({ bookingForm: null, booking: result.data, slots: s.slots?.filter((x) => x.id !== result.data.id && x.startsAt !== result.data.startsAt) ?? null }));
    if (this.#pendingBooking) this.#pendingBooking({ booked: true, label: result.data.label });
    // Booked from the list without the assistant asking: tell it, without asking for a reply.
    else this.controller.sendText(`I booked the discovery call on ${result.data.label}.`, { triggerResponse: false });
    this.#pendingBooking = null;
  }

  cancelBooking(): void {
    this.store.setState({ bookingForm: null });
    this.#pendingBooking?.({ booked: false });
    this.#pendingBooking = null;
  }

  end(): void {
    this.controller.disconnect();
    this.#ended('visitor', 'You ended the conversation.');
  }

  dispose(): void {
    if (this.#liveAt !== null) this.track('ended', { reason: 'closed', seconds: Math.round((Date.now() - this.#liveAt) / 1000), phase: this.#phase });
    this.#liveAt = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#pendingLead?.({ saved: false });
    this.#pendingBooking?.({ booked: false });
    this.controller.dispose();
  }
}
