import type { TransportEvent } from '@openai/agents-realtime';
import type { RealtimeStore } from '@/lib/realtime/store/store';
import type { HintStore } from './hint-store';
import type { HintKind, HintSettings } from '@/lib/live/settings/schema';
import { readHintEvent } from './hint-events';
import { HintLedger, finishedStatus } from './hint-ledger';
import { buildHintResponse } from './hint-request';
import { recentTranscriptMessages } from './transcript-context';
import { HINT_AGENT_IDS, type HintCard, type HintHost, type HintSource } from './hint-types';

export { HINT_AGENT_IDS, type HintHost } from './hint-types';
import { suppressionText } from './hint-words';
import { createInterruptMatcher, type InterruptMatcher } from './interrupt-matcher';
import { LiveText } from './live-text';
import { createTriggerMatcher, type TriggerMatcher, type TriggerResult } from './trigger-matcher';

export type HintSessionOptions = {
  host: HintHost;
  store: RealtimeStore;
  /** Where the cards and counters go (the page reads them from here). */
  hintStore: HintStore;
  settings: HintSettings;
  /** Agents whose sessions take hints. */
  hintAgents?: readonly string[];
  now?: () => number;
  /** A request that got no response this long after it could have started is marked failed. */
  requestTimeoutMs?: number;
};

/**
 * The live hint assistant's logic on top of a realtime session: trigger phrases matched on
 * every transcription delta, Quick Hint / Full Guidance requests (out-of-band responses
 * with only the last N messages), interrupt phrases while a hint speaks, and the hint cards
 * the page shows. Latency first: a delta that completes a phrase sends `response.create`
 * before anything is written to the store. Per-delta work does not depend on the length of
 * the meeting.
 */
export class HintSession {
  readonly #host: HintHost;
  readonly #store: RealtimeStore;
  readonly #hints: HintStore;
  readonly #agents: readonly string[];
  readonly #now: () => number;
  readonly #requestTimeoutMs: number;
  readonly #trigger: TriggerMatcher;
  readonly #interrupt: InterruptMatcher;
  readonly #ledger = new HintLedger();
  readonly #live = new LiveText();
  /** Hints whose response is done while their audio still plays. */
  readonly #doneGenerating = new Set<string>();
  #settings: HintSettings;
  #seq = 0;

  constructor({ host, store, hintStore, settings, hintAgents = HINT_AGENT_IDS, now = Date.now, requestTimeoutMs = 20_000 }: HintSessionOptions) {
    this.#host = host;
    this.#store = store;
    this.#hints = hintStore;
    this.#agents = hintAgents;
    this.#now = now;
    this.#requestTimeoutMs = requestTimeoutMs;
    this.#settings = settings;
    this.#trigger = createTriggerMatcher(settings);
    this.#interrupt = createInterruptMatcher(settings);
    this.#publishStats();
  }

  /** Start listening to the session (and the store). Returns the detach function. */
  attach(): () => void {
    const offs = [
      this.#host.onServerEvent((event) => this.#onServerEvent(event)),
      this.#host.onSessionStart(({ resumed }) => this.#onSessionStart(resumed)),
      this.#host.onSessionEnd(({ reason }) => this.#endAll(reason === 'lost' ? 'connection' : 'disconnect')),
      this.#store.subscribe((s, prev) => {
        if (prev.playing && !s.playing) this.#playbackStopped();
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  /** The connected agent takes hints. */
  get enabled(): boolean {
    const s = this.#store.getState();
    return s.connection === 'connected' && s.agentId !== null && this.#agents.includes(s.agentId);
  }

  get settings(): HintSettings {
    return this.#settings;
  }

  /** Apply changed settings to the running session (no reconnect). */
  updateSettings(settings: HintSettings): void {
    this.#settings = settings;
    this.#trigger.updateSettings(settings);
    this.#interrupt.updateSettings(settings);
    this.#publishStats();
  }

  /** Quick Hint / Full Guidance button or shortcut. Returns the card, or null if nothing was sent. */
  request(kind: HintKind, source: Exclude<HintSource, 'phrase'>): HintCard | null {
    if (!this.enabled) return null;
    return this.#onTrigger(this.#trigger.manual(kind, this.#now()), source);
  }

  /**
   * A meeting line typed into the composer. It joins the conversation as context (no spoken
   * reply: the assistant stays silent) and goes through the same matching as a heard
   * utterance: an interrupt phrase stops a playing hint, a trigger phrase fires one. Returns
   * whether the line was sent.
   */
  addTypedLine(text: string): boolean {
    const line = text.trim();
    if (!line || !this.#host.sendText(line, { triggerResponse: false })) return false;
    const now = this.#now();
    // The transcript shows the line once the service confirms it; a hint it fires reads it from here.
    const itemId = `typed_${now.toString(36)}_${++this.#seq}`;
    this.#live.append(itemId, line);
    const hit = this.#interrupt.feedCompleted(itemId, line, now);
    if (hit) this.#stop(hit.interrupt.phrase);
    if (this.enabled) this.#onTrigger(this.#trigger.feedCompleted(itemId, line, now), 'phrase');
    this.#live.delete(itemId);
    return true;
  }

  /** Interrupt button / Esc: stop whatever the assistant is saying. Returns whether anything was stopped. */
  interrupt(by: 'button' | 'shortcut'): boolean {
    return this.#stop(by);
  }

  // ---- events ------------------------------------------------------------------------------

  #onServerEvent(raw: TransportEvent): void {
    const e = readHintEvent(raw);
    if (!e) return;
    const now = this.#now();
    switch (e.kind) {
      case 'transcript_delta': {
        this.#live.append(e.itemId, e.delta);
        // Stopping comes first: it is what the user is waiting for.
        const hit = this.#interrupt.feedDelta(e.itemId, e.delta, now);
        if (hit) this.#stop(hit.interrupt.phrase);
        if (this.enabled) this.#onTrigger(this.#trigger.feedDelta(e.itemId, e.delta, now), 'phrase');
        return;
      }
      case 'transcript_done': {
        const hit = this.#interrupt.feedCompleted(e.itemId, e.transcript, now);
        if (hit) this.#stop(hit.interrupt.phrase);
        if (this.enabled) this.#onTrigger(this.#trigger.feedCompleted(e.itemId, e.transcript, now), 'phrase');
        this.#live.delete(e.itemId);
        return;
      }
      case 'transcript_failed':
        this.#trigger.dropUtterance(e.itemId);
        this.#interrupt.dropUtterance(e.itemId);
        this.#live.delete(e.itemId);
        return;
      case 'response_created': {
        const card = this.#ledger.get(e.requestId);
        if (!card || card.status !== 'requested') return;
        this.#ledger.setSpeaking(card.requestId);
        this.#interrupt.arm();
        this.#put(card.requestId, { responseId: e.responseId, status: 'speaking' });
        return;
      }
      case 'output_added': {
        const card = this.#ledger.byResponse(e.responseId);
        if (card && !card.itemId) this.#put(card.requestId, { itemId: e.itemId });
        return;
      }
      case 'response_done': {
        const card = this.#ledger.byResponse(e.responseId);
        if (!card || card.status !== 'speaking') return;
        if (e.status === 'failed') return this.#finish(card, 'failed');
        // The words are all generated; the hint ends when its audio has played out.
        if (!this.#store.getState().playing) this.#finish(card, finishedStatus(e.status));
        else this.#doneGenerating.add(card.requestId);
        return;
      }
    }
  }

  #playbackStopped(): void {
    const card = this.#ledger.speaking;
    if (card && this.#doneGenerating.has(card.requestId)) this.#finish(card, 'done');
  }

  #onSessionStart(resumed: boolean): void {
    if (resumed) return;
    this.#trigger.reset();
    this.#interrupt.reset();
    this.#ledger.clear();
    this.#doneGenerating.clear();
    this.#live.clear();
    this.#hints.getState().reset();
    this.#publishStats();
  }

  // ---- actions -----------------------------------------------------------------------------

  #onTrigger(result: TriggerResult, source: HintSource): HintCard | null {
    if (!result) return null;
    if ('fired' in result) return this.#fire(result.fired.action, source, result.fired.phrase, result.fired.count, result.fired.itemId);
    const words = suppressionText(result.suppressed, this.#cap());
    if (words) {
      const a = this.#store.getState().actions;
      a.note('hint.suppressed', { reason: result.suppressed.reason, phrase: result.suppressed.phrase, blockedBy: result.suppressed.blockedBy ?? null, message: words });
      this.#hints.getState().setHintStats({ lastSuppressed: words });
    }
    return null;
  }

  #fire(kind: HintKind, source: HintSource, phrase: string | null, count: number, itemId: string | null): HintCard {
    const requestId = `hint_${this.#now().toString(36)}_${++this.#seq}`;
    const trigger = phrase ?? source;
    const size = kind === 'quick' ? this.#settings.quickContextSize : this.#settings.fullContextSize;
    const messages = recentTranscriptMessages(this.#store.getState().transcript, size, this.#live, itemId);
    const response = buildHintResponse({ kind, settings: this.#settings, messages, trigger, requestId });
    // The request leaves first; bookkeeping and the screen follow.
    const sent = this.#host.requestResponse(response);
    const card: HintCard = {
      requestId,
      kind,
      trigger,
      source,
      requestedAt: this.#now(),
      contextMessages: response.input.length,
      responseId: null,
      itemId: null,
      status: sent ? 'requested' : 'failed',
      interruptedBy: null,
    };
    this.#ledger.add(card);
    const a = this.#store.getState().actions;
    this.#hints.getState().putHint(card);
    this.#hints.getState().setHintStats({ fired: count, lastSuppressed: null });
    a.note('hint.requested', { requestId, kind, trigger, contextMessages: card.contextMessages, sent });
    if (sent) setTimeout(() => this.#expire(requestId), this.#requestTimeoutMs);
    return card;
  }

  /** Stop the speaking hint (or any assistant audio). */
  #stop(by: string): boolean {
    const card = this.#ledger.speaking;
    const speaking = card?.status === 'speaking';
    if (!speaking && !this.#store.getState().playing) return false;
    // Named: a hint is out of band, and a bare response.cancel does not reach it (GA rules).
    this.#host.interrupt(speaking ? (card.responseId ?? undefined) : undefined);
    this.#interrupt.disarm();
    this.#trigger.clearDebounce();
    if (card && speaking) this.#finish(card, 'interrupted', by);
    else this.#store.getState().actions.note('assistant.interrupted', { by });
    return true;
  }

  #finish(card: HintCard, status: 'done' | 'interrupted' | 'failed', by: string | null = null): void {
    if (this.#ledger.speaking?.requestId === card.requestId) {
      this.#ledger.setSpeaking(null);
      this.#interrupt.disarm();
    }
    this.#doneGenerating.delete(card.requestId);
    this.#put(card.requestId, { status, interruptedBy: by });
    if (status !== 'done') this.#store.getState().actions.note(`hint.${status}`, { requestId: card.requestId, by });
  }

  #expire(requestId: string): void {
    const card = this.#ledger.get(requestId);
    if (card?.status === 'requested' && !this.#ledger.speaking) this.#finish(card, 'failed', 'no answer');
    else if (card?.status === 'requested') setTimeout(() => this.#expire(requestId), this.#requestTimeoutMs);
  }

  /** The session ended: nothing is speaking any more. */
  #endAll(by: 'connection' | 'disconnect'): void {
    for (const card of this.#ledger.unfinished()) this.#finish(card, card.status === 'speaking' ? 'interrupted' : 'failed', by);
    this.#interrupt.disarm();
  }

  #put(requestId: string, patch: Partial<Omit<HintCard, 'requestId'>>): void {
    const next = this.#ledger.update(requestId, patch);
    if (next) this.#hints.getState().putHint(next);
  }

  #cap(): number | null {
    return this.#settings.perCallCap > 0 ? this.#settings.perCallCap : null;
  }

  #publishStats(): void {
    this.#hints.getState().setHintStats({ cap: this.#cap(), fired: this.#trigger.getState(this.#now()).fired });
  }
}
